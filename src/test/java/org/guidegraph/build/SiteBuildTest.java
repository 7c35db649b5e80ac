package org.guidegraph.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.guidegraph.TestGuides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuildTest {

    @TempDir
    Path tmp;

    static BuildResult build(Path guide, Path out) throws IOException {
        return new SiteBuild(BuildOptions.of(guide, out), new PrintWriter(new StringWriter())).run();
    }

    static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(p).toString().replace('\\', '/'),
                        java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(Files.readAllBytes(p))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    @Test
    void twoBuildsOfTheSameGuideAreByteIdentical() throws IOException {
        BuildResult a = build(TestGuides.PROJECT, tmp.resolve("a"));
        BuildResult b = build(TestGuides.PROJECT, tmp.resolve("b"));
        assertTrue(a.ok(), () -> a.diagnostics().sorted().toString());
        assertTrue(b.ok());
        assertEquals(tree(tmp.resolve("a")), tree(tmp.resolve("b")));
    }

    @Test
    void aGuideWithErrorsLeavesThePreviousSiteUntouched() throws IOException {
        Path out = tmp.resolve("site");
        assertTrue(build(TestGuides.MINIMAL, out).ok());
        Map<String, String> before = tree(out);
        BuildResult failed = build(TestGuides.INVALID.resolve("missing-level"), out);
        assertFalse(failed.ok());
        assertEquals(before, tree(out));
        assertFalse(Files.exists(tmp.resolve(".site.building")), "the work folder is removed");
    }

    @Test
    void aBrokenTemplateFailsWithTemplateLineAndColumnAndKeepsThePreviousSite() throws IOException {
        Path guide = tmp.resolve("guide");
        copy(TestGuides.MINIMAL, guide);
        Path out = tmp.resolve("site");
        assertTrue(build(guide, out).ok());
        Map<String, String> before = tree(out);
        String messages = failsWithIndex(guide, out,
                "<#ftl output_format=\"HTML\">\n<#assign gg = gg?first>\n<p>${gg.noSuchThing.value}</p>\n");
        assertTrue(messages.contains("templates/page-index.ftl:3:"), messages);
        assertEquals(before, tree(out));
    }

    /** Builds {@code guide} with {@code template} as its index page, which must fail; returns the diagnostics. */
    private static String failsWithIndex(Path guide, Path out, String template) throws IOException {
        Files.createDirectories(guide.resolve("templates"));
        Files.writeString(guide.resolve("templates/page-index.ftl"), template, StandardCharsets.UTF_8);
        BuildResult r = build(guide, out);
        assertFalse(r.ok());
        return r.diagnostics().sorted().toString();
    }

    @Test
    void templatesCountAndSelectRowsAsFilteringWouldAndAWrongCallNamesItsLine() throws IOException {
        Path guide = tmp.resolve("guide");
        copy(TestGuides.MINIMAL, guide);
        Files.createDirectories(guide.resolve("templates"));
        // each line: what gg.count, gg.countBy or gg.where say, then what filtering every row says
        Files.writeString(guide.resolve("templates/page-index.ftl"), """
                <#ftl output_format="HTML">
                <#assign gg = gg?first>
                <#assign rows = gg.query("matrix")>
                <#assign all = gg.seen()>
                <p class="n">${gg.count(rows, "feature")} ${rows?filter(r -> all.first(r.feature.iri))?size}</p>
                <#assign byLevel = gg.countBy(rows, "level", "feature")>
                <#list gg.query("support-levels") as l><#assign at = gg.seen()>
                <p class="n">${byLevel[l.level.iri]!0} ${rows?filter(r -> r.level.iri == l.level.iri && at.first(r.feature.iri))?size}</p>
                <p class="n">${gg.where(rows, "level", [l.level.iri])?size} ${rows?filter(r -> r.level.iri == l.level.iri)?size}</p>
                </#list>
                <p id="link">${gg.link("matrix.html")}</p>
                """, StandardCharsets.UTF_8);
        Path out = tmp.resolve("site");
        BuildResult r = build(guide, out);
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(Files.readString(out.resolve("index.html")));
        List<String> lines = page.select("p.n").eachText();
        assertTrue(lines.size() > 2, "the features and each level: " + lines);
        int levelsCounted = 0;
        for (String line : lines) {
            String[] n = line.split(" ");
            assertEquals(n[1], n[0], "count against filtering, in " + lines);
            levelsCounted += Integer.parseInt(n[0]);
        }
        assertTrue(Integer.parseInt(lines.get(0).split(" ")[0]) > 0, "the minimal guide assesses features");
        assertTrue(levelsCounted >= Integer.parseInt(lines.get(0).split(" ")[0]), "every feature has a level");
        assertEquals("matrix.html", page.getElementById("link").text());

        String messages = failsWithIndex(guide, out,
                "<#ftl output_format=\"HTML\">\n<#assign gg = gg?first>\n\n<p>${gg.link()}</p>\n");
        assertTrue(messages.contains("templates/page-index.ftl:4:") && messages.contains("gg.link takes 1 argument"),
                messages);
    }

    @Test
    void theSiteHasItsGraphExportsSitemapAndQueries() throws IOException {
        Path out = tmp.resolve("site");
        BuildResult r = build(TestGuides.MINIMAL, out);
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        for (String f : new String[] {"index.html", "graph.ttl", "graph.jsonld", "void.ttl", "sitemap.xml",
                "queries/approaches.rq"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(Files.readString(out.resolve("sitemap.xml"))
                .contains("<loc>https://guidegraph.org/guides/minimal/index.html</loc>"));
        assertTrue(Files.readString(out.resolve("void.ttl")).contains("void:triples"));
    }

    static void copy(Path from, Path to) throws IOException {
        TestGuides.copy(from, to);
    }

    @Test
    void aRebuildWithAnUnchangedTreeTakesItsDiagramFromTheCache() throws IOException {
        Path guide = tmp.resolve("guide");
        copy(TestGuides.MINIMAL, guide);
        BuildResult first = build(guide, tmp.resolve("one"));
        BuildResult second = build(guide, tmp.resolve("two"));
        assertTrue(first.stages().stream().anyMatch(l -> l.startsWith("diagram") && l.endsWith("1 decision trees, 1 laid out")),
                first.stages().toString());
        assertTrue(second.stages().stream().anyMatch(l -> l.startsWith("diagram") && l.endsWith("1 decision trees, 0 laid out")),
                second.stages().toString());
        String svg = Files.readString(tmp.resolve("two/decide.html"));
        assertTrue(svg.contains("<svg") && svg.contains("Use the only approach"), "the decide page shows the diagram");
    }

    @Test
    void theSearchIndexHoldsEverySectionAndIsPublishedForTheBrowser() throws IOException {
        Path out = tmp.resolve("site");
        BuildResult r = build(TestGuides.PROJECT, out);
        assertTrue(r.ok());
        assertTrue(Files.isRegularFile(out.resolve("search/manifest.js")));
        assertTrue(r.searchDocuments().stream().anyMatch(d -> d.url().equals("matrix.html")), "pages are indexed");
        assertTrue(r.searchDocuments().stream().anyMatch(d -> d.type().equals("Approach")), "entity pages are typed");
        assertTrue(r.searchDocuments().stream().anyMatch(d -> d.type().equals("Resource")), "resources are indexed");
    }
}
