package org.guidegraph.serve;

import static org.guidegraph.serve.ServeFixtures.enc;
import static org.guidegraph.serve.ServeFixtures.get;
import static org.guidegraph.serve.ServeFixtures.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SPARQL endpoint over real HTTP: the protocol's three ways in, the result formats, and its limits. */
class SparqlEndpointTest {

    static final String APPROACHES = """
            PREFIX gg: <https://guidegraph.org/ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?a ?label WHERE { ?a a gg:Approach ; rdfs:label ?label ; gg:order ?o } ORDER BY ?o
            """;
    static final String CONSTRUCT = """
            PREFIX gg: <https://guidegraph.org/ns#>
            CONSTRUCT { ?a a gg:Approach } WHERE { ?a a gg:Approach }
            """;

    @TempDir
    static Path tmp;
    static GuideServer server;
    static String sparql;

    @BeforeAll
    static void start() throws IOException {
        Generation g = Generation.load(1, ServeFixtures.site(tmp.resolve("site")));
        server = GuideServer.start(g, ServeOptions.onPort(0).withQueryTimeout(300).withMaxRows(2));
        sparql = server.url() + "/sparql";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void answersGetWithTheQueryInTheUrl() throws Exception {
        HttpResponse<String> r = get(sparql + "?query=" + enc(APPROACHES), "Accept", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("a,label\r\nhttps://example.org/tiny/approach/alpha,Alpha\r\n"
                + "https://example.org/tiny/approach/beta,Beta\r\n", r.body());
    }

    @Test
    void answersPostOfAFormAndPostOfAQueryBody() throws Exception {
        HttpResponse<String> form = post(sparql, "application/x-www-form-urlencoded", "query=" + enc(APPROACHES),
                "Accept", "text/csv");
        HttpResponse<String> body = post(sparql, "application/sparql-query", APPROACHES, "Accept", "text/csv");
        assertEquals(200, form.statusCode(), form.body());
        assertEquals(200, body.statusCode(), body.body());
        assertTrue(form.body().contains("alpha,Alpha"), form.body());
        assertEquals(form.body(), body.body());
    }

    @Test
    void givesSelectResultsInJsonXmlCsvAndTsvByAccept() throws Exception {
        String url = sparql + "?query=" + enc(APPROACHES);
        HttpResponse<String> json = get(url, "Accept", "application/sparql-results+json");
        HttpResponse<String> xml = get(url, "Accept", "application/sparql-results+xml");
        HttpResponse<String> csv = get(url, "Accept", "text/csv");
        HttpResponse<String> tsv = get(url, "Accept", "text/tab-separated-values");
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        assertTrue(json.body().contains("\"value\": \"Alpha\""), json.body());
        assertTrue(xml.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+xml"));
        assertTrue(xml.body().contains("<literal>Alpha</literal>"), xml.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(tsv.headers().firstValue("Content-Type").orElse("").startsWith("text/tab-separated-values"));
        assertTrue(tsv.body().startsWith("?a\t?label\n<https://example.org/tiny/approach/alpha>\t\"Alpha\""),
                tsv.body());
    }

    @Test
    void answersAskInJson() throws Exception {
        HttpResponse<String> r = get(sparql + "?query=" + enc("ASK { ?s ?p \"Gamma\" }"), "Accept",
                "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().replace(" ", "").contains("\"boolean\":true"), r.body());
    }

    @Test
    void givesConstructResultsAsTurtleNTriplesAndJsonLd() throws Exception {
        String url = sparql + "?query=" + enc(CONSTRUCT + " LIMIT 2");
        for (var f : List.of(List.of("text/turtle", Lang.TURTLE), List.of("application/n-triples", Lang.NTRIPLES),
                List.of("application/ld+json", Lang.JSONLD))) {
            HttpResponse<String> r = get(url, "Accept", (String) f.get(0));
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith((String) f.get(0)),
                    r.headers().toString());
            Model m = ModelFactory.createDefaultModel();
            RDFParser.fromString(r.body(), (Lang) f.get(1)).parse(m);
            assertEquals(2, m.size(), f.get(0) + ":\n" + r.body());
        }
    }

    @Test
    void answersAMalformedQueryWith400AndTheParsersMessage() throws Exception {
        HttpResponse<String> r = get(sparql + "?query=" + enc("SELECT ?x WHERE { ?x ?y }"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Parse error") && r.body().contains("line 1, column"), r.body());
    }

    @Test
    void refusesUpdatesAndLeavesTheDataUnchanged() throws Exception {
        String insert = "INSERT DATA { <https://example.org/x> <https://example.org/y> \"z\" }";
        HttpResponse<String> direct = post(sparql, "application/sparql-update", insert);
        HttpResponse<String> form = post(sparql, "application/x-www-form-urlencoded", "update=" + enc(insert));
        HttpResponse<String> viaQuery = get(sparql + "?query=" + enc(insert));
        assertEquals(403, direct.statusCode());
        assertTrue(direct.body().contains("read-only"), direct.body());
        assertEquals(403, form.statusCode());
        assertEquals(400, viaQuery.statusCode(), "an update is no query");
        HttpResponse<String> ask = get(sparql + "?query=" + enc("ASK { ?s ?p \"z\" }"), "Accept",
                "application/sparql-results+json");
        assertTrue(ask.body().replace(" ", "").contains("\"boolean\":false"), ask.body());
    }

    @Test
    void aRefusedUpdateLeavesTheClientsConnectionUsable() throws Exception {
        String insert = "INSERT DATA { <https://example.org/x> <https://example.org/y> \"z\" }";
        for (int i = 0; i < 30; i++) {
            assertEquals(403, post(sparql, "application/sparql-update", insert).statusCode());
            HttpResponse<String> ask = get(sparql + "?query=" + enc("ASK { ?s ?p \"z\" }"), "Accept",
                    "application/sparql-results+json");
            assertEquals(200, ask.statusCode(), "request " + i + " after a refused update");
        }
    }

    @Test
    void stopsARunawayQueryWith503AndKeepsAnswering() throws Exception {
        // Seven independent patterns: the cross product of the fixture graph with itself seven times, far past the limit.
        String runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?p ?q ?r . ?s ?t ?u }";
        long start = System.nanoTime();
        HttpResponse<String> r = get(sparql + "?query=" + enc(runaway));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("timed out") && r.body().contains("300 ms"), r.body());
        assertTrue(millis < 10_000, "stopped after " + millis + " ms");
        assertEquals(200, get(sparql + "?query=" + enc(APPROACHES)).statusCode());
    }

    @Test
    void capsTheRowsOfAQueryWithoutALimitAndSaysSo() throws Exception {
        String all = "SELECT ?s WHERE { ?s a ?t } ORDER BY ?s";
        HttpResponse<String> r = get(sparql + "?query=" + enc(all), "Accept", "text/csv");
        assertEquals(3, r.body().strip().split("\r\n").length, "header and two rows: " + r.body());
        assertEquals("2", r.headers().firstValue("X-Row-Limit").orElse(""));
        HttpResponse<String> small = get(sparql + "?query=" + enc(all + " LIMIT 1"), "Accept", "text/csv");
        assertEquals(2, small.body().strip().split("\r\n").length, small.body());
        assertTrue(small.headers().firstValue("X-Row-Limit").isEmpty());
    }

    @Test
    void allowsBrowserClientsFromOtherOriginsIncludingPreflight() throws Exception {
        var preflight = ServeFixtures.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sparql))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, preflight.statusCode());
        assertEquals("https://elsewhere.example",
                preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        HttpResponse<String> r = get(sparql + "?query=" + enc(APPROACHES), "Origin", "https://elsewhere.example");
        assertEquals("https://elsewhere.example", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    @Test
    void answersARepeatedQueryWithTheSameBytesHeadersAndRowCap() throws Exception {
        String all = "SELECT ?s WHERE { ?s a ?t } ORDER BY DESC(?s)";
        HttpResponse<String> first = get(sparql + "?query=" + enc(all), "Accept", "text/csv");
        get(sparql + "?query=" + enc(all), "Accept", "text/csv");
        HttpResponse<String> again = get(sparql + "?query=" + enc(all), "Accept", "text/csv");
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(first.headers().firstValue("Fuseki-Request-Id").isPresent(), "the first time, Fuseki ran it");
        assertTrue(again.headers().firstValue("Fuseki-Request-Id").isEmpty(), "the third time, a kept answer");
        assertEquals(first.body(), again.body());
        assertEquals(first.headers().firstValue("Content-Type"), again.headers().firstValue("Content-Type"));
        assertEquals("2", again.headers().firstValue("X-Row-Limit").orElse(""), again.headers().toString());
        HttpResponse<String> json = get(sparql + "?query=" + enc(all), "Accept", "application/sparql-results+json");
        assertTrue(json.body().contains("\"bindings\""), "another Accept is another answer: " + json.body());
        HttpResponse<String> body = post(sparql, "application/sparql-query", all, "Accept", "text/csv");
        post(sparql, "application/sparql-query", all, "Accept", "text/csv");
        HttpResponse<String> bodyAgain = post(sparql, "application/sparql-query", all, "Accept", "text/csv");
        assertEquals(first.body(), body.body());
        assertEquals(first.body(), bodyAgain.body());
        assertTrue(bodyAgain.headers().firstValue("Fuseki-Request-Id").isEmpty(), "a kept answer");
    }

    @Test
    void answersARepeatedMalformedOrTimedOutQueryWithItsErrorEachTime() throws Exception {
        String bad = sparql + "?query=" + enc("SELECT ?x WHERE { ?x ?y }");
        assertEquals(400, get(bad).statusCode());
        assertEquals(400, get(bad).statusCode());
        HttpResponse<String> again = get(bad);
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("Parse error"), again.body());
    }

    @Test
    void givesEachOriginItsOwnCorsHeaderOnARepeatedQuery() throws Exception {
        String url = sparql + "?query=" + enc(APPROACHES + " # cors");
        get(url, "Origin", "https://one.example");
        get(url, "Origin", "https://one.example");
        HttpResponse<String> one = get(url, "Origin", "https://one.example");
        HttpResponse<String> two = get(url, "Origin", "https://two.example");
        assertEquals("https://one.example", one.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("https://two.example", two.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals(one.body(), two.body());
    }
}
