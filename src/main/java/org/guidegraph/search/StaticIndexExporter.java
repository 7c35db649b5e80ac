package org.guidegraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.guidegraph.search.internal.Analysis;
import org.guidegraph.search.internal.Codec;
import org.guidegraph.search.internal.Json;
import org.guidegraph.search.internal.QueryPlan;
import org.guidegraph.search.internal.Snippets;
import org.guidegraph.search.internal.Vocabulary;

/**
 * Writes the static search index that {@code templates/assets/search.js} queries in the browser, from disk
 * ({@code file://}) as well as from a server.
 *
 * <p>Browsers refuse {@code fetch()} of {@code file://} URLs but do run {@code <script src>} from them, so every
 * file is a script that hands its data to {@code window.__ggSearch.add(name, data)}. Like Pagefind, the index is
 * cut into chunks the browser loads only when a query needs them:
 *
 * <ul>
 * <li>{@code manifest.js} (the only fixed name): analysis settings, the types and which documents have them, and
 * for each other kind the content hashes of its chunks and the keys where each chunk starts;</li>
 * <li>{@code t<n>-<hash>.js}, terms: stem → its best score and its postings (document ordinal gaps and a score per
 * document, quantised relative to the best), by stem range;</li>
 * <li>{@code w<n>-<hash>.js}, words: the surface forms with a frequency rank, by range, for prefix matching;</li>
 * <li>{@code f<n>-<hash>.js}, typos: surface forms grouped by first letter and length, for one-typo matching;</li>
 * <li>{@code m<n>-<hash>.js}, documents: URL, title and the start of the text of a fixed number of documents.</li>
 * </ul>
 *
 * <p>Scores are Lucene's own (each stem's BM25 score in a document, title boosted, computed by the Lucene index
 * this is exported from), so both searches rank alike. Output is deterministic: sorted keys, no time stamps,
 * ASCII only. Files in the folder that look like an older export's are deleted; others are left alone.
 */
public final class StaticIndexExporter {

    /** The manifest's name: the one file the browser asks for first. */
    public static final String MANIFEST = "manifest.js";
    /** Bumped when the format changes, so {@code search.js} can refuse an index it does not understand. */
    public static final int FORMAT_VERSION = 1;
    /** How far below a stem's best score the smallest stored score may be (1 character per posting). */
    static final double IMPACT_RANGE = 100;
    /** Characters of text kept per document for snippets in the browser. */
    static final int EXCERPT_CHARS = 160;

    private static final Pattern OWN_FILE = Pattern.compile("manifest\\.js|[tfwm]\\d+-[0-9a-z]{6}\\.js");

    private final int termChunkBytes;
    private final int metaDocuments;

    private StaticIndexExporter(int termChunkBytes, int metaDocuments) {
        this.termChunkBytes = termChunkBytes;
        this.metaDocuments = metaDocuments;
    }

    /** An exporter with the chunk sizes measured to suit sites of 10 to 10,000 pages (see SearchBenchmark). */
    public static StaticIndexExporter defaults() {
        return new StaticIndexExporter(8_000, 16);
    }

    /**
     * The same exporter with term chunks of about {@code bytes} (word and typo chunks half that) and
     * {@code documents} documents per document chunk: smaller means fewer bytes per query but more files.
     */
    public StaticIndexExporter withChunkSizes(int bytes, int documents) {
        if (bytes < 1 || documents < 1) {
            throw new IllegalArgumentException("chunk sizes must be positive, not " + bytes + " and " + documents);
        }
        return new StaticIndexExporter(bytes, documents);
    }

    /** Indexes {@code documents} and writes the static index into {@code directory} with default chunk sizes. */
    public static ExportedIndex export(List<SearchDocument> documents, Path directory) throws IOException {
        return defaults().write(documents, directory);
    }

