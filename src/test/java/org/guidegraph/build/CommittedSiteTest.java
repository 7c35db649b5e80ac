package org.guidegraph.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.guidegraph.TestGuides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code site/} is committed; it must be exactly what a fresh build of the sources produces. */
class CommittedSiteTest {

    @Test
    void theCommittedSiteEqualsAFreshBuild(@TempDir Path tmp) throws Exception {
        Path committed = TestGuides.PROJECT.resolve("site");
        assertTrue(Files.isRegularFile(committed.resolve("index.html")),
                "site/ is missing: run java -jar target/guidegraph.jar build and commit site/");
        BuildResult r = SiteBuildTest.build(TestGuides.PROJECT, tmp.resolve("fresh"));
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        assertEquals(SiteBuildTest.tree(tmp.resolve("fresh")), SiteBuildTest.tree(committed),
                "site/ differs from a fresh build: rebuild with java -jar target/guidegraph.jar build and commit");
    }
}
