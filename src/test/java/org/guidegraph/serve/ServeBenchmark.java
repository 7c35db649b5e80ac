package org.guidegraph.serve;

import static org.guidegraph.serve.ServeFixtures.enc;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.guidegraph.TestGuides;
import org.guidegraph.build.BuildOptions;
import org.guidegraph.query.NamedQueries;

/**
 * Figures for {@code serve}, printed, not asserted:
 * <ol>
 * <li>save-to-page-updated latency: change one assessment's note in a copy of the guide and time until an open page
 * is told to reload (its event stream) and the served feature page then shows the note, as a browser's reload
 * does (p50/p95), with the pages re-rendered per regeneration;</li>
 * <li>SPARQL endpoint latency (p50/p99) and errors for the guide's named queries under 32 concurrent clients, after
 * a warm-up phase (the JIT compiles the hot paths; a server's first requests are not its usual ones). Twice: as the
 * site sends them (the same texts again and again, answered from the kept answers after the first time), and
 * with every request's text made unique by a trailing comment, so that each one is parsed, run and
 * serialised.</li>
 * </ol>
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.guidegraph.serve.ServeBenchmark \
 *     [SAVES] [ROUNDS] [--guide DIR] [--work DIR] [--warmup ROUNDS] [--save-warmup SAVES] [--clients N]
 * </pre>
 *
 * SAVES (default 10; 0 skips the part) and ROUNDS (default 20: each client sends every named query once a round).
 * {@code --guide}: the guide to serve, e.g. one written by {@code guidegraph synth} (default: this project's);
 * it is copied into the work folder first, so the original is never edited. {@code --work}: where the copy and
 * its site go (default: a temporary folder; use {@code /dev/shm} for large guides). {@code --warmup}: rounds sent
 * before measuring (default: ROUNDS). {@code --save-warmup}: saves made, and not measured, before the SAVES that are
 * (default 0: the first saves of a session, with the JIT still cold for the regeneration, are measured).
 */
public final class ServeBenchmark {

    private static final Pattern ASSESSMENT = Pattern.compile(
            "(?m)^(assessment:[A-Za-z0-9-]+--[A-Za-z0-9-]+)\\s*\\n(?s:.*?)gg:feature\\s+feature:([A-Za-z0-9-]+)");

