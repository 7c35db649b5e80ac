package org.guidegraph.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {

    @TempDir
    Path tmp;

    private Path publish(Path out, String text, SiteWriter.Removals removals) throws IOException {
        try (SiteWriter w = SiteWriter.open(out, removals)) {
            Files.writeString(w.staging().resolve("index.html"), text);
            w.publish();
        }
        return out;
    }

    private List<String> besideTheSite() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aBackgroundCloseTakesTheReplacedSiteAwayAtOnceAndTheNextOpenFindsItDeleted() throws IOException {
        Path out = tmp.resolve("site");
        SiteWriter.Removals removals = new SiteWriter.Removals();
        publish(out, "one", removals);
        publish(out, "two", removals);
        assertFalse(Files.exists(tmp.resolve(".site.building")), "the work folder is renamed aside at close");
        assertEquals("two", Files.readString(out.resolve("index.html")));
        try (SiteWriter w = SiteWriter.open(out, removals)) {
            assertEquals(List.of(".site.building", "site"), besideTheSite(),
                    "open waits for the replaced site's deletion");
        }
    }

    @Test
    void aFailedBuildWithBackgroundCloseLeavesThePreviousSiteAsItWas() throws IOException {
        SiteWriter.Removals removals = new SiteWriter.Removals();
        Path out = publish(tmp.resolve("site"), "kept", removals);
        try (SiteWriter w = SiteWriter.open(out, removals)) {
            Files.writeString(w.staging().resolve("index.html"), "half");
            // no publish: the build failed
        }
        assertEquals("kept", Files.readString(out.resolve("index.html")));
        try (SiteWriter w = SiteWriter.open(out)) {
            assertTrue(Files.isDirectory(w.staging()));
        }
        assertEquals(List.of("site"), besideTheSite());
    }

    @Test
    void openDeletesWorkFoldersThatAStoppedProcessRenamedAside() throws IOException {
        Path out = publish(tmp.resolve("site"), "one", null);
        Files.createDirectories(tmp.resolve(".site.replaced-1-1/site"));
        Files.writeString(tmp.resolve(".site.replaced-1-1/site/index.html"), "old");
        publish(out, "two", null);
        assertEquals(List.of("site"), besideTheSite());
    }
}
