package org.guidegraph.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.guidegraph.TestGuides;
import org.guidegraph.query.QueryRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rebuilds that re-render only the pages whose inputs changed, and give the same site as a full build. */
class PreciseRebuildTest {

    @TempDir
    Path tmp;

    @Test
    void aChangedNoteReRendersOnlyThePagesThatShowItAndGivesTheSameSiteAsAFullBuild() throws IOException {
        Path guide = TestGuides.copyProject(tmp.resolve("guide"));
        Path out = tmp.resolve("site");
        Regeneration regeneration = new Regeneration();
        BuildResult first = new SiteBuild(BuildOptions.of(guide, out), quiet(), regeneration).run();
        assertTrue(first.ok(), () -> first.diagnostics().sorted().toString());
        assertEquals(first.pages(), regeneration.lastRendered(), "the first build renders every page");
        Map<String, String> before = SiteBuildTest.tree(out);
        Map<String, QueryRows> firstRows = regeneration.queries.keptRows();

        Path matrix = guide.resolve("content/graph/matrix.ttl");
        String text = Files.readString(matrix);
        assertTrue(text.contains("gg:note \"Alpha\" ;"));
        Files.writeString(matrix, text.replace("gg:note \"Alpha\" ;", "gg:note \"Alpha, changed\" ;"));
        StringWriter log = new StringWriter();
        BuildResult second = new SiteBuild(BuildOptions.of(guide, out), new PrintWriter(log, true), regeneration)
                .run();
        assertTrue(second.ok(), () -> second.diagnostics().sorted().toString());
        Map<String, String> after = SiteBuildTest.tree(out);

        Set<String> changedPages = new TreeSet<>();
        after.forEach((f, h) -> {
            if (f.endsWith(".html") && !h.equals(before.get(f))) {
                changedPages.add(f);
            }
        });
        assertTrue(!changedPages.isEmpty());
        int total = first.pages();
        assertTrue(regeneration.lastRendered() < total / 2, "re-rendered " + regeneration.lastRendered() + " of "
                + total + "; pages that changed: " + changedPages);
        assertTrue(regeneration.lastRendered() >= changedPages.size(), changedPages.toString());
        assertTrue(log.toString().contains("re-rendered " + regeneration.lastRendered() + " of " + total + " pages"),
                log.toString());

        Map<String, QueryRows> secondRows = regeneration.queries.keptRows();
        assertSame(firstRows.get("approaches"), secondRows.get("approaches"),
                "a query no changed triple can reach keeps its rows");
        assertNotSame(firstRows.get("matrix"), secondRows.get("matrix"), "the matrix reads notes: it runs again");

        Path full = tmp.resolve("full");
        assertTrue(SiteBuildTest.build(guide, full).ok());
        assertEquals(SiteBuildTest.tree(full), after, "a precise rebuild gives the site a full build gives");
    }

    @Test
    void aChangedReasonReRendersOnlyThePagesThatReadItsRowsAndGivesTheSameSiteAsAFullBuild() throws IOException {
        Path guide = TestGuides.copyProject(tmp.resolve("guide"));
        Path out = tmp.resolve("site");
        Regeneration regeneration = builtOnce(guide, out);
        Map<String, String> before = SiteBuildTest.tree(out);
        Map<String, QueryRows> firstRows = regeneration.queries.keptRows();

        Path useCases = guide.resolve("content/graph/use-cases.ttl");
        String text = Files.readString(useCases);
        assertTrue(text.contains("gg:text \"Active community support\""));
        Files.writeString(useCases, text.replace("gg:text \"Active community support\"",
                "gg:text \"An active community\""));
        assertTrue(new SiteBuild(BuildOptions.of(guide, out), quiet(), regeneration).run().ok());
        Map<String, String> after = SiteBuildTest.tree(out);
        Set<String> changedPages = new TreeSet<>();
        after.forEach((f, h) -> {
            if (f.endsWith(".html") && !h.equals(before.get(f))) {
                changedPages.add(f);
            }
        });
        assertTrue(regeneration.lastRendered() >= changedPages.size(), changedPages.toString());
        assertTrue(regeneration.lastRendered() < regeneration.lastTotal(),
                "re-rendered " + regeneration.lastRendered() + " of " + regeneration.lastTotal());
        Map<String, QueryRows> secondRows = regeneration.queries.keptRows();
        assertSame(firstRows.get("repositories"), secondRows.get("repositories"));
        assertNotSame(firstRows.get("use-case-reasons"), secondRows.get("use-case-reasons"));
        assertTrue(changedPages.stream().anyMatch(p -> p.startsWith("usecase/") || p.startsWith("use-case/")),
                changedPages.toString());

        Path full = tmp.resolve("full");
        assertTrue(SiteBuildTest.build(guide, full).ok());
        assertEquals(SiteBuildTest.tree(full), after, "a precise rebuild gives the site a full build gives");
    }

