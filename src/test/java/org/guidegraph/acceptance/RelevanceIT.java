package org.guidegraph.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.guidegraph.gates.Browser;
import org.guidegraph.search.SearchHit;
import org.guidegraph.search.SearchIndex;
import org.guidegraph.search.SearchQueryException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 5's relevance table ({@code src/test/resources/acceptance/relevance.tsv}) against both searches of the built
 * guide: the static index, through the search box of {@code index.html} opened from disk in Chromium, and the
 * server's {@link SearchIndex}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelevanceIT {

    static final String TABLE = "/acceptance/relevance.tsv";

    /** One row of the table. */
    record Row(int line, String query, String expected, boolean open, String why) {
        @Override
        public String toString() {
            return "\"" + query + "\" → " + expected + (open ? " (open)" : "");
        }
    }

    private BuiltGuide guide;
    private SearchIndex server;
    private Browser browser;

    @BeforeAll
    void build() {
        guide = BuiltGuide.get();
        server = guide.serverIndex();
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = RelevanceIT.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("no " + TABLE + " on the test class path");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4 || !(f[2].equals("first") || f[2].equals("open"))) {
                    throw new IllegalStateException(TABLE + ":" + (i + 1) + ": expected query, URL, first|open, why"
                            + " separated by tabs, not: " + line);
                }
                rows.add(new Row(i + 1, f[0], f[1], f[2].equals("open"), f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TABLE, e);
        }
        return rows;
    }

    @Test
    void everyExpectedUrlIsAPageOrSectionOfTheSite() {
        List<String> urls = guide.searchDocuments().stream().map(d -> d.url()).toList();
        List<String> missing = table().stream().filter(r -> !urls.contains(r.expected()))
                .map(r -> TABLE + ":" + r.line() + ": " + r.expected()).toList();
        assertEquals(List.of(), missing, "expected URLs that nothing on the site has");
        assertTrue(table().stream().filter(r -> !r.open()).count() >= 15, "the table has at least 15 settled rows");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void theServerRanksTheExpectedUrlFirst(Row row) throws SearchQueryException {
        List<SearchHit> hits = server.search(row.query(), null, 5);
        assertRanks(row, hits.isEmpty() ? "(nothing)" : hits.get(0).url(), "the server (SearchIndex)",
                hits.stream().map(h -> h.url() + " " + h.score()).toList().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void theStaticSearchInTheBrowserRanksTheExpectedUrlFirst(Row row) {
        SearchBox.Shown shown = SearchBox.type(browser().driver(), guide.site(), "index.html", row.query());
        assertRanks(row, shown.urls().isEmpty() ? "(nothing)" : shown.first(), "the search box, from disk",
                shown.urls() + " (" + shown.status() + ")");
    }

    private static void assertRanks(Row row, String first, String where, String shown) {
        String context = TABLE + ":" + row.line() + ": \"" + row.query() + "\" in " + where + " (" + row.why() + "); top: "
                + shown;
        if (row.open()) {
            assertNotEquals(row.expected(), first, context + " — it ranks first now: mark the row \"first\"");
        } else {
            assertEquals(row.expected(), first, context);
        }
    }

    private Browser browser() {
        if (browser == null) {
            Browser.assumeAvailable();
            browser = Browser.launch();
        }
        return browser;
    }
}