    /** Indexes {@code documents} and writes the static index into {@code directory}. */
    public ExportedIndex write(List<SearchDocument> documents, Path directory) throws IOException {
        try (SearchIndex index = SearchIndex.build(documents)) {
            return write(index, directory);
        }
    }

    /** Writes the static index of an index already built (the one {@code serve} answers from, say). */
    public ExportedIndex write(SearchIndex index, Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        TreeMap<String, Object> manifest = new TreeMap<>();

        Chunks terms = new Chunks("t", termChunkBytes);
        for (Map.Entry<String, String> e : postings(index).entrySet()) {
            terms.add(e.getKey(), e.getValue(), e.getKey().length() + e.getValue().length() + 6);
        }
        manifest.put("terms", terms.writeObjects(files));

        Chunks words = new Chunks("w", termChunkBytes / 2);
        TreeMap<String, List<String>> typos = new TreeMap<>();
        for (Vocabulary.Word w : index.vocabulary().words().values()) {
            StringBuilder entry = new StringBuilder(w.surface());
            Codec.digit(entry, w.rank());
            words.add(w.surface(), entry.toString(), entry.length() + 1);
            typos.computeIfAbsent(Vocabulary.bucketKey(w.surface(), w.surface().length()), k -> new ArrayList<>())
                    .add(entry.toString());
        }
        manifest.put("words", words.writeStrings(files));

        Chunks fuzzy = new Chunks("f", termChunkBytes / 2);
        for (Map.Entry<String, List<String>> e : typos.entrySet()) {
            String joined = String.join(" ", e.getValue());
            fuzzy.add(e.getKey(), joined, e.getKey().length() + joined.length() + 6);
        }
        manifest.put("typos", fuzzy.writeObjects(files));

        manifest.put("documents", writeDocuments(index.documents(), files));
        manifest.put("types", types(index.documents()));
        manifest.put("count", index.size());
        manifest.put("version", FORMAT_VERSION);
        manifest.put("analysis", analysisSettings());

        files.put(MANIFEST, "window.__ggSearch.add(\"manifest\"," + Json.toJson(manifest) + ");\n");
        return writeFiles(files, directory, index.size());
    }

    /** What search.js needs to analyse and rank a query exactly as {@link SearchIndex} does. */
    private static TreeMap<String, Object> analysisSettings() {
        TreeMap<String, Object> a = new TreeMap<>();
        a.put("stopWords", String.join(" ", Analysis.stopWords()));
        a.put("maxTokenChars", Analysis.MAX_TOKEN_CHARS);
        a.put("exact", QueryPlan.EXACT);
        a.put("prefix", QueryPlan.PREFIX);
        a.put("fuzzy", QueryPlan.FUZZY);
        a.put("minPrefix", QueryPlan.MIN_PREFIX);
        a.put("minFuzzy", QueryPlan.MIN_FUZZY);
        a.put("maxExpansions", QueryPlan.MAX_EXPANSIONS);
        a.put("impactRange", IMPACT_RANGE);
        a.put("snippetChars", Snippets.MAX_CHARS);
        return a;
    }

