package org.guidegraph.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

import org.guidegraph.search.internal.Analysis;

/**
 * Prints the figures of the search goals (issue 5): index build time, static index bytes per page (by kind of
 * file), bytes a first query downloads, and query time of the browser's search (its core run in node, and the
 * search box in Chromium, see {@link BrowserQueries}) and of Lucene — for the LLM guide fixture, the committed
 * site ({@code site/}, in Chromium), synthetic guides (default 100 and 10,000 pages; give other sizes as
 * arguments) and built sites given with {@code --site DIR}, whose pages are read again and whose {@code search/}
 * and {@code assets/search.js} are replaced by this checkout's (so give it a copy).
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.guidegraph.search.SearchBenchmark \
 *     10000 --site /dev/shm/guide-site
 * </pre>
 *
 * <p>A "first query" is one run by a fresh engine, as on a newly opened page: it loads the manifest and every
 * chunk the query needs. Queries are drawn from the documents: whole words, words being typed (prefix), the first
 * 3–5 letters of a word, two words of one document, and words with one typo.
 */
public final class SearchBenchmark {

    private static final int QUERIES = 200;
    private static final int WARM_RUNS = 5;

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        List<Path> sites = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--site") && i + 1 < args.length) {
                sites.add(Path.of(args[++i]));
            } else {
                sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (args.length == 0) {
            sizes = List.of(100, 10_000);
        }
        if (!NodeHarness.available()) {
            System.out.println("node is not installed: node query figures are left out");
        }
        if (!BrowserQueries.available()) {
            System.out.println("no Chromium and chromedriver: browser query figures are left out");
        }
        Path work = Files.createDirectories(Path.of("target", "search-benchmark"));
        List<Map<String, String>> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        List<SearchDocument> guide = Fixtures.guide();
        rows.add(measure("LLM guide", guide, ms(t0), work.resolve("guide")));
        if (BrowserQueries.available() && Files.isDirectory(COMMITTED_SITE.resolve("search"))) {
            // The committed site as built, its own index untouched (a copy, so the repository stays as it is); run
            // `guidegraph build` first when search.js or the index format changed.
            Path copy = work.resolve("llm-site");
            copyTree(COMMITTED_SITE, copy);
            Files.copy(NodeHarness.SEARCH_JS, copy.resolve("assets/search.js"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("corpus", "LLM guide site/");
            row.put("pages", String.format(Locale.ROOT, "%,d", pages(guide)));
            browser(row, copy, queries(guide, new Random(11)));
            rows.add(row);
        }
        for (int n : sizes) {
            SyntheticSite site = new SyntheticSite(42, guideWords(guide));
            List<SyntheticSite.Page> pages = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                pages.add(site.page(i));
            }
            long t1 = System.nanoTime();
            List<SearchDocument> docs = new ArrayList<>();
            for (SyntheticSite.Page p : pages) {
                docs.addAll(HtmlSections.extract(p.path(), p.html()));
            }
            rows.add(measure(String.format(Locale.ROOT, "synthetic %,d", n), docs, ms(t1), work.resolve("n" + n)));
        }
        for (Path site : sites) {
            // A built site (guidegraph build): its pages are read again and its index and search.js replaced, as
            // this checkout's code makes them, so give it a copy.
            long t1 = System.nanoTime();
            long cpu = cpuNanos();
            List<SearchDocument> docs = SiteSections.extract(site, java.util.Set.of("404.html", "search.html"));
            String extract = fmt(ms(t1)) + " (" + fmt((cpuNanos() - cpu) / 1e6) + ")";
            Map<String, String> row = measure(site.getFileName().toString(), docs, 0, site.resolve("search"));
            row.put("extract ms", extract + " (CPU)");
            Files.copy(NodeHarness.SEARCH_JS, site.resolve("assets/search.js"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (BrowserQueries.available()) {
                browser(row, site, queries(docs, new Random(11)));
            }
            rows.add(row);
        }
        print(rows);
    }

    private static final Path COMMITTED_SITE = Path.of("site");
    private static final int BROWSER_QUERIES = 40;

    /** Adds the figures of {@link BrowserQueries} for the first queries of {@code queries}. */
    private static void browser(Map<String, String> row, Path site, List<NodeHarness.Query> queries)
            throws IOException {
        List<String> typed = queries.stream().limit(BROWSER_QUERIES).map(NodeHarness.Query::q).toList();
        BrowserQueries.Run run = BrowserQueries.run(site, typed);
        double[] coldBytes = run.cold().stream().mapToDouble(BrowserQueries.Timing::bytes).toArray();
        row.put("browser 1st query KB p50/p90/max", kb(percentile(coldBytes, 50)) + "/"
                + kb(percentile(coldBytes, 90)) + "/" + kb(percentile(coldBytes, 100)));
        row.put("browser cold ms p50/p90/max", times(run.cold(), BrowserQueries.Timing::searchMs));
        row.put("browser next ms p50/p90/max", times(run.next(), BrowserQueries.Timing::searchMs));
        row.put("browser warm ms p50/p90/max", times(run.warm(), BrowserQueries.Timing::searchMs));
        row.put("browser cold, from input ms p50", fmt(percentile(
                run.cold().stream().mapToDouble(BrowserQueries.Timing::inputMs).toArray(), 50)));
    }

    private static String times(List<BrowserQueries.Timing> timings,
            java.util.function.ToDoubleFunction<BrowserQueries.Timing> figure) {
        double[] v = timings.stream().mapToDouble(figure).toArray();
        return fmt(percentile(v, 50)) + "/" + fmt(percentile(v, 90)) + "/" + fmt(percentile(v, 100));
    }

    private static long pages(List<SearchDocument> docs) {
        return docs.stream().map(d -> d.url().replaceAll("#.*", "")).distinct().count();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static List<String> guideWords(List<SearchDocument> guide) {
        TreeSet<String> words = new TreeSet<>();
        for (SearchDocument d : guide) {
            words.addAll(Analysis.surfaces(d.title() + " " + d.body()));
        }
        return new ArrayList<>(words);
    }

    private static Map<String, String> measure(String name, List<SearchDocument> docs, double extractMs, Path dir)
            throws IOException, InterruptedException, SearchQueryException {
        long pages = pages(docs);
        Map<String, String> row = new LinkedHashMap<>();
        row.put("corpus", name);
        row.put("pages", String.format(Locale.ROOT, "%,d", pages));
        row.put("docs", String.format(Locale.ROOT, "%,d", docs.size()));
        row.put("extract ms", fmt(extractMs));

        System.gc();
        long t = System.nanoTime();
        long cpu = cpuNanos();
        try (SearchIndex index = SearchIndex.build(docs)) {
            row.put("Lucene build ms (CPU)", fmt(ms(t)) + " (" + fmt((cpuNanos() - cpu) / 1e6) + ")");
            t = System.nanoTime();
            cpu = cpuNanos();
            ExportedIndex exported = StaticIndexExporter.defaults().write(index, dir);
            row.put("export ms (CPU)", fmt(ms(t)) + " (" + fmt((cpuNanos() - cpu) / 1e6) + ")");
            long gzip = 0;
            for (ExportedIndex.File f : exported.files()) {
                gzip += gzipped(Files.readAllBytes(dir.resolve(f.name())));
            }
            row.put("files", String.format(Locale.ROOT, "%,d", exported.files().size()));
            row.put("index KB", kb(exported.totalBytes()));
            row.put("B/page", String.format(Locale.ROOT, "%,d", exported.totalBytes() / pages));
            row.put("B/page gz", String.format(Locale.ROOT, "%,d", gzip / pages));
            row.put("split t/w/f/m", String.format(Locale.ROOT, "%d/%d/%d/%d%%",
                    100 * exported.bytes("terms") / exported.totalBytes(),
                    100 * exported.bytes("words") / exported.totalBytes(),
                    100 * exported.bytes("typos") / exported.totalBytes(),
                    100 * exported.bytes("documents") / exported.totalBytes()));
            row.put("B/page t/w/f/m/dirs", String.format(Locale.ROOT, "%d/%d/%d/%d/%d",
                    exported.bytes("terms") / pages, exported.bytes("words") / pages,
                    exported.bytes("typos") / pages, exported.bytes("documents") / pages,
                    exported.bytes("directories") / pages));
            row.put("manifest KB", kb(exported.bytes("manifest")));

            List<NodeHarness.Query> queries = queries(docs, new Random(7));
            double[] lucene = new double[queries.size()];
            for (int round = 0; round < 3; round++) { // the first rounds warm the JIT up
                for (int i = 0; i < queries.size(); i++) {
                    long q0 = System.nanoTime();
                    try {
                        index.search(queries.get(i).q(), null, 10);
                    } catch (SearchQueryException e) {
                        // a query of common words only: rejected, which is fast too
                    }
                    lucene[i] = ms(q0);
                }
            }
            row.put("Lucene ms p50/p90", fmt(percentile(lucene, 50)) + "/" + fmt(percentile(lucene, 90)));

            if (NodeHarness.available()) {
                List<NodeHarness.Result> js = NodeHarness.search(dir, queries, WARM_RUNS, dir.getParent());
                double[] bytes = js.stream().mapToDouble(NodeHarness.Result::bytes).toArray();
                double[] cold = js.stream().mapToDouble(NodeHarness.Result::coldMs).toArray();
                double[] warm = js.stream().mapToDouble(NodeHarness.Result::warmMs).toArray();
                row.put("1st query KB p50/p90/max", kb(percentile(bytes, 50)) + "/" + kb(percentile(bytes, 90))
                        + "/" + kb(percentile(bytes, 100)));
                row.put("JS cold ms p50/p90", fmt(percentile(cold, 50)) + "/" + fmt(percentile(cold, 90)));
                row.put("JS warm ms p50/p90", fmt(percentile(warm, 50)) + "/" + fmt(percentile(warm, 90)));
                heaviest(name, dir, queries, js);
            }
        }
        return row;
    }

    /** Prints the three first queries that download most, with what they download, by kind of file. */
    private static void heaviest(String name, Path dir, List<NodeHarness.Query> queries,
            List<NodeHarness.Result> results) throws IOException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Long.compare(results.get(b).bytes(), results.get(a).bytes()));
        for (int i : order.subList(0, Math.min(3, order.size()))) {
            Map<String, Long> kinds = new java.util.TreeMap<>();
            for (String f : results.get(i).files()) {
                kinds.merge(f.replaceAll("\\d.*", ""), Files.size(dir.resolve(f + ".js")), Long::sum);
            }
            StringBuilder sb = new StringBuilder();
            kinds.forEach((k, v) -> sb.append(' ').append(k).append('=').append(kb(v)));
            System.out.printf(Locale.ROOT, "%s: heavy first query \"%s\": %s KB, %d hits, files KB:%s%n", name,
                    queries.get(i).q(), kb(results.get(i).bytes()), results.get(i).total(), sb);
        }
    }

    /** Queries drawn from the documents' own words. */
    private static List<NodeHarness.Query> queries(List<SearchDocument> docs, Random random) {
        List<NodeHarness.Query> out = new ArrayList<>();
        while (out.size() < QUERIES) {
            SearchDocument d = docs.get(random.nextInt(docs.size()));
            List<String> words = Analysis.surfaces(d.title() + " " + d.body()).stream()
                    .filter(w -> w.length() >= 3 && w.chars().allMatch(Character::isLetter)).toList();
            if (words.size() < 2) {
                continue;
            }
            String w = words.get(random.nextInt(words.size()));
            String q = switch (out.size() % 10) {
                case 0, 1, 2, 3 -> w + " ";                                        // a whole word
                case 4, 5 -> w;                                                     // still being typed
                case 6 -> w.substring(0, Math.min(w.length(), 3 + random.nextInt(3))); // its first letters
                case 7, 8 -> w + " " + words.get(random.nextInt(words.size())) + " "; // two words
                default -> typo(w, random) + " ";                                   // one typo
            };
            out.add(new NodeHarness.Query(q, "", 10));
        }
        return out;
    }

    private static String typo(String w, Random random) {
        if (w.length() < 5) {
            return w;
        }
        int i = 1 + random.nextInt(w.length() - 2);
        return switch (random.nextInt(3)) {
            case 0 -> w.substring(0, i) + w.substring(i + 1);
            case 1 -> w.substring(0, i) + w.charAt(i + 1) + w.charAt(i) + w.substring(i + 2);
            default -> w.substring(0, i) + (char) ('a' + random.nextInt(26)) + w.substring(i + 1);
        };
    }

    private static long gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.size();
    }

    private static double percentile(double[] values, int p) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1 < 0 ? 0
                : (int) Math.ceil(p / 100.0 * v.length) - 1)];
    }

    /** CPU time of all threads of this JVM so far (JIT and GC included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static String fmt(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String kb(double bytes) {
        return String.format(Locale.ROOT, "%,.1f", bytes / 1024);
    }

    private static void print(List<Map<String, String>> rows) {
        java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.keySet()));
        // One line per figure, one column per corpus: reads well at any terminal width.
        int label = columns.stream().mapToInt(String::length).max().orElse(10);
        int cell = rows.stream().mapToInt(r -> r.values().stream().mapToInt(String::length).max().orElse(0))
                .max().orElse(10);
        for (String c : columns) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-" + label + "s", c));
            for (Map<String, String> r : rows) {
                sb.append(" | ").append(String.format(Locale.ROOT, "%" + cell + "s", r.getOrDefault(c, "")));
            }
            System.out.println(sb);
        }
    }
}
