package org.guidegraph.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
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

    @Test
    void aWriterThatKnowsTheSiteInPlaceRenamesWhatItWroteKeepsWhatItKeptAndDeletesTheRest() throws IOException {
        Path out = tmp.resolve("site");
        SiteWriter.Published published = new SiteWriter.Published();
        try (SiteWriter w = SiteWriter.open(out, null, published)) {
            assertFalse(w.inPlace(), "nothing published yet: the first site is staged whole");
            long bytes = 0;
            for (String f : List.of("index.html", "a/kept.ttl", "a/changed.ttl", "gone/only.ttl", "css/site.css")) {
                Files.createDirectories(w.staging().resolve(f).getParent());
                Files.writeString(w.staging().resolve(f), "one " + f);
                bytes += ("one " + f).length();
            }
            assertEquals(new SiteWriter.Tally(5, bytes), w.publish());
        }
        Object keptFile = Files.readAttributes(out.resolve("a/kept.ttl"), BasicFileAttributes.class).fileKey();
        try (SiteWriter w = SiteWriter.open(out, null, published)) {
            assertTrue(w.inPlace());
            SiteWriter.Keep keep = w.keeper();
            assertTrue(keep.keep("a/kept.ttl"));
            assertTrue(keep.under("css").keep("site.css"));
            assertFalse(keep.keep("a/never.ttl"), "a file the site in place lacks cannot be kept");
            Files.createDirectories(w.staging().resolve("a"));
            Files.writeString(w.staging().resolve("a/changed.ttl"), "two");
            Files.writeString(w.staging().resolve("index.html"), "two");
            Files.createDirectories(w.staging().resolve("b"));
            Files.writeString(w.staging().resolve("b/new.ttl"), "two");
            assertEquals("one a/changed.ttl", Files.readString(out.resolve("a/changed.ttl")),
                    "nothing changes in place before publish");
            SiteWriter.Tally tally = w.publish();
            assertEquals(5, tally.files());
        }
        assertEquals(List.of("a/changed.ttl", "a/kept.ttl", "b/new.ttl", "css/site.css", "index.html"), files(out));
        assertEquals("two", Files.readString(out.resolve("a/changed.ttl")));
        assertEquals("one a/kept.ttl", Files.readString(out.resolve("a/kept.ttl")));
        assertEquals(keptFile, Files.readAttributes(out.resolve("a/kept.ttl"), BasicFileAttributes.class).fileKey(),
                "a kept file is the same file");
        assertFalse(Files.exists(out.resolve("gone")), "a folder emptied by the deletions is deleted");
        assertEquals(5, published.size());
    }

    @Test
    void aFailedBuildInPlaceLeavesTheSiteAsItWas() throws IOException {
        Path out = tmp.resolve("site");
        SiteWriter.Published published = new SiteWriter.Published();
        try (SiteWriter w = SiteWriter.open(out, null, published)) {
            Files.writeString(w.staging().resolve("index.html"), "kept");
            w.publish();
        }
        try (SiteWriter w = SiteWriter.open(out, null, published)) {
            assertTrue(w.inPlace());
            Files.writeString(w.staging().resolve("index.html"), "half");
            // no publish: the build failed
        }
        assertEquals(List.of("index.html"), files(out));
        assertEquals("kept", Files.readString(out.resolve("index.html")));
        assertEquals(List.of("site"), besideTheSite());
    }

    @Test
    void aFileKeptOnlyByAFailedBuildIsDeletedByTheNextBuildThatDoesNotKeepIt() throws IOException {
        Path out = tmp.resolve("site");
        SiteWriter.Published published = new SiteWriter.Published();
        stageAndPublish(out, published, "index.html", "a/one.ttl", "a/two.ttl");
        try (SiteWriter w = SiteWriter.open(out, null, published)) {
            assertTrue(w.keeper().keep("a/one.ttl"));
            assertTrue(w.keeper().keep("a/two.ttl"));
            assertEquals(Set.of("a/one.ttl", "a/two.ttl"), Set.copyOf(w.kept()));
            // no publish: the build failed
        }
        try (SiteWriter w = SiteWriter.open(out, null, published)) {
            assertTrue(w.keeper().keep("a/one.ttl"));
            assertTrue(w.keeper().keep("a/one.ttl"), "keeping a file twice counts it once");
            assertEquals(Set.of("a/one.ttl"), Set.copyOf(w.kept()), "only what this build kept");
            assertFalse(w.kept().contains("a/two.ttl"));
            Files.writeString(w.staging().resolve("index.html"), "two");
            assertEquals(2, w.publish().files());
        }
        assertEquals(List.of("a/one.ttl", "index.html"), files(out));
        assertEquals(2, published.size());
    }

    @Test
    void thePagesKeptInPlaceAreTheKeptHtmlFilesWhateverFolderTheyWereKeptFrom() throws IOException {
        Path out = tmp.resolve("site");
        SiteWriter.Published published = new SiteWriter.Published();
        stageAndPublish(out, published, "index.html", "a/one.html", "a/one.ttl", "b/two.html", "b/three.html");
        try (SiteWriter w = SiteWriter.open(out, null, published)) {
            assertTrue(w.keeper().keep("a/one.html"));
            assertTrue(w.keeper().keep("a/one.ttl"));
            assertTrue(w.keeper().under("b").keep("two.html"));
            assertTrue(w.keeper().under("b").keep("two.html"));
            assertFalse(w.keeper().keep("c/none.html"), "a page the site lacks is not kept");
            assertEquals(Set.of("a/one.html", "b/two.html"), w.keptPages());
        }
    }

    @Test
    void buildsInPlaceInARowKeepWhatThePreviousOneWroteAndDeleteWhatTheSiteNoLongerHas() throws IOException {
        Path out = tmp.resolve("site");
        SiteWriter.Published published = new SiteWriter.Published();
        stageAndPublish(out, published, "index.html", "a/one.ttl");
        stageAndPublish(out, published, "index.html", "b/new.ttl");
        assertEquals(List.of("b/new.ttl", "index.html"), files(out), "a/one.ttl was neither kept nor written");
        try (SiteWriter w = SiteWriter.open(out, null, published)) {
            assertFalse(w.keeper().keep("a/one.ttl"), "a file deleted at the last publish cannot be kept");
            assertTrue(w.keeper().under("b").keep("new.ttl"), "a file the last publish wrote can be kept");
            Files.writeString(w.staging().resolve("index.html"), "three, longer");
            assertEquals(new SiteWriter.Tally(2, "three, longer".length() + "b/new.ttl".length()), w.publish());
        }
        stageAndPublish(out, published, "index.html");
        assertEquals(List.of("index.html"), files(out));
        assertFalse(Files.exists(out.resolve("b")), "a folder emptied by the deletions is deleted");
        assertEquals(1, published.size());
    }

    /** Publishes, in place once the record knows the site, a site of {@code files} each holding its own path. */
    private static void stageAndPublish(Path out, SiteWriter.Published published, String... files)
            throws IOException {
        try (SiteWriter w = SiteWriter.open(out, null, published)) {
            for (String f : files) {
                Files.createDirectories(w.staging().resolve(f).getParent());
                Files.writeString(w.staging().resolve(f), f);
            }
            w.publish();
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
