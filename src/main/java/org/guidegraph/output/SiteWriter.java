package org.guidegraph.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import org.guidegraph.internal.Workers;


/**
 * Writes a site so that readers never see half of it: everything is built in a sibling work folder, and only a
 * complete site replaces the previous one, by renames on the same disk. A failed build deletes its work folder and
 * leaves the previous site as it was.
 *
 * <p>A writer opened {@linkplain #open(Path, Removals) with a record of removals} (a regeneration's) does not
 * delete the work folder (which holds the replaced site, or a failed build's) before returning from
 * {@link #close}: it renames it aside and deletes it on a background thread, since a replaced site of 70,000 files
 * takes longer to delete than a regeneration takes to make. The next writer with the same record waits for that
 * deletion before it starts.
 */
public final class SiteWriter implements AutoCloseable {

    private final Path out;
    private final Path work;
    private final Removals removals;

    private SiteWriter(Path out, Path work, Removals removals) {
        this.out = out;
        this.work = work;
        this.removals = removals;
    }

    /**
     * The background deletions of the folders that the sites of one output folder replaced (one record per
     * {@code serve} session): at most one runs at a time, and the next writer waits for it.
     */
    public static final class Removals {
        private CompletableFuture<Void> pending;
        private long made;

        /** A record with no deletion running. */
        public Removals() {
        }

        /** Waits until the running deletion, if any, is done (its failure is left to the next open). */
        synchronized void await() {
            if (pending != null) {
                try {
                    pending.join();
                } catch (java.util.concurrent.CompletionException e) {
                    // the folder was renamed aside: open deletes what is left of it, and reports what stays
                }
                pending = null;
            }
        }

        /** Renames {@code work} aside and deletes it on a new daemon thread. */
        synchronized void start(Path out, Path work) throws IOException {
            await();
            Path aside = work.resolveSibling(trashPrefix(out) + ProcessHandle.current().pid() + "-" + ++made);
            move(work, aside);
            pending = CompletableFuture.runAsync(() -> {
                try {
                    deleteTree(aside);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, task -> {
                Thread t = new Thread(task, "guidegraph-site-removal");
                t.setDaemon(true); // a process that stops leaves the folder to the next open
                t.start();
            });
        }
    }

    /** Opens a work folder beside {@code out} (e.g. {@code .site.building} for {@code site}). */
    public static SiteWriter open(Path out) throws IOException {
        return open(out, null);
    }

    /**
     * Opens a work folder beside {@code out}; with {@code removals} (may be null), {@link #close} leaves the
     * deletion of the work folder to a background thread (for {@code serve}'s regenerations, in a process that
     * outlives it), after waiting for the one it started last.
     */
    public static SiteWriter open(Path out, Removals removals) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        if (removals != null) {
            removals.await();
        }
        Path work = parent.resolve("." + abs.getFileName() + ".building");
        deleteTree(work);
        // work folders renamed aside by a process that stopped before it deleted them
        String trash = trashPrefix(abs);
        try (DirectoryStream<Path> list = Files.newDirectoryStream(parent, p -> p.getFileName().toString()
                .startsWith(trash))) {
            for (Path p : list) {
                deleteTree(p);
            }
        }
        Files.createDirectories(work.resolve("site"));
        return new SiteWriter(abs, work, removals);
    }

    private static String trashPrefix(Path out) {
        return "." + out.getFileName() + ".replaced-";
    }

    /** Where the new site is assembled. */
    public Path staging() {
        return work.resolve("site");
    }

    /** A scratch folder for tools that need one (deleted with the work folder). */
    public Path scratch(String name) throws IOException {
        Path p = work.resolve(name);
        Files.createDirectories(p);
        return p;
    }

    /** Replaces the previous site with the staged one. */
    public void publish() throws IOException {
        Path old = work.resolve("previous");
        if (Files.exists(out)) {
            move(out, old);
        }
        try {
            move(staging(), out);
        } catch (IOException e) {
            if (Files.exists(old) && !Files.exists(out)) {
                move(old, out);
            }
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Deletes the work folder (and with it a site that was not published, or the one that was replaced); in the
     * background if this writer was opened so.
     */
    @Override
    public void close() {
        try {
            if (removals != null && Files.exists(work, LinkOption.NOFOLLOW_LINKS)) {
                removals.start(out, work);
                return;
            }
            deleteTree(work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + work + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes a folder and everything in it, if it exists. The folders in it are deleted in parallel, one thread
     * per core: a previous site of 70,000 files takes a second to delete on one.
     */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> children = new ArrayList<>();
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
                list.forEach(children::add);
            }
        }
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), children.size());
        if (threads > 1) {
            ExecutorService pool = Workers.pool("delete", threads);
            try {
                List<CompletableFuture<Void>> deletions = new ArrayList<>();
                for (Path child : children) {
                    deletions.add(CompletableFuture.runAsync(() -> {
                        try {
                            deleteSerially(child);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, pool));
                }
                for (CompletableFuture<Void> d : deletions) {
                    Tasks.join(d);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        deleteSerially(dir);
    }

    /**
     * Deletes a folder tree on this thread. Another deleter may be at work on the same tree (a folder renamed aside
     * is deleted in the background, and an open of another writer deletes what such folders left): what is gone
     * already counts as deleted.
     */
    private static void deleteSerially(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof java.nio.file.NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null && !(exc instanceof java.nio.file.NoSuchFileException)) {
                    throw exc;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
