package org.guidegraph.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.guidegraph.TestGuides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code site/} is committed (checked after the build tests and the gates, so their messages come first); it must be exactly what a fresh build of the sources produces. */
class CommittedSiteIT {

    @Test
    void theCommittedSiteEqualsAFreshBuild(@TempDir Path tmp) throws Exception {
        Path committed = TestGuides.PROJECT.resolve("site");
        assertTrue(Files.isRegularFile(committed.resolve("index.html")),
                "site/ is missing: run java -jar target/guidegraph.jar build and commit site/");
        BuildResult r = SiteBuildTest.build(TestGuides.PROJECT, tmp.resolve("fresh"));
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        var fresh = SiteBuildTest.tree(tmp.resolve("fresh"));
        var old = SiteBuildTest.tree(committed);
        java.util.TreeSet<String> differ = new java.util.TreeSet<>();
        fresh.forEach((k, v) -> { if (!v.equals(old.get(k))) differ.add(k); });
        old.keySet().forEach(k -> { if (!fresh.containsKey(k)) differ.add(k); });
        assertEquals(java.util.Set.of(), differ,
                "files of site/ that differ from a fresh build: rebuild with java -jar target/guidegraph.jar build and commit");
    }
}
