package org.guidegraph.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches a guide's source folders ({@code content/}, {@code ontology/}, {@code templates/}, with their
 * sub-folders, including ones created later) and reports changed files in batches: a batch ends when no event has
 * come for the quiet period, so an editor's save burst (write a temporary file, rename it over the old one, touch
 * it) gives one batch. Creations, modifications, deletions and renames are all reported, as guide-relative paths.
 */
public final class SourceWatcher implements AutoCloseable {

    /** The folders of a guide whose changes change the site. */
    public static final List<String> FOLDERS = List.of("content", "ontology", "templates");
    /**
     * Default quiet period that ends a batch: long enough for an editor's save burst (its events come within a few
     * milliseconds of each other), short beside the time a regeneration takes.
     */
    public static final long DEFAULT_QUIET_MILLIS = 40;

    private final Path guide;
    private final WatchService service;
    private final long quietMillis;
    private final Thread thread;
    private volatile boolean closed;

    private SourceWatcher(Path guide, long quietMillis, Consumer<Set<String>> onBatch) throws IOException {
        this.guide = guide.toAbsolutePath().normalize();
        this.service = FileSystems.getDefault().newWatchService();
        this.quietMillis = quietMillis;
        for (String f : FOLDERS) {
            registerTree(this.guide.resolve(f));
        }
        // the guide folder itself, to notice a source folder created after the start
        this.guide.register(service, ENTRY_CREATE, ENTRY_DELETE);
        this.thread = new Thread(() -> loop(onBatch), "guidegraph-watch");
        this.thread.setDaemon(true);
    }

    /** Starts watching; {@code onBatch} runs on the watcher's thread, one batch at a time. */
    public static SourceWatcher start(Path guide, long quietMillis, Consumer<Set<String>> onBatch)
            throws IOException {
        SourceWatcher w = new SourceWatcher(guide, quietMillis, onBatch);
        w.thread.start();
        return w;
    }

    private void registerTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path d : (Iterable<Path>) walk.filter(Files::isDirectory)::iterator) {
                d.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            }
        }
    }

    private void loop(Consumer<Set<String>> onBatch) {
        try {
            while (!closed) {
                WatchKey first = service.take();
                Set<String> changed = new TreeSet<>();
                drain(first, changed);
                WatchKey next;
                while ((next = service.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
                    drain(next, changed);
                }
                if (!changed.isEmpty()) {
                    onBatch.accept(changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    private void drain(WatchKey key, Set<String> changed) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == OVERFLOW) {
                changed.add("*");
                continue;
            }
            Path p = dir.resolve((Path) e.context());
            String rel = guide.relativize(p).toString().replace('\\', '/');
            if (!inSources(rel) || scratch(p.getFileName().toString())) {
                continue;
            }
            changed.add(rel);
            if (e.kind() == ENTRY_CREATE && Files.isDirectory(p)) {
                try {
                    registerTree(p);
                    addExisting(p, changed);
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot watch " + p + ": " + ex.getMessage(), ex);
                }
            }
        }
        key.reset();
    }

    /** Files already in a folder created (or moved in) while watching: they would send no event of their own. */
    private void addExisting(Path dir, Set<String> changed) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .forEach(f -> changed.add(guide.relativize(f).toString().replace('\\', '/')));
        }
    }

    /** Editors' swap, backup and probe files, which are no part of the guide. */
    private static boolean scratch(String name) {
        return name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx")
                || name.equals("4913");
    }

    private static boolean inSources(String rel) {
        for (String f : FOLDERS) {
            if (rel.equals(f) || rel.startsWith(f + "/")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        service.close();
        thread.interrupt();
    }
}