    /**
     * Each stem's postings as {@code "<best score> <gap><level><gap><level>…"}: the ordinals of the documents that
     * hold it (first as is, then gaps less one) each followed by its score, quantised relative to the best.
     */
    private static TreeMap<String, String> postings(SearchIndex index) throws IOException {
        IndexSearcher searcher = index.searcher();
        int[] ordOf = new int[searcher.getIndexReader().maxDoc()];
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            NumericDocValues ords = leaf.reader().getNumericDocValues(SearchIndex.ORD);
            for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                if (ords == null || !ords.advanceExact(d)) {
                    throw new IllegalStateException("document " + d + " has no ordinal");
                }
                ordOf[leaf.docBase + d] = (int) ords.longValue();
            }
        }
        TreeMap<String, String> out = new TreeMap<>();
        long[] packed = new long[16];
        for (String stem : index.vocabulary().stems()) {
            Weight weight = searcher.createWeight(searcher.rewrite(SearchIndex.stemQuery(stem)),
                    ScoreMode.COMPLETE, 1f);
            // (ordinal << 32 | score bits): sorting these sorts by ordinal.
            int n = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                DocIdSetIterator it = scorer.iterator();
                for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                    if (n == packed.length) {
                        packed = Arrays.copyOf(packed, n * 2);
                    }
                    long ord = ordOf[leaf.docBase + d];
                    packed[n++] = ord << 32 | (Float.floatToIntBits(scorer.score()) & 0xFFFFFFFFL);
                }
            }
            if (n == 0) {
                continue;
            }
            Arrays.sort(packed, 0, n);
            double max = 0;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, Float.intBitsToFloat((int) packed[i]));
            }
            String maxText = Codec.decimal(max);
            double best = Double.parseDouble(maxText);
            StringBuilder sb = new StringBuilder(maxText).append(' ');
            long previous = -1;
            for (int i = 0; i < n; i++) {
                long ord = packed[i] >>> 32;
                Codec.varint(sb, ord - previous - 1);
                Codec.digit(sb, Codec.quantise(Float.intBitsToFloat((int) packed[i]), best, IMPACT_RANGE));
                previous = ord;
            }
            out.put(stem, sb.toString());
        }
        return out;
    }

    /**
     * Document chunks: {@code [url, title, excerpt]} per document, in ordinal order. A URL on the same page as the
     * one before it in the chunk is kept as its anchor only ({@code #getting-started}).
     */
    private Map<String, Object> writeDocuments(List<SearchDocument> documents, Map<String, String> files) {
        StringBuilder hashes = new StringBuilder();
        for (int start = 0, n = 0; start < documents.size(); start += metaDocuments, n++) {
            List<Object> rows = new ArrayList<>();
            String page = null;
            for (SearchDocument d : documents.subList(start, Math.min(documents.size(), start + metaDocuments))) {
                String url = d.url();
                int hash = url.indexOf('#');
                String thisPage = hash < 0 ? url : url.substring(0, hash);
                String stored = hash >= 0 && thisPage.equals(page) ? url.substring(hash) : url;
                page = thisPage;
                rows.add(List.of(stored, d.title(), Snippets.excerpt(d.body(), EXCERPT_CHARS)));
            }
            hashes.append(writeChunk(files, "m", n, Json.toJson(rows)));
        }
        TreeMap<String, Object> m = new TreeMap<>();
        m.put("size", metaDocuments);
        m.put("hashes", hashes.toString());
        return m;
    }

    /** Each type with the ordinal ranges of its documents, as varints: gap from the last range's end, length. */
    private static List<Object> types(List<SearchDocument> documents) {
        TreeMap<String, StringBuilder> runs = new TreeMap<>();
        TreeMap<String, Integer> ends = new TreeMap<>();
        for (int ord = 0; ord < documents.size(); ord++) {
            String type = documents.get(ord).type();
            int end = ord + 1;
            while (end < documents.size() && documents.get(end).type().equals(type)) {
                end++;
            }
            StringBuilder sb = runs.computeIfAbsent(type, t -> new StringBuilder());
            Codec.varint(sb, ord - ends.getOrDefault(type, 0));
            Codec.varint(sb, end - ord);
            ends.put(type, end);
            ord = end - 1;
        }
        List<Object> out = new ArrayList<>();
        runs.forEach((type, sb) -> out.add(List.of(type, sb.toString())));
        return out;
    }

    /** Adds a chunk file; returns its hash. */
    private static String writeChunk(Map<String, String> files, String kind, int n, String payload) {
        String hash = Codec.hash(payload);
        String name = kind + n + "-" + hash;
        files.put(name + ".js", "window.__ggSearch.add(\"" + name + "\"," + payload + ");\n");
        return hash;
    }

    private static ExportedIndex writeFiles(Map<String, String> files, Path directory, int documents)
            throws IOException {
        Files.createDirectories(directory);
        try (Stream<Path> old = Files.list(directory)) {
            for (Path p : old.toList()) {
                String name = p.getFileName().toString();
                if (OWN_FILE.matcher(name).matches() && !files.containsKey(name)) {
                    Files.delete(p);
                }
            }
        }
        List<ExportedIndex.File> written = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            byte[] bytes = f.getValue().getBytes(StandardCharsets.US_ASCII);
            Path p = directory.resolve(f.getKey());
            // Unchanged files are not rewritten, so their times stay and a watcher sees only what changed.
            if (!Files.isRegularFile(p) || !Arrays.equals(Files.readAllBytes(p), bytes)) {
                Files.write(p, bytes);
            }
            written.add(new ExportedIndex.File(f.getKey(), kind(f.getKey()), bytes.length));
        }
        written.sort((a, b) -> a.name().equals(MANIFEST) ? -1 : b.name().equals(MANIFEST) ? 1
                : a.name().compareTo(b.name()));
        return new ExportedIndex(directory, documents, written);
    }

    private static String kind(String name) {
        return switch (name.charAt(0)) {
            case 't' -> "terms";
            case 'w' -> "words";
            case 'f' -> "typos";
            case 'm' -> name.equals(MANIFEST) ? "manifest" : "documents";
            default -> throw new IllegalStateException("unexpected file " + name);
        };
    }

    /** Sorted entries cut into chunks of about a target size, each chunk a key range. */
    private static final class Chunks {
        private final String kind;
        private final int target;
        private final List<List<String[]>> chunks = new ArrayList<>();
        private final List<String> starts = new ArrayList<>();
        private List<String[]> current = new ArrayList<>();
        private int size;

        Chunks(String kind, int target) {
            this.kind = kind;
            this.target = target;
        }

        /** Adds an entry; keys must come in ascending order. */
        void add(String key, String value, int bytes) {
            if (!current.isEmpty() && size + bytes > target) {
                String last = current.get(current.size() - 1)[0];
                chunks.add(current);
                starts.add(separator(last, key));
                current = new ArrayList<>();
                size = 0;
            }
            current.add(new String[] {key, value});
            size += bytes;
        }

        /** Writes chunks whose data is an object {key: value}; returns the manifest's index of them. */
        String writeObjects(Map<String, String> files) {
            return write(files, true);
        }

        /** Writes chunks whose data is one string of the values joined by spaces. */
        String writeStrings(Map<String, String> files) {
            return write(files, false);
        }

        /** Returns {@code "hash0 start1 hash1 start2 hash2…"}: chunk i holds the keys from start i up to start i+1. */
        private String write(Map<String, String> files, boolean objects) {
            if (!current.isEmpty() || chunks.isEmpty()) {
                chunks.add(current);
                current = new ArrayList<>();
            }
            StringBuilder index = new StringBuilder();
            for (int n = 0; n < chunks.size(); n++) {
                String payload;
                if (objects) {
                    TreeMap<String, Object> data = new TreeMap<>();
                    for (String[] e : chunks.get(n)) {
                        data.put(e[0], e[1]);
                    }
                    payload = Json.toJson(data);
                } else {
                    List<String> values = new ArrayList<>();
                    for (String[] e : chunks.get(n)) {
                        values.add(e[1]);
                    }
                    payload = Json.toJson(String.join(" ", values));
                }
                if (n > 0) {
                    index.append(' ').append(starts.get(n - 1)).append(' ');
                }
                index.append(writeChunk(files, kind, n, payload));
            }
            return index.toString();
        }

        /** The shortest prefix of {@code next} that sorts after {@code last}: where the next chunk starts. */
        static String separator(String last, String next) {
            for (int len = 1; len < next.length(); len++) {
                String p = next.substring(0, len);
                if (p.compareTo(last) > 0) {
                    return p;
                }
            }
            return next;
        }
    }
}
