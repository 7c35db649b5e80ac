package org.guidegraph.serve;

import static org.guidegraph.serve.ServeFixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open pages' event streams hold connections, not server threads. */
class EventStreamsTest {

    @TempDir
    Path tmp;

    @Test
    void keepsAnsweringWithMoreStreamsOpenThanThreadsAndTellsEveryStreamToReload() throws Exception {
        Path site = ServeFixtures.site(tmp.resolve("site"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (GuideServer server = GuideServer.start(Generation.load(1, site), ServeOptions.onPort(0))) {
            int threads = server.maxThreads();
            assertTrue(threads > 0, "a sized pool");
            int tabs = threads + 50;
            List<Lines> streams = new ArrayList<>();
            for (int i = 0; i < tabs; i++) {
                Lines lines = new Lines();
                http.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + "/_gg/events?since=1")).build(),
                        HttpResponse.BodyHandlers.fromLineSubscriber(lines));
                streams.add(lines);
            }
            LiveSiteIT.waitFor(() -> streams.stream().allMatch(l -> l.lines.contains("retry: 500")),
                    "all " + tabs + " streams open");
            HttpResponse<String> page = get(server.url() + "/approach/alpha.html");
            assertEquals(200, page.statusCode(), "a page while " + tabs + " streams are open on " + threads
                    + " threads");
            assertEquals(200, get(server.url() + "/sparql?query=ASK%7B%7D").statusCode());

            server.serve(Generation.load(2, site));
            LiveSiteIT.waitFor(() -> streams.stream().allMatch(l -> l.lines.contains("event: reload")),
                    "a reload event on all " + tabs + " streams");
            assertTrue(streams.stream().allMatch(l -> l.lines.contains("data: 2")));
        }
    }

    /** The lines of one stream, as they arrive. */
    static final class Lines implements Flow.Subscriber<String> {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable t) {
            lines.add("error: " + t);
        }

        @Override
        public void onComplete() {
            lines.add("(closed)");
        }
    }
}
