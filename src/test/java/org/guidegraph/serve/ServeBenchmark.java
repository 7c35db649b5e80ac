package org.guidegraph.serve;

import static org.guidegraph.serve.ServeFixtures.enc;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.guidegraph.TestGuides;
import org.guidegraph.build.BuildOptions;
import org.guidegraph.query.NamedQueries;

/**
 * Figures for {@code serve}, printed, not asserted:
 * <ol>
 * <li>save-to-page-updated latency: change one assessment note in a copy of the guide and time until the served
 * page shows it (p50/p95), with the pages rendered per regeneration;</li>
 * <li>SPARQL endpoint latency (p50/p99) and errors for the guide's named queries under 32 concurrent clients.</li>
 * </ol>
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.guidegraph.serve.ServeBenchmark [SAVES] [ROUNDS]
 * </pre>
 */
public final class ServeBenchmark {

    private ServeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int saves = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path tmp = Files.createTempDirectory("guidegraph-serve-bench");
        Path guide = tmp.resolve("guide");
        for (String f : List.of("content", "ontology", "templates")) {
            if (Files.isDirectory(TestGuides.PROJECT.resolve(f))) {
                LiveSiteIT.copy(TestGuides.PROJECT.resolve(f), guide.resolve(f));
            }
        }
        StringWriter log = new StringWriter();
        try (LiveSite site = LiveSite.start(BuildOptions.of(guide, tmp.resolve("site")), ServeOptions.onPort(0),
                SourceWatcher.DEFAULT_QUIET_MILLIS, new PrintWriter(log, true))) {
            saveToPage(site, guide, saves, log);
            sparql(site, rounds);
        }
    }

    private static void saveToPage(LiveSite site, Path guide, int saves, StringWriter log) throws Exception {
        Path matrix = guide.resolve("content/graph/matrix.ttl");
        String text = Files.readString(matrix);
        Matcher m = Pattern.compile("(assessment:[A-Za-z0-9-]+--[A-Za-z0-9-]+)").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no assessment in " + matrix);
        }
        String assessment = m.group(1);
        String approach = assessment.substring("assessment:".length(), assessment.indexOf("--"));
        String page = site.server().url() + "/approach/" + approach + ".html";
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < saves; i++) {
            String note = "benchmark note " + i;
            String edited = text.replaceFirst(Pattern.quote(assessment) + "\\s*\\n", Matcher.quoteReplacement(
                    assessment + "\n    gg:note \"" + note + "\" ;\n"));
            long start = System.nanoTime();
            Files.writeString(matrix, edited);
            while (!ServeFixtures.get(page).body().contains(note)) {
                Thread.sleep(5);
                if (System.nanoTime() - start > 120_000_000_000L) {
                    throw new IllegalStateException("page never showed the note; log:\n" + log);
                }
            }
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        Matcher rendered = Pattern.compile("re-rendered (\\d+ of \\d+) pages").matcher(log.toString());
        Set<String> pages = new TreeSet<>();
        while (rendered.find()) {
            pages.add(rendered.group(1));
        }
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "save-to-page-updated (%d saves of one note, %s): p50 %d ms, p95 %d ms,"
                + " max %d ms; pages re-rendered per regeneration: %s%n", saves, assessment,
                pct(millis, 50), pct(millis, 95), millis.get(millis.size() - 1), pages);
    }

    private static void sparql(LiveSite site, int rounds) throws Exception {
        Map<String, String> queries = new TreeMap<>();
        String prologue = NamedQueries.prologue(site.server().current().graph().getNsPrefixMap());
        try (Stream<Path> files = Files.list(TestGuides.PROJECT.resolve("templates/queries"))) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                queries.put(f.getFileName().toString(), prologue + Files.readString(f));
            }
        }
        String url = site.server().url() + "/sparql";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int clients = 32;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger errors = new AtomicInteger();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        List<String> texts = List.copyOf(queries.values());
        // warm-up: each query once
        for (String q : texts) {
            send(http, url, q);
        }
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            done.add(pool.submit(() -> {
                for (int r = 0; r < rounds; r++) {
                    for (int i = 0; i < texts.size(); i++) {
                        String q = texts.get((i + offset) % texts.size());
                        long t = System.nanoTime();
                        try {
                            if (send(http, url, q) != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException | InterruptedException e) {
                            errors.incrementAndGet();
                        }
                        micros.add((System.nanoTime() - t) / 1_000);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        long wall = (System.nanoTime() - start) / 1_000_000;
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "SPARQL, %d named queries x %d rounds x %d clients = %d requests in %d ms"
                + " (%.0f/s): p50 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d%n", texts.size(), rounds, clients,
                sorted.size(), wall, sorted.size() * 1000.0 / wall, pct(sorted, 50) / 1000.0,
                pct(sorted, 99) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0, errors.get());
    }

    private static int send(HttpClient http, String url, String query) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(query))).build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }
}
