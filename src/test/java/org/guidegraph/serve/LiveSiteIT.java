package org.guidegraph.serve;

import static org.guidegraph.serve.ServeFixtures.enc;
import static org.guidegraph.serve.ServeFixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.guidegraph.TestGuides;
import org.guidegraph.build.BuildOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} with watching, end to end: edit the guide's files and see the server follow. */
class LiveSiteIT {

    static final String NOTE_QUERY = "PREFIX gg: <https://guidegraph.org/ns#> SELECT ?n WHERE { ?a gg:note ?n }";

    @TempDir
    Path tmp;
    Path guide;
    Path graph;
    LiveSite site;
    String base;
    final StringWriter log = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        guide = tmp.resolve("guide");
        copy(TestGuides.MINIMAL, guide);
        graph = guide.resolve("content/graph/guide.ttl");
        edit("gg:value \"Yes\" ;", "gg:value \"Yes\" ; gg:note \"first note\" ;");
        site = LiveSite.start(BuildOptions.of(guide, tmp.resolve("site")), ServeOptions.onPort(0), 100,
                new PrintWriter(log, true));
        base = site.server().url();
    }

    @AfterEach
    void stop() throws IOException {
        site.close();
    }

    @Test
    void servesTheChangedNoteOnItsPagesAndEndpointAndTellsOpenPagesToReload() throws Exception {
        assertTrue(get(base + "/approach/only.html").body().contains("first note"));
        List<String> events = listen(base + "/_gg/events?since=1");
        edit("first note", "second note");
        waitFor(() -> site.server().current().number() == 2, "generation 2\n" + log);
        assertTrue(get(base + "/approach/only.html").body().contains("second note"));
        assertTrue(get(base + "/sparql?query=" + enc(NOTE_QUERY), "Accept", "text/csv").body().contains("second note"));
        waitFor(() -> events.contains("event: reload"), "a reload event, got " + events);
        assertTrue(log.toString().contains("changed: content/graph/guide.ttl"), log.toString());
    }

    @Test
    void keepsTheLastGoodSiteWhileTheGuideIsBrokenShowsWhereAndRecovers() throws Exception {
        List<String> events = listen(base + "/_gg/events?since=1");
        edit("first note\" ;", "broken note ;");
        waitFor(() -> !site.server().liveState().problems().isEmpty(), "problems reported\n" + log);
        String problems = String.join("\n", site.server().liveState().problems());
        assertTrue(problems.matches("(?s).*content/graph/guide\\.ttl:\\d+:\\d+: error: .*"), problems);
        waitFor(() -> events.stream().anyMatch(e -> e.startsWith("data: [") && e.contains("guide.ttl:")),
                "the problems sent to open pages, got " + events);
        assertEquals(1, site.server().current().number());
        assertTrue(get(base + "/approach/only.html").body().contains("first note"), "the last good site");
        assertTrue(get(base + "/sparql?query=" + enc(NOTE_QUERY), "Accept", "text/csv").body().contains("first note"));
        assertTrue(log.toString().contains("guide.ttl:"), log.toString());

        edit("broken note ;", "fixed note\" ;");
        waitFor(() -> site.server().current().number() == 2, "recovered\n" + log);
        assertTrue(site.server().liveState().problems().isEmpty());
        assertTrue(get(base + "/approach/only.html").body().contains("fixed note"));
        waitFor(() -> events.contains("event: reload"), "a reload event, got " + events);
    }

    @Test
    void answersQueriesThroughoutARegenerationWithOneWholeGenerationOrTheOther() throws Exception {
        String count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
        String before = get(base + "/sparql?query=" + enc(count), "Accept", "text/csv").body();
        edit("first note", "a much longer second note");
        List<String> seen = new CopyOnWriteArrayList<>();
        long end = System.currentTimeMillis() + 60_000;
        while (site.server().current().number() < 2) {
            assertTrue(System.currentTimeMillis() < end, "generation 2 within 60 s\n" + log);
            HttpResponse<String> r = get(base + "/sparql?query=" + enc(NOTE_QUERY), "Accept", "text/csv");
            assertEquals(200, r.statusCode(), r.body());
            seen.add(r.body().strip());
        }
        assertTrue(seen.stream().allMatch(s -> s.equals("n\r\nfirst note") || s.equals("n\r\na much longer second note")),
                seen.toString());
        assertEquals(before, get(base + "/sparql?query=" + enc(count), "Accept", "text/csv").body(),
                "the same number of triples, the note replaced");
    }

    private void edit(String from, String to) throws IOException {
        String text = Files.readString(graph);
        assertTrue(text.contains(from), "the fixture has " + from);
        Files.writeString(graph, text.replace(from, to));
    }

    /** Reads the event stream in the background; its lines collect in the returned list. */
    private static List<String> listen(String url) {
        List<String> lines = new CopyOnWriteArrayList<>();
        ServeFixtures.HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(lines::add));
        return lines;
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("waited 60 s for " + what);
            }
            Thread.sleep(20);
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
