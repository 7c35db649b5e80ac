package org.guidegraph.serve;

import static org.guidegraph.serve.ServeFixtures.enc;
import static org.guidegraph.serve.ServeFixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.guidegraph.TestGuides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar target/guidegraph.jar serve} as a user runs it: it prints its URLs, serves, and stops cleanly. */
class ServeCommandIT {

    @TempDir
    Path tmp;

    @Test
    void printsTheUrlsItServesAndStopsCleanlyOnATerminationSignal() throws Exception {
        Path jar = TestGuides.PROJECT.resolve("target/guidegraph.jar");
        assertTrue(Files.isRegularFile(jar), "the jar is built before integration tests: " + jar);
        Path guide = tmp.resolve("guide");
        LiveSiteIT.copy(TestGuides.MINIMAL, guide);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "serve", guide.toString(), "--port",
                "0", "--out", tmp.resolve("site").toString()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        String site = null;
        String sparql = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("site:")) {
                    site = line.substring("site:".length()).strip();
                } else if (line.startsWith("SPARQL:")) {
                    sparql = line.substring("SPARQL:".length()).strip();
                } else if (line.startsWith("Press Ctrl-C")) {
                    break;
                }
            }
            assertTrue(site != null && site.matches("http://127\\.0\\.0\\.1:\\d+/index\\.html"), lines.toString());
            assertTrue(sparql != null && sparql.endsWith("/sparql"), lines.toString());
            assertEquals(200, get(site).statusCode());
            String csv = get(sparql + "?query=" + enc("SELECT ?l WHERE { ?a a <https://guidegraph.org/ns#Approach> ;"
                    + " <http://www.w3.org/2000/01/rdf-schema#label> ?l }"), "Accept", "text/csv").body();
            assertEquals("l\r\nThe Only Approach\r\n", csv);

            p.destroy(); // SIGTERM: the same shutdown path as Ctrl-C
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stopped within 20 s");
        } finally {
            p.destroyForcibly();
        }
        String url = site;
        assertThrows(ConnectException.class, () -> get(url));
    }
}