    @Test
    void aNewPrefixInTheContentReRendersTheQueryEditorThatListsThePrefixes() throws IOException {
        Path guide = tmp.resolve("guide");
        TestGuides.copy(TestGuides.MINIMAL, guide);
        Path out = tmp.resolve("site");
        Regeneration regeneration = builtOnce(guide, out);
        Path ttl = guide.resolve("content/graph/guide.ttl");
        Files.writeString(ttl, "@prefix extra: <https://example.org/extra#> .\n" + Files.readString(ttl));
        assertTrue(new SiteBuild(BuildOptions.of(guide, out), quiet(), regeneration).run().ok());
        assertTrue(Files.readString(out.resolve("sparql.html")).contains("https://example.org/extra#"),
                "the editor lists the new prefix");
    }

    @Test
    void aChangedSharedTemplateReRendersEveryPage() throws IOException {
        Path guide = tmp.resolve("guide");
        TestGuides.copy(TestGuides.MINIMAL, guide);
        Path out = tmp.resolve("site");
        Regeneration regeneration = builtOnce(guide, out);
        int total = regeneration.lastTotal();
        Files.createDirectories(guide.resolve("templates"));
        String layout = Files.readString(TestGuides.PROJECT.resolve("templates/_layout.ftl"));
        Files.writeString(guide.resolve("templates/_layout.ftl"), layout.replace("</body>", "<!-- x --></body>"));
        assertTrue(new SiteBuild(BuildOptions.of(guide, out), quiet(), regeneration).run().ok());
        assertEquals(total, regeneration.lastRendered());
        assertTrue(Files.readString(out.resolve("index.html")).contains("<!-- x -->"));
    }

    @Test
    void aChangedCellOfAMatrixSplitByCategoryReRendersItsFeatureItsCategoryAndItsApproachOnly() throws IOException {
        Path guide = synthetic(new org.guidegraph.synth.SyntheticGuide.Spec(8, 300, 40, 4, 3));
        Path out = tmp.resolve("site");
        Regeneration regeneration = builtOnce(guide, out);
        Map<String, String> before = SiteBuildTest.tree(out);

        Path cells = org.guidegraph.bench.RegenerationBenchmark.cellFile(guide);
        String text = Files.readString(cells);
        int at = text.indexOf("gg:note \"") + "gg:note \"".length();
        Files.writeString(cells, text.substring(0, at) + "Changed. " + text.substring(at));
        BuildResult second = new SiteBuild(BuildOptions.of(guide, out), quiet(), regeneration).run();
        assertTrue(second.ok(), () -> second.diagnostics().sorted().toString());
        Map<String, String> after = SiteBuildTest.tree(out);

        Set<String> changedPages = new TreeSet<>();
        after.forEach((f, h) -> {
            if (f.endsWith(".html") && !h.equals(before.get(f))) {
                changedPages.add(f);
            }
        });
        assertEquals(2, changedPages.size(), "the feature's page and its category's part of the matrix: "
                + changedPages);
        assertTrue(changedPages.stream().anyMatch(p -> p.startsWith("feature/")), changedPages.toString());
        assertTrue(changedPages.stream().anyMatch(p -> p.startsWith("category/")), changedPages.toString());
        // the approach page reads the approach's assessments (the note among them) to count them by level
        assertEquals(3, regeneration.lastRendered(), "feature, category and approach page; changed: " + changedPages);

        Path full = tmp.resolve("full");
        assertTrue(SiteBuildTest.build(guide, full).ok());
        assertEquals(SiteBuildTest.tree(full), after, "a precise rebuild gives the site a full build gives");
    }