    private ServeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        Path from = null;
        Path work = null;
        int warmup = -1;
        int saveWarmup = 0;
        int clients = 32;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--guide" -> from = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--save-warmup" -> saveWarmup = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                default -> positional.add(args[i]);
            }
        }
        int saves = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 10;
        int rounds = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 20;
        warmup = warmup < 0 ? rounds : warmup;
        work = work == null ? Files.createTempDirectory("guidegraph-serve-bench") : Files.createDirectories(work);
        Path guide = work.resolve("guide");
        if (Files.exists(guide)) {
            throw new IllegalStateException(guide + " exists: give an empty or new --work folder");
        }
        for (String f : List.of("content", "ontology", "templates")) {
            Path source = (from == null ? TestGuides.PROJECT : from).resolve(f);
            if (Files.isDirectory(source)) {
                LiveSiteIT.copy(source, guide.resolve(f));
            }
        }
        StringWriter log = new StringWriter();
        long t = System.nanoTime();
        try (LiveSite site = LiveSite.start(BuildOptions.of(guide, work.resolve("site")), ServeOptions.onPort(0),
                SourceWatcher.DEFAULT_QUIET_MILLIS, new PrintWriter(log, true))) {
            System.out.printf(Locale.ROOT, "guide %s: built and serving in %d ms, %d triples%n",
                    from == null ? "of this project" : from, (System.nanoTime() - t) / 1_000_000,
                    site.server().current().graph().size());
            if (saves > 0) {
                saveToPage(site, guide, saveWarmup, saves, log);
            }
            sparql(site, from == null ? TestGuides.PROJECT : guide, rounds, warmup, clients);
        }
    }

    private static void saveToPage(LiveSite site, Path guide, int warm, int saves, StringWriter log)
            throws Exception {
        Path matrix = cellFile(guide);
        String text = Files.readString(matrix);
        Matcher m = ASSESSMENT.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no assessment in " + matrix);
        }
        String assessment = m.group(1);
        String page = site.server().url() + "/feature/" + m.group(2) + ".html";
        List<Long> millis = new ArrayList<>();
        List<Long> reloads = new ArrayList<>();
        int measuredFrom = log.toString().length();
        for (int i = 0; i < warm + saves; i++) {
            if (i == warm) {
                millis.clear();
                reloads.clear();
                measuredFrom = log.toString().length();
            }
            String note = "benchmark note " + i;
            String edited = text.replaceFirst(Pattern.quote(assessment) + "\\s*\\n", Matcher.quoteReplacement(
                    assessment + "\n    gg:note \"" + note + "\" ;\n"));
            long generation = site.server().current().number();
            // An open page: its event stream, as live.js opens it.
            EventStreamsTest.Lines events = new EventStreamsTest.Lines();
            URI stream = URI.create(site.server().url() + "/_gg/events?since=" + generation);
            ServeFixtures.HTTP.sendAsync(HttpRequest.newBuilder(stream).build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(events));
            LiveSiteIT.waitFor(() -> events.lines.contains("retry: 500"), "the event stream");
            long start = System.nanoTime();
            Files.writeString(matrix, edited);
            // as an open page does: wait for the reload event, then load the page again
            while (!events.lines.contains("event: reload")) {
                Thread.sleep(1);
                if (System.nanoTime() - start > 600_000_000_000L) {
                    throw new IllegalStateException("no reload event; log:\n" + log);
                }
            }
            reloads.add((System.nanoTime() - start) / 1_000_000);
            while (!ServeFixtures.get(page).body().contains(note)) {
                // a reload event without the new page would be a bug this benchmark should not hide: it is
                // measured all the same, until the page shows the note
                Thread.sleep(5);
                if (System.nanoTime() - start > 600_000_000_000L) {
                    throw new IllegalStateException("page never showed the note; log:\n" + log);
                }
            }
            millis.add((System.nanoTime() - start) / 1_000_000);
            // the console line with the generation's load time comes just after the swap
            String served = "serving generation " + (generation + 1) + " ";
            LiveSiteIT.waitFor(() -> log.toString().contains(served), "the log line of generation " + (generation + 1));
        }
        String measured = log.toString().substring(measuredFrom);
        Matcher rendered = Pattern.compile("re-rendered (\\d+ of \\d+) pages").matcher(measured);
        Set<String> pages = new TreeSet<>();
        while (rendered.find()) {
            pages.add(rendered.group(1));
        }
        Matcher regenerated = Pattern.compile("regenerated in (\\d+) ms").matcher(measured);
        List<Long> builds = new ArrayList<>();
        while (regenerated.find()) {
            builds.add(Long.parseLong(regenerated.group(1)));
        }
        Collections.sort(builds);
        Matcher loaded = Pattern.compile("loaded in (\\d+) ms").matcher(measured);
        List<Long> loads = new ArrayList<>();
        while (loaded.find()) {
            loads.add(Long.parseLong(loaded.group(1)));
        }
        Collections.sort(millis);
        Collections.sort(reloads);
        Collections.sort(loads);
        System.out.printf(Locale.ROOT, "save-to-page-updated (%d saves of one note after %d unmeasured, %s, then %s):"
                + " p50 %d ms, p95 %d ms, max %d ms; pages re-rendered per regeneration: %s%n", saves, warm, assessment,
                page.substring(page.indexOf("/feature/")), pct(millis, 50), pct(millis, 95),
                millis.get(millis.size() - 1), pages);
        System.out.printf(Locale.ROOT, "  of which the regeneration itself (serve's log): p50 %d ms, p95 %d ms%n",
                builds.isEmpty() ? -1 : pct(builds, 50), builds.isEmpty() ? -1 : pct(builds, 95));
        System.out.printf(Locale.ROOT, "save-to-reload-event (an open page told to reload, endpoint and search"
                + " swapped; the page is loaded after it): p50 %d ms, p95 %d ms; of which loading the generation's"
                + " graph and search index: p50 %d ms%n", pct(reloads, 50), pct(reloads, 95),
                loads.isEmpty() ? -1 : pct(loads, 50));
    }

    /** The graph file with the first assessment: one whose path names the matrix first, in path order. */
    private static Path cellFile(Path guide) throws IOException {
        try (Stream<Path> walk = Files.walk(guide.resolve("content/graph"))) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
            List<Path> ordered = new ArrayList<>(files.stream().filter(p -> p.toString().contains("matrix")).toList());
            ordered.addAll(files);
            for (Path p : ordered) {
                if (ASSESSMENT.matcher(Files.readString(p)).find()) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("no assessment in " + guide.resolve("content/graph"));
    }

    private static void sparql(LiveSite site, Path guide, int rounds, int warmup, int clients) throws Exception {
        Map<String, String> queries = new TreeMap<>();
        String prologue = NamedQueries.prologue(site.server().current().graph().getNsPrefixMap());
        Path dir = Files.isDirectory(guide.resolve("templates/queries")) ? guide.resolve("templates/queries")
                : TestGuides.PROJECT.resolve("templates/queries");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                queries.put(f.getFileName().toString(), prologue + Files.readString(f));
            }
        }
        List<String> texts = List.copyOf(queries.values());
        URI url = URI.create(site.server().url() + "/sparql");
        load(url, texts, clients, warmup, false, "warm-up");
        load(url, texts, clients, rounds, false, "named queries as the site sends them");
        load(url, texts, clients, rounds, true, "every request unique (nothing kept)");
    }

    private static void load(URI url, List<String> texts, int clients, int rounds, boolean unique, String what)
            throws Exception {
        if (rounds <= 0) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger errors = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        AtomicLong serial = new AtomicLong();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            done.add(pool.submit(() -> {
                KeepAlive http = new KeepAlive(url);
                for (int r = 0; r < rounds; r++) {
                    for (int i = 0; i < texts.size(); i++) {
                        String q = texts.get((i + offset) % texts.size());
                        if (unique) {
                            q = q + "\n# request " + serial.incrementAndGet() + "\n";
                        }
                        long t = System.nanoTime();
                        try {
                            if (http.post("query=" + enc(q)) != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            http.close();
                            http = new KeepAlive(url);
                        }
                        micros.add((System.nanoTime() - t) / 1_000);
                    }
                }
                bytes.addAndGet(http.bytes);
                http.close();
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        long wall = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "SPARQL, %s: %d named queries x %d rounds x %d clients = %d requests in %d ms"
                + " (%.0f/s, %.1f MB): p50 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d%n", what, texts.size(),
                rounds, clients, sorted.size(), wall, sorted.size() * 1000.0 / wall, bytes.get() / 1e6,
                pct(sorted, 50) / 1000.0, pct(sorted, 99) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0,
                errors.get());
    }

    /**
     * One client's connection: HTTP/1.1 over one socket, kept alive, blocking, on the client's own thread — as a
     * load generator's connection is. (java.net.http hands each request between three threads and, on the same two
     * cores as the server, spent about as much CPU per request as the server did.)
     */
    private static final class KeepAlive {
        private final URI url;
        private final java.net.Socket socket;
        private final java.io.BufferedInputStream in;
        private final java.io.OutputStream out;
        long bytes;

        KeepAlive(URI url) throws IOException {
            this.url = url;
            this.socket = new java.net.Socket(url.getHost(), url.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            this.in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
            this.out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16384);
        }

        /** Posts a form and reads the whole answer; returns its status. */
        int post(String form) throws IOException {
            byte[] body = form.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String head = "POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nAccept: application/sparql-results+json\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP/1.1 answer: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long n = Long.parseLong(line().split(";")[0].strip(), 16); n > 0;
                        n = Long.parseLong(line().split(";")[0].strip(), 16)) {
                    skip(n);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                throw new IOException("an answer with neither a length nor chunks");
            }
            return code;
        }

        private void skip(long n) throws IOException {
            bytes += n;
            while (n > 0) {
                long k = in.skip(n);
                if (k <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed in a body");
                    }
                    k = 1;
                }
                n -= k;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a benchmark connection: nothing to do about it
            }
        }
    }

    private static long pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }
}
