package org.guidegraph.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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
 * for each other kind the content hashes of its chunks and the keys where each chunk starts (for a large site,
 * of directory files that list them: {@code td<n>-<hash>.js} and so on, so the manifest stays small);</li>
 * <li>{@code t<n>-<hash>.js}, terms: each stem with its postings (its best score, then document ordinal gaps
 * each with a score quantised relative to the best, see {@link #postings}), by stem range; among them the name
 * keys ({@code inferenc!schedul!}) with the documents of that name, for the name boost;</li>
 * <li>{@code w<n>-<hash>.js}, words: the surface forms with a frequency rank, by range, for prefix matching;</li>
 * <li>{@code f<n>-<hash>.js}, typos: surface forms and stems grouped by first letter and length, for one-typo
 * matching;</li>
 * <li>{@code m<n>-<hash>.js}, documents: URL, title and the start of the text of a fixed number of documents
 * (see {@link #writeDocuments}).</li>
 * </ul>
 *
 * <p>Computing the postings, the costly part, runs on all cores; the files are the same on any number.
 *
 * <p>Scores are Lucene's own (each stem's BM25 score in a document, title boosted, times the document's weight,
 * computed with Lucene's similarity from the statistics of the index this is exported from, see
 * {@link Bm25Scores}), so both searches rank alike. Output is deterministic: sorted keys, no time stamps,
 * ASCII only. Files in the folder that look like an older export's are deleted; others are left alone.
 */
public final class StaticIndexExporter {

    /** The manifest's name: the one file the browser asks for first. */
    public static final String MANIFEST = "manifest.js";
    /** Bumped when the format changes, so {@code search.js} can refuse an index it does not understand. */
    public static final int FORMAT_VERSION = 4;
    /** How far below a stem's best score the smallest stored score may be (1 character per posting). */
    static final double IMPACT_RANGE = 100;
    /**
     * Levels of a posting's score between the stem's best and {@code best / IMPACT_RANGE}: steps of 5%, so a score
     * read back is within 2.6% of Lucene's. With half as many (45), near-ties swapped that the parity tests with
     * Lucene (StaticSearchNodeTest) hold the browser to.
     */
    static final int IMPACT_LEVELS = 90;
    /** Characters of text kept per document for snippets in the browser. */
    static final int EXCERPT_CHARS = 64;
    /** Above this many chunks of a kind, the manifest lists directories of this many chunks instead. */
    static final int FANOUT = 64;

    private static final Pattern OWN_FILE = Pattern.compile("manifest\\.js|[tfwm]d?\\d+-[0-9a-z]{6}\\.js");

    private final int termChunkBytes;
    private final int metaDocuments;

    private StaticIndexExporter(int termChunkBytes, int metaDocuments) {
        this.termChunkBytes = termChunkBytes;
        this.metaDocuments = metaDocuments;
    }

    /**
     * An exporter with the chunk sizes measured to suit sites of 10 to 10,000 pages (see SearchBenchmark): 8
     * documents per document chunk keep the heaviest first query found at 10,000 pages under 100 KB (16 gave
     * 102 KB), for 4 % more bytes per page.
     */
    public static StaticIndexExporter defaults() {
        return new StaticIndexExporter(4_000, 8);
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
        return write(index, directory, null, null);
    }

    /**
     * Writes the static index of an index already built into {@code directory}, hard-linking (or copying where
     * links are not possible) each file whose name and bytes are those of a file of the last published export
     * that {@code reuse} recorded, from {@code previous} (that export's folder), instead of writing it; notes the
     * files in {@code reuse} for the next export. Without {@code reuse} every file is written.
     */
    public ExportedIndex write(SearchIndex index, Path directory, IndexReuse reuse, Path previous)
            throws IOException {
        return write(index, directory, reuse, previous,
                previous == null ? null : org.guidegraph.output.SiteWriter.links(directory, previous));
    }

    /**
     * As {@link #write(SearchIndex, Path, IndexReuse, Path)}, putting the files of the last published export that
     * are kept (their names relative to {@code keep}'s folder) into {@code directory} with {@code keep} (may be
     * null: none are kept; for a site written in place, it only notes them).
     */
    public ExportedIndex write(SearchIndex index, Path directory, IndexReuse reuse, Path previous,
            org.guidegraph.output.SiteWriter.Keep keep) throws IOException {
        Map<String, String> files = new TreeMap<>();
        TreeMap<String, Object> manifest = new TreeMap<>();
        IndexReuse.Memo before = reuse == null ? new IndexReuse().memo : reuse.memo;
        // chunks are encoded and hashed on every core: the memo is filled concurrently
        IndexReuse.Memo memo = new IndexReuse.Memo(sized(before.hashes()), sized(before.json()),
                sized(before.entries()), null, sized(before.files()));
        Hasher hasher = new Hasher() {
            @Override
            public String hash(String payload) {
                String hash = before.hashes().get(payload);
                if (hash == null) {
                    hash = Codec.hash(payload);
                }
                memo.hashes().put(payload, hash);
                return hash;
            }

            @Override
            public String json(String text) {
                String json = before.json().get(text);
                if (json == null) {
                    json = Json.toJson(text);
                }
                memo.json().put(text, json);
                return json;
            }

            @Override
            public String file(String name, String payload) {
                IndexReuse.ChunkFile was = before.files().get(name);
                // the name holds a short hash of the payload, which two payloads may share: the payload decides
                IndexReuse.ChunkFile is = was != null && was.payload() == payload ? was
                        : new IndexReuse.ChunkFile(payload, "window.__ggSearch.add(\"" + name + "\"," + payload
                                + ");\n");
                memo.files().put(name, is);
                return is.text();
            }
        };

        Postings postings = postings(index, before, memo, reuse);
        Chunks terms = new Chunks("t", termChunkBytes);
        TreeMap<String, String> entries = new TreeMap<>(postings.entries);
        entries.putAll(names(index.analysed(), reuse));
        entries.forEach((stem, entry) -> terms.add(stem, stem + " " + entry));
        manifest.put("terms", terms.write(files, hasher));
        TreeMap<String, Object> scores = new TreeMap<>();
        scores.put("best", List.of(postings.min, postings.max));
        scores.put("range", IMPACT_RANGE);
        scores.put("levels", IMPACT_LEVELS);
        manifest.put("scores", scores);

        Chunks words = new Chunks("w", termChunkBytes / 2);
        for (Vocabulary.Word w : index.vocabulary().words().values()) {
            words.add(w.surface(), entry(w, ""));
        }
        manifest.put("words", words.write(files, hasher));

        // Typo buckets: "key word word #stem …", stems marked with # (no token holds one).
        Chunks fuzzy = new Chunks("f", termChunkBytes / 2).joinedBy("\n");
        for (String key : index.vocabulary().bucketKeys()) {
            StringBuilder bucket = new StringBuilder(key);
            index.vocabulary().bucket(key, false).forEach(w -> bucket.append(' ').append(entry(w, "")));
            index.vocabulary().bucket(key, true).forEach(w -> bucket.append(' ').append(entry(w, "#")));
            fuzzy.add(key, bucket.toString());
        }
        manifest.put("typos", fuzzy.write(files, hasher));

        IndexReuse.DocumentChunks[] chunks = new IndexReuse.DocumentChunks[1];
        manifest.put("documents", writeDocuments(index.documents(), files, hasher, before, chunks));
        manifest.put("types", types(index.documents(), reuse));
        manifest.put("count", index.size());
        manifest.put("version", FORMAT_VERSION);
        manifest.put("analysis", analysisSettings());

        files.put(MANIFEST, "window.__ggSearch.add(\"manifest\"," + Json.toJson(manifest) + ");\n");
        Map<String, String> linkable = reuse == null || previous == null ? Map.of() : reuse.published();
        ExportedIndex exported = writeFiles(files, directory, index.size(), linkable, previous, keep);
        if (reuse != null) {
            reuse.exported(files);
            reuse.memo = new IndexReuse.Memo(memo.hashes(), memo.json(), memo.entries(), chunks[0], memo.files());
        }
        return exported;
    }

    /** A concurrent map to hold about as many entries as {@code like}. */
    private static <K, V> Map<K, V> sized(Map<K, V> like) {
        return new java.util.concurrent.ConcurrentHashMap<>(Math.max(16, like.size() + like.size() / 3));
    }

    /** A word list entry: the word and its rank digit. */
    private static String entry(Vocabulary.Word w, String marker) {
        StringBuilder sb = new StringBuilder(marker).append(w.surface());
        Codec.digit(sb, w.rank());
        return sb.toString();
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
        a.put("snippetChars", Snippets.MAX_CHARS);
        a.put("nameBoost", (double) QueryPlan.NAME_BOOST);
        a.put("maxNameWords", QueryPlan.MAX_NAME_WORDS);
        return a;
    }

    /** Every stem's postings, and the range of the best scores (the scale of their two-digit levels). */
    private record Postings(TreeMap<String, String> entries, double min, double max) {
    }

    /**
     * Each stem's postings as {@code <best><window><base><posting><posting>…}: its best score (two digits on a log
     * scale from the smallest best score of the index to the largest), then the documents that hold it, each with
     * its score as a level, one digit on a log scale relative to the best ({@link Codec#quantise}). Most levels of
     * a stem fall in a narrow window (documents of about the same length that hold it once), so a posting is one
     * varint: {@code gap × (W + 1) + code}, the gap being the ordinal's distance from the one before less one (the
     * first ordinal as is) and the code the level less {@code base} when it lies in the window of {@code W} levels
     * from {@code base}, else {@code W}, and the level follows as a digit. {@code W} is one of {@link #WINDOWS}
     * (its index is the window digit), chosen with {@code base} to make the entry shortest. A stem of one document
     * has no level: its score is the best. Scores are Lucene's: the score of the stem's query
     * ({@link SearchIndex#stemQuery}) in each document.
     */
    private static Postings postings(SearchIndex index, IndexReuse.Memo before, IndexReuse.Memo memo,
            IndexReuse reuse) {
        Map<String, long[]> scored = Bm25Scores.of(index.analysed(), reuse);
        List<String> stems = new ArrayList<>(index.vocabulary().stems());
        long[][] lists = new long[stems.size()][];
        IndexReuse.Entry[] was = new IndexReuse.Entry[stems.size()];
        double[] bests = new double[stems.size()];
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < stems.size(); i++) {
            lists[i] = scored.getOrDefault(stems.get(i), new long[0]);
            was[i] = before.entries().get(stems.get(i));
            if (lists[i].length > 0) {
                // scores kept from the last export (the very list) have the best worked out then
                bests[i] = was[i] != null && was[i].scores() == lists[i] ? was[i].top() : best(lists[i]);
                min = Math.min(min, bests[i]);
                max = Math.max(max, bests[i]);
            }
        }
        if (min == Double.MAX_VALUE) { // no stem: an index of empty documents
            return new Postings(new TreeMap<>(), 0, 0);
        }
        // Written in the manifest with five digits: quantise against exactly what the browser will read.
        double lo = Double.parseDouble(Codec.decimal(min));
        double hi = Double.parseDouble(Codec.decimal(max));
        String[] encoded = new String[stems.size()];
        IntStream.range(0, stems.size()).parallel().forEach(i -> {
            IndexReuse.Entry e = encode(lists[i], bests[i], lo, hi, was[i]);
            memo.entries().put(stems.get(i), e);
            encoded[i] = e.text();
        });
        TreeMap<String, String> out = new TreeMap<>();
        for (int i = 0; i < stems.size(); i++) {
            if (lists[i].length > 0) {
                out.put(stems.get(i), encoded[i]);
            }
        }
        return new Postings(out, lo, hi);
    }

    private static double best(long[] list) {
        // A score's float bits, as an integer, order as the scores do when not negative; a negative score or -0
        // loses to the 0 it starts from, and a NaN (its bits made positive by floatToIntBits) wins, as with
        // Math.max on doubles, which spends checks on exactly those cases.
        int best = 0;
        for (long p : list) {
            best = Math.max(best, (int) p);
        }
        return Float.intBitsToFloat(best);
    }

    /** The widths of level windows a stem may use: the window digit of its entry is an index into these. */
    static final int[] WINDOWS = {0, 1, 3, 7, 15, 31};

    /** One stem's entry, {@code top} being its best score: see {@link #postings}. */
    private static IndexReuse.Entry encode(long[] list, double top, double lo, double hi, IndexReuse.Entry before) {
        if (before != null && before.encodes(list, lo, hi)) {
            return before; // the same scores in the same range: the same text
        }
        int best = Codec.scaleLevel(top, lo, hi);
        double readBack = Codec.scaleValue(best, lo, hi);
        int[] gaps = new int[list.length];
        int[] levels = new int[list.length];
        long previous = -1;
        int[] histogram = new int[Codec.DIGITS];
        for (int i = 0; i < list.length; i++) {
            long ord = list[i] >>> 32;
            gaps[i] = (int) (ord - previous - 1);
            levels[i] = Codec.quantise(score(list[i]), readBack, IMPACT_RANGE, IMPACT_LEVELS);
            histogram[levels[i]]++;
            previous = ord;
        }
        String text = before != null && before.best() == best && Arrays.equals(before.gaps(), gaps)
                && Arrays.equals(before.levels(), levels)
                ? before.text() // the same levels as the last export's: the same text
                : encode(best, gaps, levels, histogram);
        return new IndexReuse.Entry(list, top, lo, hi, best, gaps, levels, text);
    }

    private static String encode(int best, int[] gaps, int[] levels, int[] histogram) {
        StringBuilder sb = new StringBuilder();
        Codec.digit(sb, best / Codec.DIGITS);
        Codec.digit(sb, best % Codec.DIGITS);
        if (gaps.length == 1) { // the one document of a stem has its best score: no level
            Codec.digit(sb, 0);
            Codec.digit(sb, 0);
            Codec.varint(sb, gaps[0]);
            return sb.toString();
        }
        int bestWindow = 0;
        int bestBase = 0;
        long bestCost = Long.MAX_VALUE;
        for (int w = 0; w < WINDOWS.length; w++) {
            int base = densest(histogram, WINDOWS[w]);
            long cost = 0;
            for (int i = 0; i < gaps.length; i++) {
                int code = code(levels[i], base, WINDOWS[w]);
                cost += Codec.varintLength((long) gaps[i] * (WINDOWS[w] + 1) + code) + (code == WINDOWS[w] ? 1 : 0);
            }
            if (cost < bestCost) {
                bestCost = cost;
                bestWindow = w;
                bestBase = base;
            }
        }
        int width = WINDOWS[bestWindow];
        Codec.digit(sb, bestWindow);
        Codec.digit(sb, bestBase);
        for (int i = 0; i < gaps.length; i++) {
            int code = code(levels[i], bestBase, width);
            Codec.varint(sb, (long) gaps[i] * (width + 1) + code);
            if (code == width) {
                Codec.digit(sb, levels[i]);
            }
        }
        return sb.toString();
    }

    /** A level's code in the window of {@code width} levels from {@code base}; {@code width} when outside. */
    private static int code(int level, int base, int width) {
        return level >= base && level < base + width ? level - base : width;
    }

    /** The base of the window of {@code width} levels that holds most postings (the lowest such base on ties). */
    private static int densest(int[] histogram, int width) {
        int best = 0;
        int bestCount = -1;
        for (int base = 0; base + width <= histogram.length; base++) {
            int count = 0;
            for (int l = base; l < base + width; l++) {
                count += histogram[l];
            }
            if (count > bestCount) {
                bestCount = count;
                best = base;
            }
        }
        return best;
    }

    /**
     * The name keys ({@link SearchIndex#nameKey}) with the documents that have them, stored among the stems (a key
     * ends with {@code !}, which no stem holds) as ordinal gaps less one, varints without scores.
     */
    private static TreeMap<String, String> names(List<AnalysedDocument> documents, IndexReuse reuse) {
        IndexReuse.Derived<AnalysedDocument, TreeMap<String, String>> last = reuse == null ? null : reuse.names;
        if (last != null && last.holdsFor(documents, a -> a.nameKey)) {
            reuse.names = new IndexReuse.Derived<>(documents.toArray(new AnalysedDocument[0]), last.value());
            return last.value();
        }
        TreeMap<String, List<Integer>> ords = new TreeMap<>();
        for (int ord = 0; ord < documents.size(); ord++) {
            String key = documents.get(ord).nameKey;
            if (key != null) {
                ords.computeIfAbsent(key, k -> new ArrayList<>()).add(ord);
            }
        }
        TreeMap<String, String> out = new TreeMap<>();
        ords.forEach((key, list) -> {
            StringBuilder sb = new StringBuilder();
            int previous = -1;
            for (int ord : list) {
                Codec.varint(sb, ord - previous - 1);
                previous = ord;
            }
            out.put(key, sb.toString());
        });
        if (reuse != null) {
            reuse.names = new IndexReuse.Derived<>(documents.toArray(new AnalysedDocument[0]), out);
        }
        return out;
    }

    private static double score(long packed) {
        return Float.intBitsToFloat((int) packed);
    }

    /**
     * Document chunks: one string per chunk, a line per document in ordinal order, each {@code url TAB title TAB
     * excerpt}, written as short as search.js can make them whole again:
     *
     * <ul>
     * <li>a URL on the page of the line before is kept as its anchor only ({@code #getting-started}), or as nothing
     * when the anchor is the {@link #slug} of its heading; another URL that holds the slug of its own page title
     * has it as a backquote ({@code feature/`.html}), and a URL that holds a backquote of its own starts with two
     * more;</li>
     * <li>a title that starts with the page title of the line before and {@code " › "} is kept as a space and the
     * rest (no title starts with a space);</li>
     * <li>an excerpt cut short ends with a space instead of an ellipsis.</li>
     * </ul>
     */
    private Map<String, Object> writeDocuments(List<SearchDocument> documents, Map<String, String> files,
            Hasher hasher, IndexReuse.Memo before, IndexReuse.DocumentChunks[] made) {
        int count = (documents.size() + metaDocuments - 1) / metaDocuments;
        String[] payloads = new String[count];
        SearchDocument[] all = documents.toArray(new SearchDocument[0]);
        List<String[]> chunks = IntStream.range(0, count).parallel().mapToObj(n -> {
            int from = n * metaDocuments;
            int to = Math.min(all.length, from + metaDocuments);
            String payload = before.documentChunks().payload(metaDocuments, n, all, to);
            if (payload == null) {
                payload = documentChunk(Arrays.asList(all).subList(from, to));
            }
            payloads[n] = payload;
            return new String[] {payload, hasher.hash(payload)};
        }).toList();
        made[0] = new IndexReuse.DocumentChunks(metaDocuments, all, payloads);
        List<String> hashes = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            hashes.add(writeChunk(files, hasher, "m", n, chunks.get(n)[0], chunks.get(n)[1]));
        }
        TreeMap<String, Object> m = new TreeMap<>();
        m.put("size", metaDocuments);
        if (hashes.size() <= FANOUT) {
            m.put("hashes", String.join("", hashes));
        } else {
            // Two levels, so the manifest stays small however large the site: directory j names chunks jF…jF+F-1.
            StringBuilder dirs = new StringBuilder();
            for (int j = 0; j * FANOUT < hashes.size(); j++) {
                String list = String.join("", hashes.subList(j * FANOUT, Math.min(hashes.size(), (j + 1) * FANOUT)));
                String payload = Json.toJson(list);
                dirs.append(writeChunk(files, hasher, "md", j, payload, hasher.hash(payload)));
            }
            m.put("fanout", FANOUT);
            m.put("dirs", dirs.toString());
        }
        return m;
    }

    /** The payload of one document chunk (see {@link #writeDocuments}). */
    private static String documentChunk(List<SearchDocument> docs) {
        StringBuilder chunk = new StringBuilder();
        String page = null;
        String pageTitle = null;
        for (SearchDocument d : docs) {
            // Tabs and line breaks separate fields and lines: none may be left inside one.
            String url = d.url().replace("\t", "%09").replace("\n", "%0A").replace("\r", "%0D");
            String title = Snippets.normaliseSpace(d.title());
            int hash = url.indexOf('#');
            String thisPage = hash < 0 ? url : url.substring(0, hash);
            String storedUrl = hash >= 0 && thisPage.equals(page) ? url.substring(hash) : url;
            boolean continued = pageTitle != null && title.startsWith(pageTitle + HtmlSections.SEPARATOR);
            String heading = continued
                    ? title.substring(pageTitle.length() + HtmlSections.SEPARATOR.length()) : null;
            int cut = title.indexOf(HtmlSections.SEPARATOR);
            pageTitle = cut < 0 ? title : title.substring(0, cut);
            page = thisPage;
            if (continued && storedUrl.equals("#" + slug(heading))) {
                storedUrl = ""; // the anchor is the heading's slug: search.js makes it again
            } else if (!storedUrl.startsWith("#")) {
                storedUrl = withPageSlug(storedUrl, slug(pageTitle));
            }
            String excerpt = Snippets.excerpt(d.body(), EXCERPT_CHARS);
            if (excerpt.endsWith("\u2026")) { // a cut excerpt ends with a space (1 byte, not \u2026's 6)
                excerpt = excerpt.substring(0, excerpt.length() - 1) + " ";
            }
            if (!chunk.isEmpty()) {
                chunk.append('\n');
            }
            chunk.append(storedUrl).append('\t').append(continued ? " " + heading : title).append('\t')
                    .append(excerpt);
        }
        return Json.toJson(chunk.toString());
    }

    /** A page URL with the slug of its title as a backquote (see {@link #writeDocuments}). */
    private static String withPageSlug(String url, String slug) {
        if (url.indexOf('`') >= 0) {
            return "``" + url;
        }
        int at = slug.length() < 3 ? -1 : url.indexOf(slug);
        return at < 0 ? url : url.substring(0, at) + '`' + url.substring(at + slug.length());
    }

    /**
     * The anchor a heading usually gets, or "" for a heading that is not plain ASCII: lower case, each run of other
     * characters than letters and digits a hyphen, none at either end ({@code slug} in {@code search.js}).
     */
    public static String slug(String heading) {
        StringBuilder out = new StringBuilder(heading.length());
        boolean dash = false; // a run of other characters waits for the next letter or digit (none at either end)
        for (int i = 0; i < heading.length(); i++) {
            char c = heading.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                return "";
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (dash && !out.isEmpty()) {
                    out.append('-');
                }
                dash = false;
                out.append(c);
            } else {
                dash = true;
            }
        }
        return out.toString();
    }

    /** Each type with the ordinal ranges of its documents, as varints: gap from the last range's end, length. */
    private static List<Object> types(List<SearchDocument> documents, IndexReuse reuse) {
        IndexReuse.Derived<SearchDocument, List<Object>> last = reuse == null ? null : reuse.types;
        if (last != null && last.holdsFor(documents, SearchDocument::type)) {
            reuse.types = new IndexReuse.Derived<>(documents.toArray(new SearchDocument[0]), last.value());
            return last.value();
        }
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
        if (reuse != null) {
            reuse.types = new IndexReuse.Derived<>(documents.toArray(new SearchDocument[0]), out);
        }
        return out;
    }

    /**
     * Chunk hashes ({@link Codec#hash}), JSON strings and chunk files, remembered by input for the next export;
     * thread-safe.
     */
    private interface Hasher {
        String hash(String payload);

        String json(String text);

        /** The text of the chunk file {@code name} (without {@code .js}) that registers {@code payload}. */
        String file(String name, String payload);
    }

    /** Adds a chunk file; returns its hash. */
    private static String writeChunk(Map<String, String> files, Hasher hasher, String kind, int n, String payload,
            String hash) {
        String name = kind + n + "-" + hash;
        files.put(name + ".js", hasher.file(name, payload));
        return hash;
    }

    private static ExportedIndex writeFiles(Map<String, String> files, Path directory, int documents,
            Map<String, String> linkable, Path previous, org.guidegraph.output.SiteWriter.Keep keep)
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
            String text = f.getValue();
            written.add(new ExportedIndex.File(f.getKey(), kind(f.getKey()), text.length())); // ASCII: 1 byte each
            // a chunk made from the very payload of the last export is the very same text: equal at once
            if (keep != null && text.equals(linkable.get(f.getKey())) && keep.keep(f.getKey())) {
                // the same bytes as the file the last published export wrote: kept (linked, or left in place)
                continue;
            }
            Path p = directory.resolve(f.getKey());
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            // Unchanged files are not rewritten, so their times stay and a watcher sees only what changed.
            if (!Files.isRegularFile(p) || !Arrays.equals(Files.readAllBytes(p), bytes)) {
                Files.deleteIfExists(p); // never write through a link into another site's file
                Files.write(p, bytes);
            }
        }
        written.sort((a, b) -> a.name().equals(MANIFEST) ? -1 : b.name().equals(MANIFEST) ? 1
                : a.name().compareTo(b.name()));
        return new ExportedIndex(directory, documents, written);
    }

    private static String kind(String name) {
        if (name.length() > 1 && name.charAt(1) == 'd') {
            return "directories";
        }
        return switch (name.charAt(0)) {
            case 't' -> "terms";
            case 'w' -> "words";
            case 'f' -> "typos";
            case 'm' -> name.equals(MANIFEST) ? "manifest" : "documents";
            default -> throw new IllegalStateException("unexpected file " + name);
        };
    }

    /**
     * Sorted entries cut into chunks of about a target size, each chunk a key range; the data of a chunk is one
     * string, its entries joined by spaces (or line breaks). Up to {@link #FANOUT} chunks are listed in the manifest as
     * {@code {"chunks": "hash0 start1 hash1 start2 hash2…"}} (chunk i holds the keys from start i up to start i+1);
     * more are listed, the same way, in directory files ({@code td<j>-<hash>.js} for terms), which the manifest
     * lists as {@code {"dirs": …, "fanout": F}}.
     */
    private static final class Chunks {
        private final String kind;
        private final int target;
        private String joiner = " ";
        private final List<List<String>> chunks = new ArrayList<>();
        private final List<String> starts = new ArrayList<>();
        private List<String> current = new ArrayList<>();
        private String lastKey;
        private int size;

        Chunks(String kind, int target) {
            this.kind = kind;
            this.target = target;
        }

        /** Joins entries with {@code joiner} instead of a space (for entries that hold spaces). */
        Chunks joinedBy(String joiner) {
            this.joiner = joiner;
            return this;
        }

        /** Adds an entry (no spaces in the key); keys must come in ascending order. */
        void add(String key, String entry) {
            if (!current.isEmpty() && size + entry.length() + 1 > target) {
                chunks.add(current);
                starts.add(separator(lastKey, key));
                current = new ArrayList<>();
                size = 0;
            }
            current.add(entry);
            lastKey = key;
            size += entry.length() + 1;
        }

        TreeMap<String, Object> write(Map<String, String> files, Hasher hasher) {
            if (!current.isEmpty() || chunks.isEmpty()) {
                chunks.add(current);
                current = new ArrayList<>();
            }
            List<String[]> encoded = IntStream.range(0, chunks.size()).parallel().mapToObj(n -> {
                String payload = hasher.json(String.join(joiner, chunks.get(n)));
                return new String[] {payload, hasher.hash(payload)};
            }).toList();
            List<String> hashes = new ArrayList<>();
            for (int n = 0; n < chunks.size(); n++) {
                hashes.add(writeChunk(files, hasher, kind, n, encoded.get(n)[0], encoded.get(n)[1]));
            }
            TreeMap<String, Object> spec = new TreeMap<>();
            if (hashes.size() <= FANOUT) {
                spec.put("chunks", index(hashes, starts, 0, hashes.size()));
                return spec;
            }
            StringBuilder top = new StringBuilder();
            for (int j = 0; j * FANOUT < hashes.size(); j++) {
                int from = j * FANOUT;
                String list = index(hashes, starts, from, Math.min(hashes.size(), from + FANOUT));
                if (j > 0) {
                    top.append(' ').append(starts.get(from - 1)).append(' ');
                }
                String payload = Json.toJson(list);
                top.append(writeChunk(files, hasher, kind + "d", j, payload, hasher.hash(payload)));
            }
            spec.put("fanout", FANOUT);
            spec.put("dirs", top.toString());
            return spec;
        }

        /** {@code "hash start hash start hash"} of chunks from (inclusive) to to (exclusive). */
        private static String index(List<String> hashes, List<String> starts, int from, int to) {
            StringBuilder sb = new StringBuilder();
            for (int n = from; n < to; n++) {
                if (n > from) {
                    sb.append(' ').append(starts.get(n - 1)).append(' ');
                }
                sb.append(hashes.get(n));
            }
            return sb.toString();
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
