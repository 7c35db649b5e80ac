package org.guidegraph.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.guidegraph.TestGuides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages are views of the graph: a fact changed once changes everywhere it is shown. */
class ViewsTest {

    @TempDir
    Path tmp;

    private Path guideCopy(Path from) throws IOException {
        Path guide = tmp.resolve("guide");
        for (String dir : List.of("content", "ontology", "templates")) {
            if (Files.isDirectory(from.resolve(dir))) {
                SiteBuildTest.copy(from.resolve(dir), guide.resolve(dir));
            }
        }
        return guide;
    }

    @Test
    void aChangedNoteAppearsOnTheMatrixTheApproachAndTheFeaturePageAndTheOldOneNowhere() throws IOException {
        Path guide = guideCopy(TestGuides.PROJECT);
        Path matrix = guide.resolve("content/graph/matrix.ttl");
        String ttl = Files.readString(matrix, StandardCharsets.UTF_8);
        assertTrue(ttl.contains("gg:note \"IGW\" ;"), "fixture note present");
        Files.writeString(matrix, ttl.replace("gg:note \"IGW\" ;", "gg:note \"Inference Gateway, renamed\" ;"),
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("site");
        BuildResult r = SiteBuildTest.build(guide, out);
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        for (String page : List.of("matrix.html", "approach/llm-d.html", "feature/inference-scheduling.html")) {
            assertTrue(Files.readString(out.resolve(page)).contains("Inference Gateway, renamed"), page);
        }
        try (Stream<Path> walk = Files.walk(out)) {
            // vocabulary.html quotes the ontology's own example of a cell, "✅ Included (IGW)": not the guide's fact.
            List<String> stale = walk.filter(p -> p.toString().endsWith(".html"))
                    .filter(p -> !p.getFileName().toString().equals("vocabulary.html"))
                    .filter(p -> read(p).matches("(?s).*\\(IGW\\).*|(?s).*>IGW<.*"))
                    .map(Path::toString).toList();
            assertEquals(List.of(), stale, "pages still showing the old note");
        }
    }

    @Test
    void aSparqlBlockInAProsePageIsRunAtBuildTimeAndRenderedAsATableOrAList() throws IOException {
        Path guide = guideCopy(TestGuides.MINIMAL);
        Files.createDirectories(guide.resolve("content/pages"));
        Files.writeString(guide.resolve("content/pages/views.md"), """
                ---
                title: Live views
                ---
                # Approaches

                ```sparql table
                SELECT ?approach ?label WHERE { ?approach a gg:Approach ; rdfs:label ?label } ORDER BY ?label
                ```

                ```sparql list
                SELECT ?feature WHERE { ?feature a gg:Feature } ORDER BY ?feature
                ```
                """, StandardCharsets.UTF_8);
        Path out = tmp.resolve("site");
        BuildResult r = SiteBuildTest.build(guide, out);
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        String html = Files.readString(out.resolve("views.html"));
        assertTrue(html.contains("<th scope=\"col\">label</th>"), html);
        assertTrue(html.contains("<td>The Only Approach</td>"), html);
        assertTrue(html.contains("<li><a href=\"feature/works.html\">Works</a></li>"), html);
        assertFalse(html.contains("```"), "no raw fence left");
    }

    @Test
    void aBrokenSparqlBlockInAProsePageFailsTheBuildAtItsLine() throws IOException {
        Path guide = guideCopy(TestGuides.MINIMAL);
        Files.createDirectories(guide.resolve("content/pages"));
        Files.writeString(guide.resolve("content/pages/views.md"), """
                ---
                title: Live views
                ---
                Text.

                ```sparql table
                SELECT ?a WHERE { ?a a gg:Approach
                ORDER BY ?a
                ```
                """, StandardCharsets.UTF_8);
        BuildResult r = SiteBuildTest.build(guide, tmp.resolve("site"));
        assertFalse(r.ok());
        String messages = r.diagnostics().sorted().toString();
        assertTrue(messages.contains("content/pages/views.md:8:1: error: SPARQL syntax"), messages);
    }

    @Test
    void aBrokenNamedQueryFailsTheBuildWithItsPositionAndKeepsThePreviousSite() throws IOException {
        Path guide = guideCopy(TestGuides.MINIMAL);
        Path out = tmp.resolve("site");
        assertTrue(SiteBuildTest.build(guide, out).ok());
        Map<String, String> before = SiteBuildTest.tree(out);
        Files.createDirectories(guide.resolve("templates/queries"));
        Files.writeString(guide.resolve("templates/queries/approaches.rq"),
                "SELECT ?approach WHERE {\n  ?approach a gg:Approach\n", StandardCharsets.UTF_8);
        BuildResult r = SiteBuildTest.build(guide, out);
        assertFalse(r.ok());
        String messages = r.diagnostics().sorted().toString();
        assertTrue(messages.contains("templates/queries/approaches.rq:2:"), messages);
        assertEquals(before, SiteBuildTest.tree(out));
    }

    @Test
    void everySectionHeadingOfTheSourceGuideHasAHomeOnTheSite() throws IOException {
        Path out = tmp.resolve("site");
        assertTrue(SiteBuildTest.build(TestGuides.PROJECT, out).ok());
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(p -> p.toString().endsWith(".html")).sorted().forEach(p -> all.append(
                    org.jsoup.Jsoup.parse(read(p)).text()).append('\n'));
        }
        String site = all.toString().toLowerCase(java.util.Locale.ROOT);
        List<String> missing = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(TestGuides.PROJECT.resolve(
                "src/test/resources/source/llm-serving-decision-guide.md"), StandardCharsets.UTF_8)) {
            if (line.matches("#{2,4} .*")) {
                String heading = line.replaceFirst("#+ ", "").replaceAll("[^\\p{L}\\p{N}\\s():+<./-]", "").strip().replaceAll(":$", "");
                if (!site.contains(heading.toLowerCase(java.util.Locale.ROOT))) {
                    missing.add(heading);
                }
            }
        }
        assertEquals(List.of(), missing, "source headings with no home on the site");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
