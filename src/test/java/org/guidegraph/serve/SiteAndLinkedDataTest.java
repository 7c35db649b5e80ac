package org.guidegraph.serve;

import static org.guidegraph.serve.ServeFixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site as the server gives it: files, the live-reload script, entity IRIs that resolve, and search. */
class SiteAndLinkedDataTest {

    @TempDir
    static Path tmp;
    static GuideServer server;
    static String base;
    static Path site;

    @BeforeAll
    static void start() throws IOException {
        site = ServeFixtures.site(tmp.resolve("site"));
        server = GuideServer.start(Generation.load(7, site), ServeOptions.onPort(0));
        base = server.url();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesTheSiteWithTheLiveReloadScriptInjectedIntoHtmlOnly() throws Exception {
        HttpResponse<String> index = get(base + "/");
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(index.body().contains("<script src=\"/_gg/live.js\" data-generation=\"7\"></script></body>"),
                index.body());
        assertFalse(Files.readString(site.resolve("index.html")).contains("live.js"), "the files stay as built");
        HttpResponse<String> css = get(base + "/style.css");
        assertEquals("body { color: black; }\n", css.body());
        assertTrue(get(base + "/_gg/live.js").body().contains("EventSource"));
    }

    @Test
    void answersUnknownPathsWithTheSites404Page() throws Exception {
        HttpResponse<String> r = get(base + "/no/such/page.html");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("No such page."), r.body());
        HttpResponse<String> outside = get(base + "/../../etc/passwd");
        assertTrue(outside.statusCode() == 400 || outside.statusCode() == 404, "status " + outside.statusCode());
        assertFalse(outside.body().contains("root:"));
    }

    @Test
    void sendsBrowsersFromAnEntityIriToItsPage() throws Exception {
        HttpResponse<String> r = get(base + "/approach/alpha", "Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(303, r.statusCode());
        assertEquals("/approach/alpha.html", r.headers().firstValue("Location").orElse(""));
        assertEquals(303, get(base + "/approach/alpha").statusCode(), "no Accept: a browser's default");
    }

    @Test
    void givesRdfClientsTheEntitysDescriptionWithItsBlankNodes() throws Exception {
        HttpResponse<String> ttl = get(base + "/approach/alpha", "Accept", "text/turtle");
        assertEquals(200, ttl.statusCode());
        assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(ttl.body(), Lang.TURTLE).parse(m);
        assertEquals(6, m.size(), "4 about alpha and 2 about its step:\n" + ttl.body());
        assertFalse(ttl.body().contains("feature:"), "only the prefixes it uses:\n" + ttl.body());
        for (String[] f : new String[][] {{"application/n-triples", "N-TRIPLES"}, {"application/ld+json", "JSON-LD"}}) {
            HttpResponse<String> r = get(base + "/approach/alpha", "Accept", f[0]);
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(f[0]));
            Model other = ModelFactory.createDefaultModel();
            RDFParser.fromString(r.body(), org.apache.jena.riot.RDFLanguages.nameToLang(f[1])).parse(other);
            assertTrue(m.isIsomorphicWith(other), f[0] + ":\n" + r.body());
        }
    }

    @Test
    void sendsBrowsersToTheTurtleOfAnEntityWithoutAPageAndAnswers404ForUnknownEntities() throws Exception {
        HttpResponse<String> beta = get(base + "/approach/beta", "Accept", "text/html");
        assertEquals(303, beta.statusCode());
        assertEquals("/approach/beta.ttl", beta.headers().firstValue("Location").orElse(""));
        assertEquals(404, get(base + "/approach/delta", "Accept", "text/turtle").statusCode());
    }

    @Test
    void answersSearchesAsJson() throws Exception {
        HttpResponse<String> r = get(base + "/search?q=prefix&limit=5");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(r.body().contains("\"title\": \"Alpha\"") && r.body().contains("\"url\": \"approach/alpha.html\"")
                && r.body().contains("\\u003cmark>prefix\\u003c/mark>") && r.body().contains("\"score\": "),
                r.body());
        assertFalse(r.body().contains("Tiny guide"), r.body());
    }

    @Test
    void answersEmptyOrUnusableSearchesWith400AndAMessage() throws Exception {
        HttpResponse<String> empty = get(base + "/search?q=");
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().startsWith("{\"error\": \"give the words"), empty.body());
        HttpResponse<String> badLimit = get(base + "/search?q=alpha&limit=1000");
        assertEquals(400, badLimit.statusCode());
        assertTrue(badLimit.body().contains("limit must be"), badLimit.body());
        HttpResponse<String> badType = get(base + "/search?q=alpha&type=Nonsense");
        assertEquals(400, badType.statusCode());
        assertTrue(badType.body().contains("\"error\""), badType.body());
    }
}
