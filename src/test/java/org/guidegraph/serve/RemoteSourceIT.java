package org.guidegraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.guidegraph.TestGuides;
import org.guidegraph.build.BuildOptions;
import org.guidegraph.build.BuildResult;
import org.guidegraph.build.SiteBuild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --sparql-source}: the guide's content read from a Fuseki server over a TDB2 store, started as a separate
 * process, gives the site the files give.
 */
class RemoteSourceIT {

    @TempDir
    Path tmp;
    Process fuseki;
    String base;

    @BeforeEach
    void startFuseki() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        fuseki = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                StandaloneFuseki.class.getName(), Integer.toString(port), tmp.resolve("tdb2").toString(), "guide")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("fuseki.log").toFile()).start();
        base = "http://127.0.0.1:" + port + "/guide";
        long end = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                if (ServeFixtures.get(base + "?query=ASK%7B%7D").statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (System.currentTimeMillis() > end || !fuseki.isAlive()) {
                throw new AssertionError("Fuseki did not start:\n" + Files.readString(tmp.resolve("fuseki.log")));
            }
            Thread.sleep(100);
        }
    }

    @AfterEach
    void stopFuseki() throws InterruptedException {
        fuseki.destroy();
        fuseki.waitFor();
    }

    @Test
    void buildsFromAFusekiServerOverTdb2TheSiteTheFilesGive() throws Exception {
        Model content = ModelFactory.createDefaultModel();
        RDFParser.source(TestGuides.MINIMAL.resolve("content/graph/guide.ttl")).lang(Lang.TURTLE).parse(content);
        try (RDFConnection conn = RDFConnectionRemote.service(base).build()) {
            conn.load(content);
        }
        Path templatesOnly = tmp.resolve("remote-guide");
        Files.createDirectories(templatesOnly.resolve("content/graph"));
        BuildResult remote = new SiteBuild(BuildOptions.of(templatesOnly, tmp.resolve("remote-site"))
                .withSparqlSource(base + "/sparql"), quiet()).run();
        assertTrue(remote.ok(), () -> remote.diagnostics().sorted().toString());
        BuildResult local = new SiteBuild(BuildOptions.of(TestGuides.MINIMAL, tmp.resolve("local-site")), quiet())
                .run();
        assertTrue(local.ok());
        assertEquals(local.pages(), remote.pages());
        Map<String, String> a = pages(tmp.resolve("local-site"));
        Map<String, String> b = pages(tmp.resolve("remote-site"));
        assertEquals(a.keySet(), b.keySet());
        assertTrue(b.get("approach/only.html").contains("The Only Approach"));
        a.forEach((page, html) -> assertEquals(html, b.get(page), page + " is the same from the store"));
    }

    @Test
    void reportsAnUnreachableEndpointAsAnError() throws Exception {
        Path guide = tmp.resolve("remote-guide");
        Files.createDirectories(guide.resolve("content/graph"));
        BuildResult r = new SiteBuild(BuildOptions.of(guide, tmp.resolve("site"))
                .withSparqlSource("http://127.0.0.1:9/nothing/sparql"), quiet()).run();
        assertFalse(r.ok());
        String messages = r.diagnostics().sorted().toString();
        assertTrue(messages.contains("http://127.0.0.1:9/nothing/sparql") && messages.contains("cannot read"),
                messages);
    }

    private static Map<String, String> pages(Path site) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (var walk = Files.walk(site)) {
            for (Path p : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".html"))::iterator) {
                out.put(site.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return out;
    }

    private static PrintWriter quiet() {
        return new PrintWriter(new StringWriter());
    }
}
