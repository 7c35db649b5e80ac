package org.guidegraph.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.guidegraph.TestGuides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index of a regeneration: the same {@code search/} bytes as a full build of the same sources, with
 * the files that did not change kept (linked from the previous site, so the same file) rather than written.
 */
class SearchRegenerationTest {

    @TempDir
    Path tmp;

    @Test
    void aRegeneratedSearchIndexIsByteForByteThatOfAFullBuildAndKeepsTheUnchangedFiles() throws Exception {
        Path guide = TestGuides.copyProject(tmp.resolve("guide"));
        Path out = tmp.resolve("site");
        Regeneration regeneration = new Regeneration();
        assertTrue(new SiteBuild(BuildOptions.of(guide, out), quiet(), regeneration).run().ok());
        Map<String, Object> before = inodes(out.resolve("search"));

        Path matrix = guide.resolve("content/graph/matrix.ttl");
        String original = Files.readString(matrix);
        assertTrue(original.contains("gg:note \"Alpha\" ;"));
        // A new word in a note: its page's sections, the postings, word and typo lists and documents change.
        Files.writeString(matrix, original.replace("gg:note \"Alpha\" ;", "gg:note \"Alpha, zanzibarian\" ;"));
        BuildResult second = new SiteBuild(BuildOptions.of(guide, out), quiet(), regeneration).run();
        assertTrue(second.ok(), () -> second.diagnostics().sorted().toString());
        assertTrue(regeneration.lastRendered() < regeneration.lastTotal(), "a regeneration, not a full build");
        assertEquals(fullBuild(guide, "full-1"), SiteBuildTest.tree(out.resolve("search")));
        assertTrue(!second.searchIndex().search("zanzibarian", null, 5).isEmpty(), "the server finds the new word");

        Map<String, Object> after = inodes(out.resolve("search"));
        long kept = after.entrySet().stream().filter(e -> e.getValue().equals(before.get(e.getKey()))).count();
        assertTrue(kept > 0, "unchanged files are linked from the previous site");
        assertTrue(kept < after.size(), "changed files are new");
        assertNotEquals(before.get("manifest.js"), after.get("manifest.js"));

        // Back as it was: the index is the first build's again.
        Files.writeString(matrix, original);
        assertTrue(new SiteBuild(BuildOptions.of(guide, out), quiet(), regeneration).run().ok());
        assertEquals(fullBuild(guide, "full-2"), SiteBuildTest.tree(out.resolve("search")));
    }

    @Test
    void aChangedResourceReachesTheSearchIndexOfARegenerationAndAnUnrelatedChangeKeepsTheResourcesAsTheyWere()
            throws Exception {
        Path guide = TestGuides.copyProject(tmp.resolve("guide"));
        Path out = tmp.resolve("site");
        Regeneration regeneration = new Regeneration();
        assertTrue(new SiteBuild(BuildOptions.of(guide, out), quiet(), regeneration).run().ok());

        // A resource's label: the resources' search documents are made again.
        Path resources = guide.resolve("content/graph/resources.ttl");
        String original = Files.readString(resources);
        assertTrue(original.contains("rdfs:label \"Quickstart\" ;"));
        Files.writeString(resources, original.replace("rdfs:label \"Quickstart\" ;",
                "rdfs:label \"Quickstart quetzalcoatlian\" ;"));
        BuildResult second = new SiteBuild(BuildOptions.of(guide, out), quiet(), regeneration).run();
        assertTrue(second.ok(), () -> second.diagnostics().sorted().toString());
        assertTrue(regeneration.lastRendered() < regeneration.lastTotal(), "a regeneration, not a full build");
        assertEquals(fullBuild(guide, "full-1"), SiteBuildTest.tree(out.resolve("search")));
        assertTrue(!second.searchIndex().search("quetzalcoatlian", null, 5).isEmpty(),
                "the server finds the resource's new word");

        // A matrix note, which the resources query cannot read: the resources are those of the last build.
        Path matrix = guide.resolve("content/graph/matrix.ttl");
        String note = Files.readString(matrix);
        Files.writeString(matrix, note.replace("gg:note \"Alpha\" ;", "gg:note \"Alpha, zanzibarian\" ;"));
        BuildResult third = new SiteBuild(BuildOptions.of(guide, out), quiet(), regeneration).run();
        assertTrue(third.ok(), () -> third.diagnostics().sorted().toString());
        assertEquals(fullBuild(guide, "full-2"), SiteBuildTest.tree(out.resolve("search")));
        assertTrue(!third.searchIndex().search("quetzalcoatlian", null, 5).isEmpty());

        // And the resource back as it was.
        Files.writeString(resources, original);
        BuildResult fourth = new SiteBuild(BuildOptions.of(guide, out), quiet(), regeneration).run();
        assertTrue(fourth.ok());
        assertEquals(fullBuild(guide, "full-3"), SiteBuildTest.tree(out.resolve("search")));
        assertTrue(fourth.searchIndex().search("quetzalcoatlian", null, 5).isEmpty());
    }

    private Map<String, String> fullBuild(Path guide, String name) throws IOException {
        Path full = tmp.resolve(name);
        assertTrue(SiteBuildTest.build(guide, full).ok());
        return SiteBuildTest.tree(full.resolve("search"));
    }

    /** Each file's identity on disk (its inode), by name. */
    private static Map<String, Object> inodes(Path dir) throws IOException {
        Map<String, Object> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                out.put(p.getFileName().toString(), Files.readAttributes(p,
                        java.nio.file.attribute.BasicFileAttributes.class).fileKey());
            }
        }
        return out;
    }

    private static PrintWriter quiet() {
        return new PrintWriter(new StringWriter());
    }
}
