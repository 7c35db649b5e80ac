package org.guidegraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceWatcherTest {

    @TempDir
    Path guide;
    final BlockingQueue<Set<String>> batches = new LinkedBlockingQueue<>();
    SourceWatcher watcher;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(guide.resolve("content/graph"));
        Files.createDirectories(guide.resolve("templates"));
        Files.writeString(guide.resolve("content/graph/a.ttl"), "# a\n");
        watcher = SourceWatcher.start(guide, 100, batches::add);
    }

    @AfterEach
    void stop() throws Exception {
        watcher.close();
    }

    private Set<String> next() throws InterruptedException {
        Set<String> b = batches.poll(10, TimeUnit.SECONDS);
        assertTrue(b != null, "no batch of changes reported within 10 s");
        return b;
    }

    @Test
    void reportsAnEditorsSaveBurstAsOneBatch() throws Exception {
        Path a = guide.resolve("content/graph/a.ttl");
        Path tmp = guide.resolve("content/graph/.a.ttl.swp");
        for (int i = 0; i < 5; i++) {
            Files.writeString(tmp, "# draft " + i + "\n");
            Files.move(tmp, a, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(10);
        }
        assertEquals(Set.of("content/graph/a.ttl"), next(), "scratch files of editors are left out");
        assertNull(batches.poll(400, TimeUnit.MILLISECONDS), "one batch only");
    }

    @Test
    void reportsCreationDeletionAndRename() throws Exception {
        Files.writeString(guide.resolve("templates/page-x.ftl"), "x");
        assertEquals(Set.of("templates/page-x.ftl"), next());
        Files.move(guide.resolve("templates/page-x.ftl"), guide.resolve("templates/page-y.ftl"));
        assertEquals(Set.of("templates/page-x.ftl", "templates/page-y.ftl"), next());
        Files.delete(guide.resolve("content/graph/a.ttl"));
        assertEquals(Set.of("content/graph/a.ttl"), next());
    }

    @Test
    void watchesFoldersCreatedLaterAndIgnoresOtherFolders() throws Exception {
        Files.createDirectories(guide.resolve("site"));
        Files.writeString(guide.resolve("site/index.html"), "built output");
        Files.createDirectories(guide.resolve("content/pages"));
        Thread.sleep(200);
        batches.clear();
        Files.writeString(guide.resolve("content/pages/new.md"), "# New\n");
        Set<String> b = next();
        assertTrue(b.contains("content/pages/new.md"), b.toString());
        assertTrue(b.stream().noneMatch(p -> p.startsWith("site")), b.toString());
    }
}
