package org.guidegraph.serve;

import static org.guidegraph.serve.ServeFixtures.enc;
import static org.guidegraph.serve.ServeFixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A swap to a new generation replaces what the endpoint answers, including answers it kept. */
class GenerationSwapTest {

    static final String LABELS = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            + "SELECT ?label WHERE { ?a rdfs:label ?label } ORDER BY ?label";

    @TempDir
    Path tmp;

    @Test
    void answersARepeatedQueryFromTheNewGenerationAfterASwap() throws Exception {
        Path first = ServeFixtures.site(tmp.resolve("one"));
        Path second = ServeFixtures.site(tmp.resolve("two"));
        Files.writeString(second.resolve("graph.ttl"), ServeFixtures.GRAPH.replace("\"Gamma\"", "\"Delta\""));
        try (GuideServer server = GuideServer.start(Generation.load(1, first), ServeOptions.onPort(0))) {
            String url = server.url() + "/sparql?query=" + enc(LABELS);
            assertTrue(get(url, "Accept", "text/csv").body().contains("Gamma"));
            assertTrue(get(url, "Accept", "text/csv").body().contains("Gamma"), "asked again, same generation");
            server.serve(Generation.load(2, second));
            String after = get(url, "Accept", "text/csv").body();
            assertTrue(after.contains("Delta") && !after.contains("Gamma"), after);
            assertEquals(2, server.current().number());
        }
    }
}