    @Test
    void aProsePageReRendersWhenTheChangeReachesItsLiveViewAndOnlyThen() throws IOException {
        Path guide = synthetic(new org.guidegraph.synth.SyntheticGuide.Spec(4, 60, 30, 4, 7));
        Path out = tmp.resolve("site");
        Regeneration regeneration = builtOnce(guide, out);
        Path cells = org.guidegraph.bench.RegenerationBenchmark.cellFile(guide);
        String text = Files.readString(cells);
        Object overview = fileKey(out.resolve("overview.html"));
        assertTrue(Files.readString(guide.resolve("content/pages/overview.md")).contains("gg:level gg:Yes"),
                "the overview's live view counts the cells at Yes");

        // a note: the live view does not read notes
        int at = text.indexOf("gg:note \"") + "gg:note \"".length();
        Files.writeString(cells, text.substring(0, at) + "Changed. " + text.substring(at));
        assertTrue(new SiteBuild(BuildOptions.of(guide, out), quiet(), regeneration).run().ok());
        assertTrue(regeneration.lastRendered() < 10, "rendered " + regeneration.lastRendered());
        assertEquals(overview, fileKey(out.resolve("overview.html")), "the overview is carried over (linked)");
        String shown = Files.readString(out.resolve("overview.html"));

        // a level at Yes: the live view's count changes
        String noted = Files.readString(cells);
        int yes = noted.indexOf("gg:level gg:Yes");
        Files.writeString(cells, noted.substring(0, yes) + "gg:level gg:No" + noted.substring(yes
                + "gg:level gg:Yes".length()));
        BuildResult third = new SiteBuild(BuildOptions.of(guide, out), quiet(), regeneration).run();
        assertTrue(third.ok(), () -> third.diagnostics().sorted().toString());
        assertTrue(!shown.equals(Files.readString(out.resolve("overview.html"))), "the overview shows the new count");

        Path full = tmp.resolve("full");
        assertTrue(SiteBuildTest.build(guide, full).ok());
        assertEquals(SiteBuildTest.tree(full), SiteBuildTest.tree(out), "a precise rebuild gives a full build's site");
    }

    @Test
    void aChangeThatReachesTheDecisionTreesQueryDrawsTheTreeAgainAndNoOtherDoes() throws IOException {
        Path guide = TestGuides.copyProject(tmp.resolve("guide"));
        Path out = tmp.resolve("site");
        Regeneration regeneration = builtOnce(guide, out);
        String decide = Files.readString(out.resolve("decide.html"));

        Path matrix = guide.resolve("content/graph/matrix.ttl");
        String cells = Files.readString(matrix);
        Files.writeString(matrix, cells.replace("gg:note \"Alpha\" ;", "gg:note \"Alpha, changed\" ;"));
        assertTrue(assertSameAsFullBuild(guide, out, regeneration, "a note").contains("kept from the last build"),
                "an assessment's note cannot reach the decision tree's query");
        assertEquals(decide, Files.readString(out.resolve("decide.html")));

        // the path of a resource an outcome links to: read by the tree's query, named by no page title
        Path resources = guide.resolve("content/graph/resources.ttl");
        String text = Files.readString(resources);
        String path = "gg:path \"/guides/QUICKSTART.md\"";
        assertTrue(text.contains(path));
        assertTrue(decide.contains("QUICKSTART.md"));
        Files.writeString(resources, text.replace(path, "gg:path \"/guides/QUICK-START.md\""));
        assertFalse(assertSameAsFullBuild(guide, out, regeneration, "the path of a resource of an outcome")
                .contains("kept from the last build"));
        assertTrue(Files.readString(out.resolve("decide.html")).contains("QUICK-START.md"),
                "the decision page links to the resource's new path");

        Files.writeString(matrix, cells);
        assertSameAsFullBuild(guide, out, regeneration, "the note put back");
        assertTrue(Files.readString(out.resolve("decide.html")).contains("QUICK-START.md"));
    }

    @Test
    void editsInARowThatChangeWhatPagesReadEachGiveTheSiteOfAFullBuild() throws IOException {
        Path guide = synthetic(new org.guidegraph.synth.SyntheticGuide.Spec(8, 300, 40, 4, 3));
        Path out = tmp.resolve("site");
        Regeneration regeneration = builtOnce(guide, out);

        // the first feature of one category file moves to the category of another file
        Move move = moveFirstFeature(guide);
        Path from = move.file();
        String fromText = move.before();
        String feature = move.feature();
        assertSameAsFullBuild(guide, out, regeneration, "moved " + feature + " to " + move.to());
        int moved = regeneration.lastRendered();

        // a note of the moved feature: its new category's page reads it now, its old one no longer
        Path cells = guide.resolve("content/graph/matrix").resolve(from.getFileName());
        String cellText = Files.readString(cells);
        String cellFeature = "gg:feature " + feature + " ;";
        int cell = cellText.indexOf(cellFeature);
        assertTrue(cell > 0, feature + " has cells in " + cells);
        int value = cellText.indexOf("gg:value \"", cell) + "gg:value \"".length();
        Files.writeString(cells, cellText.substring(0, value) + "Changed " + cellText.substring(value));
        assertSameAsFullBuild(guide, out, regeneration, "changed a value of " + feature);
        assertTrue(regeneration.lastRendered() < moved, "a value re-renders fewer pages ("
                + regeneration.lastRendered() + ") than a move (" + moved + ")");

        // both put back
        Files.writeString(cells, cellText);
        Files.writeString(from, fromText);
        assertSameAsFullBuild(guide, out, regeneration, "put back");
    }

