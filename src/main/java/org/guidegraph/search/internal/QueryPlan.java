package org.guidegraph.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a query means: its words, each expanded into the stems that may stand for it, with a weight. Lucene and
 * {@code search.js} both score a document as the sum, over the query's words, of the best weighted stem it holds;
 * a document must hold every word. Rules, in order, for each word:
 *
 * <ol>
 * <li>its own stem, weight {@link #EXACT}, when the index has it;</li>
 * <li>for the last word of a query when nothing follows it (the word being typed), of at least
 * {@link #MIN_PREFIX} characters: the stems of up to {@link #MAX_EXPANSIONS} words that start with it, weight
 * {@link #PREFIX} (a stop word is kept there when words start with it: "the" may be the start of "theory");</li>
 * <li>only when neither matched, for a word of at least {@link #MIN_FUZZY} characters: up to
 * {@link #MAX_EXPANSIONS} stems of words one edit away, or stems one edit from its stem, sharing its first letter
 * ({@link Vocabulary#neighbours}), weight {@link #FUZZY}.</li>
 * </ol>
 */
public record QueryPlan(List<Term> terms) {

    public static final double EXACT = 1.0;
    public static final double PREFIX = 0.8;
    public static final double FUZZY = 0.5;
    public static final int MIN_PREFIX = 2;
    public static final int MIN_FUZZY = 4;
    public static final int MAX_EXPANSIONS = 10;
    /** Title matches count this many times a body match. */
    public static final float TITLE_BOOST = 3f;
    /**
     * A page whose title is exactly the query's words scores this many times as much: "vocabulary" finds the page called Vocabulary before pages that use the
     * word more often.
     */
    public static final float NAME_BOOST = 2f;
    /** Names of more words than this get no name key: nobody types them whole. */
    public static final int MAX_NAME_WORDS = 4;

    /**
     * One word of the query.
     *
     * @param surface the analysed word
     * @param alternatives stem → weight, sorted by stem; empty when nothing in the index matches the word
     */
    public record Term(String surface, Map<String, Double> alternatives) {
    }

    public QueryPlan {
        terms = List.copyOf(terms);
    }

    /** Plans {@code query} against {@code vocabulary}; no terms means the query had no searchable word. */
    public static QueryPlan of(String query, Vocabulary vocabulary) {
        List<Analysis.RawToken> tokens = Analysis.tokens(query);
        // The last word is still being typed when nothing (a space, a full stop) follows it.
        boolean typing = !tokens.isEmpty() && tokens.get(tokens.size() - 1).end() == query.length();
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String surface = tokens.get(i).surface();
            if (surface == null || surface.isEmpty()) {
                continue;
            }
            boolean prefix = typing && i == tokens.size() - 1 && surface.length() >= MIN_PREFIX;
            boolean stop = Analysis.isStopWord(surface);
            if (stop && !prefix) {
                continue;
            }
            TreeMap<String, Double> alts = new TreeMap<>();
            String stem = stop ? null : Analysis.stem(surface);
            if (stem != null && vocabulary.hasStem(stem)) {
                alts.put(stem, EXACT);
            }
            if (prefix) {
                for (Vocabulary.Word w : vocabulary.completions(surface, MAX_EXPANSIONS)) {
                    alts.merge(w.stem(), PREFIX, Math::max);
                }
            }
            if (alts.isEmpty() && !stop && surface.length() >= MIN_FUZZY) {
                for (String s : vocabulary.neighbours(surface, stem, MAX_EXPANSIONS)) {
                    alts.merge(s, FUZZY, Math::max);
                }
            }
            if (stop && alts.isEmpty()) {
                continue; // a stop word that starts no indexed word is just a stop word
            }
            terms.add(new Term(surface, alts));
        }
        return new QueryPlan(terms);
    }

    /**
     * The name key of a text: the stems of its words that are not stop words, each followed by {@code !}
     * ({@code "Inference Scheduling"} → {@code inferenc!schedul!}), or null when it has none or more than
     * {@link #MAX_NAME_WORDS}. A query's key equal to a document's key is a name match ({@link #NAME_BOOST}); no
     * stem holds a {@code !}, so keys are stored among the stems of the static index.
     */
    public static String nameKey(String text) {
        StringBuilder key = new StringBuilder();
        int words = 0;
        for (Analysis.RawToken t : Analysis.tokens(text)) {
            String surface = t.surface();
            if (surface == null || surface.isEmpty() || Analysis.isStopWord(surface)) {
                continue;
            }
            if (++words > MAX_NAME_WORDS) {
                return null;
            }
            key.append(Analysis.stem(surface)).append('!');
        }
        return words == 0 ? null : key.toString();
    }

    /** Every stem the plan may match, for highlighting. */
    public java.util.Set<String> stems() {
        java.util.Set<String> s = new java.util.TreeSet<>();
        for (Term t : terms) {
            s.addAll(t.alternatives().keySet());
        }
        return s;
    }
}
