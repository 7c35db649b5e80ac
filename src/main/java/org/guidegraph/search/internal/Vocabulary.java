package org.guidegraph.search.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every surface form of an index with its stem and a frequency rank: what prefix and typo matching expand a query
 * word into. Immutable once built; the static index exports exactly this, so both searches expand alike.
 */
public final class Vocabulary {

    /** The number of rank levels (one character of {@link Codec}). */
    public static final int RANKS = Codec.DIGITS;

    private final NavigableMap<String, Word> words;
    private final Map<String, List<Word>> buckets;
    private final Map<String, List<Word>> stemBuckets;
    private final Set<String> stems;

    /**
     * A surface form.
     *
     * @param surface the form as analysed (lower case, no possessive)
     * @param stem its Porter stem
     * @param rank how common it is, 0 (in one document) to {@link #RANKS}-1, from its document frequency
     */
    public record Word(String surface, String stem, int rank) {
    }

    /** Most common first, then shortest, then alphabetical: the order in which expansions are chosen. */
    public static final Comparator<Word> EXPANSION_ORDER = Comparator.comparingInt((Word w) -> -w.rank())
            .thenComparingInt(w -> w.surface().length())
            .thenComparing(Word::surface);

    private Vocabulary(NavigableMap<String, Word> words) {
        this.words = Collections.unmodifiableNavigableMap(words);
        Map<String, List<Word>> b = new HashMap<>();
        Map<String, Integer> stemRanks = new TreeMap<>();
        for (Word w : words.values()) {
            b.computeIfAbsent(bucketKey(w.surface(), w.surface().length()), k -> new ArrayList<>()).add(w);
            stemRanks.merge(w.stem(), w.rank(), Math::max);
        }
        Map<String, List<Word>> sb = new HashMap<>();
        stemRanks.forEach((stem, rank) -> sb.computeIfAbsent(bucketKey(stem, stem.length()), k -> new ArrayList<>())
                .add(new Word(stem, stem, rank)));
        this.buckets = b;
        this.stemBuckets = sb;
        this.stems = stemRanks.keySet();
    }

    /** Collects surface forms, counting each once per document; documents may be added from several threads. */
    public static final class Builder {
        private final Map<String, Integer> df = new java.util.concurrent.ConcurrentHashMap<>();

        /** Adds the text of one document (all its fields together). */
        public Builder addDocument(String... texts) {
            Set<String> seen = new HashSet<>();
            for (String text : texts) {
                seen.addAll(Analysis.surfaces(text));
            }
            return addSurfaces(seen);
        }

        /** Takes away a document added before: the distinct surface forms it was added with. */
        public Builder removeSurfaces(Set<String> surfaces) {
            for (String s : surfaces) {
                df.computeIfPresent(s, (k, n) -> n == 1 ? null : n - 1);
            }
            return this;
        }

        /** The number of documents of each surface form added so far. */
        public Map<String, Integer> documentFrequencies() {
            return Map.copyOf(df);
        }

        /** Adds the distinct surface forms of one document ({@link Analysis#surfaces} of all its fields). */
        public Builder addSurfaces(Set<String> surfaces) {
            for (String s : surfaces) {
                df.merge(s, 1, Integer::sum);
            }
            return this;
        }

        public Vocabulary build() {
            return build(Analysis::stem);
        }

        /** The vocabulary, each surface form's stem given by {@code stemOf} (a cache of {@link Analysis#stem}). */
        public Vocabulary build(java.util.function.Function<String, String> stemOf) {
            TreeMap<String, Word> words = new TreeMap<>();
            for (Map.Entry<String, Integer> e : df.entrySet()) {
                String stem = stemOf.apply(e.getKey());
                words.put(e.getKey(), new Word(e.getKey(), stem, rank(e.getValue())));
            }
            return new Vocabulary(words);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts with these document frequencies of surface forms (of another builder). */
    public static Builder builder(Map<String, Integer> documentFrequencies) {
        Builder b = new Builder();
        b.df.putAll(documentFrequencies);
        return b;
    }

    /** The rank of a document frequency: a log scale, so that 1 → 0 and every doubling adds about 6. */
    static int rank(int documentFrequency) {
        int r = (int) Math.floor(StrictMath.log(documentFrequency) * 8.0);
        return Math.min(Math.max(r, 0), RANKS - 1);
    }

    /** The key of the typo bucket that holds words (and stems) of this first character and length: {@code d13}. */
    public static String bucketKey(String surface, int length) {
        return length < 10 ? surface.charAt(0) + "0" + length : surface.charAt(0) + Integer.toString(length);
    }

    /** All words, sorted by surface form. */
    public NavigableMap<String, Word> words() {
        return words;
    }

    /** All stems, sorted. */
    public TreeSet<String> stems() {
        return new TreeSet<>(stems);
    }

    public boolean hasStem(String stem) {
        return stems.contains(stem);
    }

    /** Up to {@code limit} words starting with {@code prefix}, in {@link #EXPANSION_ORDER}. */
    public List<Word> completions(String prefix, int limit) {
        List<Word> all = new ArrayList<>(words.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values());
        all.sort(EXPANSION_ORDER);
        return all.subList(0, Math.min(limit, all.size()));
    }

    /**
     * The typo bucket {@code key}: its words, then its stems (as words whose surface is the stem), for export.
     */
    public List<Word> bucket(String key, boolean stemEntries) {
        return (stemEntries ? stemBuckets : buckets).getOrDefault(key, List.of());
    }

    /** The keys of all typo buckets, sorted. */
    public TreeSet<String> bucketKeys() {
        TreeSet<String> keys = new TreeSet<>(buckets.keySet());
        keys.addAll(stemBuckets.keySet());
        return keys;
    }

    /**
     * Up to {@code limit} stems for a word that matched nothing: those of the words one edit from {@code surface}
     * (insertion, deletion, substitution or transposition of neighbours) and the stems one edit from its
     * {@code stem} (so "disagregated" finds "disaggregation" through "disaggreg"), never changing the first
     * character; chosen in {@link #EXPANSION_ORDER}, words before stems on ties.
     */
    public List<String> neighbours(String surface, String stem, int limit) {
        List<Word> found = new ArrayList<>();
        List<Boolean> isStem = new ArrayList<>();
        collect(buckets, surface, found, isStem, false);
        collect(stemBuckets, stem, found, isStem, true);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> found.get(i), EXPANSION_ORDER)
                .thenComparing(i -> isStem.get(i)));
        List<String> out = new ArrayList<>();
        for (int i : order.subList(0, Math.min(limit, order.size()))) {
            out.add(found.get(i).stem());
        }
        return out;
    }

    private static void collect(Map<String, List<Word>> buckets, String form, List<Word> found, List<Boolean> isStem,
            boolean stems) {
        for (int len = form.length() - 1; len <= form.length() + 1; len++) {
            for (Word w : buckets.getOrDefault(bucketKey(form, len), List.of())) {
                if (EditDistance.isOneEdit(form, w.surface())) {
                    found.add(w);
                    isStem.add(stems);
                }
            }
        }
    }
}