    @Test
    void aPageThatNoLongerReadsACellIsNotReRenderedWhenTheCellChanges() throws IOException {
        Path guide = synthetic(new org.guidegraph.synth.SyntheticGuide.Spec(8, 300, 40, 4, 3));
        Path out = tmp.resolve("site");
        Regeneration regeneration = builtOnce(guide, out);

        // the first feature of one category file moves to the category of another file: both category pages
        // are rendered again and read other cells than before
        Move move = moveFirstFeature(guide);
        Path from = move.file();
        String fromText = move.before();
        String feature = move.feature();
        String category = move.from();
        String other = move.to();
        assertSameAsFullBuild(guide, out, regeneration, "moved " + feature + " to " + other);
        Path left = out.resolve("category/" + category.substring(category.indexOf(':') + 1) + ".html");
        Path joined = out.resolve("category/" + other.substring(other.indexOf(':') + 1) + ".html");
        assertTrue(Files.isRegularFile(left) && Files.isRegularFile(joined), left + ", " + joined);
        Object leftFile = fileKey(left);
        String joinedText = Files.readString(joined);

        // a note of the moved feature: the category it joined shows it, the one it left reads it no longer
        Path cells = guide.resolve("content/graph/matrix").resolve(from.getFileName());
        String cellText = Files.readString(cells);
        int cell = cellText.indexOf("gg:feature " + feature + " ;");
        assertTrue(cell > 0, feature + " has cells in " + cells);
        int value = cellText.indexOf("gg:value \"", cell) + "gg:value \"".length();
        Files.writeString(cells, cellText.substring(0, value) + "Changed " + cellText.substring(value));
        assertSameAsFullBuild(guide, out, regeneration, "changed a value of " + feature);
        assertFalse(joinedText.equals(Files.readString(joined)), "the category the feature joined shows the value");
        assertEquals(leftFile, fileKey(left), "the category the feature left is carried over, not rendered");
    }

    /** Regenerates, checks the site against a full build's, and returns the regeneration's log. */
    private String assertSameAsFullBuild(Path guide, Path out, Regeneration regeneration, String edit)
            throws IOException {
        StringWriter log = new StringWriter();
        BuildResult r = new SiteBuild(BuildOptions.of(guide, out), new PrintWriter(log, true), regeneration).run();
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        assertTrue(regeneration.lastRendered() < regeneration.lastTotal(), edit + ": re-rendered every page");
        Path full = tmp.resolve("full-" + System.nanoTime());
        assertTrue(SiteBuildTest.build(guide, full).ok());
        assertEquals(SiteBuildTest.tree(full), SiteBuildTest.tree(out), edit + ": the site of a full build");
        return log.toString();
    }

    private static String between(String text, String start, String end) {
        int a = text.indexOf(start) + start.length();
        return text.substring(a, text.indexOf(end, a));
    }

    /** The file's identity on disk: a page carried over is a link to the same file, a page rendered is new. */
    private static Object fileKey(Path p) throws IOException {
        return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    /** A synthetic guide of {@code spec}, written into the test's folder. */
    private Path synthetic(org.guidegraph.synth.SyntheticGuide.Spec spec) throws IOException {
        Path guide = tmp.resolve("synthetic");
        org.guidegraph.synth.SyntheticGuide.write(spec, guide);
        return guide;
    }

    /** A session's record after a first, full build of {@code guide} into {@code out}. */
    private static Regeneration builtOnce(Path guide, Path out) throws IOException {
        Regeneration regeneration = new Regeneration();
        assertTrue(new SiteBuild(BuildOptions.of(guide, out), quiet(), regeneration).run().ok());
        return regeneration;
    }

    private static PrintWriter quiet() {
        return new PrintWriter(new StringWriter());
    }

    /** A feature moved to another category: its features file (and its text before), the feature and categories. */
    private record Move(Path file, String before, String feature, String from, String to) {
    }

    /** Moves the first feature of the first features file to the category of the second file. */
    private static Move moveFirstFeature(Path guide) throws IOException {
        java.util.List<Path> files;
        try (java.util.stream.Stream<Path> list = Files.list(guide.resolve("content/graph/features"))) {
            files = list.sorted().toList();
        }
        Path from = files.get(0);
        String fromText = Files.readString(from);
        String category = between(fromText, "gg:category ", " ;");
        String other = between(Files.readString(files.get(1)), "gg:category ", " ;");
        int at = fromText.indexOf("gg:category " + category);
        String feature = fromText.substring(fromText.lastIndexOf("\nfeature:", at) + 1).lines().findFirst().get();
        Files.writeString(from, fromText.substring(0, at) + "gg:category " + other
                + fromText.substring(at + ("gg:category " + category).length()));
        return new Move(from, fromText, feature, category, other);
    }
}
