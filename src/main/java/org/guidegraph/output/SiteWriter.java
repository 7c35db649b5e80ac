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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>A writer opened with a {@link Published} record that knows the files of the site in place (a regeneration
 * after the first build of a {@code serve} session) works <em>in place</em> instead: the work folder receives only
 * the files the build writes, the files it keeps from the site in place are only noted ({@link #keep}), and
 * {@link #publish} renames each written file over the one in place (an atomic replacement, file by file) and then
 * deletes the files the new site no longer has. A page of a large site changes without linking, then deleting,
 * tens of thousands of files that stay the same; a failed build still leaves the site in place untouched, since
 * nothing is moved before it has succeeded. Readers may see, for the moment the renames take, new files beside old
 * ones: pages are renamed last, so a page never refers to a file that is not there yet.
 */
public final class SiteWriter implements AutoCloseable {

    private final Path out;
    private final Path work;
    private final Removals removals;
    private final Published published;
    /** The files in place as last published, when this writer works in place; else null. */
    private final Manifest inPlace;
    /** This writer's number among those of its {@link Published} record: the files it kept are marked with it. */
    private final long number;
    /**
     * How many files of each top folder (by {@link Folder#number}) were kept, to tell which folders lost files
     * without looking at each.
     */
    private final java.util.concurrent.atomic.LongAdder[] keptByFolder;
    /** The pages among the files kept ({@link #keptPages}). */
    private final Set<String> keptPages = ConcurrentHashMap.newKeySet();

    private SiteWriter(Path out, Path work, Removals removals, Published published) {
        this.out = out;
        this.work = work;
        this.removals = removals;
        this.published = published;
        Manifest files = published == null ? null : published.files;
        this.inPlace = files != null && out.equals(published.out) && Files.isDirectory(out) ? files : null;
        this.number = inPlace == null ? 0 : published.writers.incrementAndGet();
        this.keptByFolder = new java.util.concurrent.atomic.LongAdder[inPlace == null ? 0 : inPlace.numbered.size()];
        for (int i = 0; i < keptByFolder.length; i++) {
            keptByFolder[i] = new java.util.concurrent.atomic.LongAdder();
        }
    }

    /**
     * The files (site-relative path with {@code /}, and size) of the site an output folder holds, as the last
     * writer opened with this record published it; one record per {@code serve} session. Unknown (null) until a
     * writer has published, and again after a publish that failed half-way.
     */
    public static final class Published {
        private volatile Path out;
        private volatile Manifest files;
        /** How many writers have worked in place with this record, to number the next. */
        private final java.util.concurrent.atomic.AtomicLong writers = new java.util.concurrent.atomic.AtomicLong();

        /** A record of no site yet. */
        public Published() {
        }

        /** The number of files of the site published last, or -1 if unknown. */
        public long size() {
            Manifest f = files;
            return f == null ? -1 : f.size();
        }
    }

    /**
     * The files of a site, by site-relative path, with their sizes and top folders ({@code ""} for the files at
     * the top). A manifest is changed only by the publish of a writer working in place, once every file is in place
     * (the record knows no manifest meanwhile). No other writer can publish from it then: writers of one site share
     * one work folder, which opening a writer clears, and builds are serialised.
     */
    private static final class Manifest {
        private final Map<String, Entry> files;
        private final Map<String, Folder> folders = new HashMap<>();
        /** The folders by {@link Folder#number}. */
        private final List<Folder> numbered = new ArrayList<>();
        private long bytes;

        private Manifest(int capacity) {
            files = new HashMap<>(Math.max(16, (int) (capacity / 0.75f) + 1));
        }

        static Manifest of(Map<String, Long> flat) {
            Manifest m = new Manifest(flat.size());
            flat.forEach(m::put);
            return m;
        }

        /** The file at {@code rel}, or null if the site has none. */
        Entry get(String rel) {
            return files.get(rel);
        }

        long size() {
            return files.size();
        }

        /** Notes the file at {@code rel}, of {@code size} bytes, as new or replacing the one there. */
        void put(String rel, long size) {
            Entry was = files.get(rel);
            Folder folder;
            if (was != null) {
                bytes -= was.size;
                folder = was.folder;
            } else {
                folder = folders.computeIfAbsent(folderOf(rel), name -> {
                    Folder f = new Folder(numbered.size());
                    numbered.add(f);
                    return f;
                });
            }
            Entry now = new Entry(size, folder);
            files.put(rel, now);
            folder.files.put(rel, now);
            bytes += size;
        }

        /** Forgets the file at {@code rel}. */
        void remove(String rel) {
            Entry was = files.remove(rel);
            if (was != null) {
                bytes -= was.size;
                was.folder.files.remove(rel);
            }
        }
    }

    /** A top folder of a site: its number in its manifest, and its files by path. */
    private static final class Folder {
        final int number;
        final Map<String, Entry> files = new HashMap<>();

        Folder(int number) {
            this.number = number;
        }
    }

    /**
     * A file of a site: its size and top folder, and the number of the last writer that kept it, so that a writer
     * notes a kept file without a set of its own of tens of thousands of paths.
     */
    private static final class Entry {
        private static final java.util.concurrent.atomic.AtomicLongFieldUpdater<Entry> KEPT_BY =
                java.util.concurrent.atomic.AtomicLongFieldUpdater.newUpdater(Entry.class, "keptBy");
        final long size;
        final Folder folder;
        private volatile long keptBy;

        Entry(long size, Folder folder) {
            this.size = size;
            this.folder = folder;
        }

        /** Marks the file kept by writer {@code writer}; true if it was not marked so yet. */
        boolean keep(long writer) {
            return keptBy != writer && KEPT_BY.getAndSet(this, writer) != writer;
        }

        boolean keptBy(long writer) {
            return keptBy == writer;
        }
    }

    private static String folderOf(String rel) {
        int slash = rel.indexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }

    /** How many files, and bytes, a published site holds. */
    public record Tally(long files, long bytes) {
    }

    /**
     * Puts files of the previous site into the new one, by their path relative to a folder of both sites (the
     * site itself, or a folder of it: {@link #under}). Implementations are thread-safe.
     */
    public interface Keep {
        /**
         * Keeps the file at {@code rel} ({@code /}-separated, relative to this keeper's folder) of the previous site
         * as the same file of the new one; false if the previous site has no such file to keep.
         */
        boolean keep(String rel) throws IOException;

        /** True if the folder of a kept file must exist in the staged site first (a link or copy is made there). */
        default boolean needsFolders() {
            return true;
        }

        /** This keeper for the files of {@code folder} (relative to this keeper's folder). */
        Keep under(String folder);

        /**
         * Keeps the file at {@code rel} if the previous site has it with exactly {@code bytes}, as a build that
         * writes a file anew each time (an asset, a published query) may ask first; false if it does not, or if
         * this keeper cannot tell cheaply (then the caller writes the file).
         */
        default boolean keepIfSame(String rel, byte[] bytes) throws IOException {
            return false;
        }
    }

    /**
     * Keeps files of {@code from} in {@code into} by linking them (no site file is written in place, so two sites
     * may share one), or by copying them where links are not possible.
     */
    public static Keep links(Path into, Path from) {
        return new Links(into, from);
    }

    private record Links(Path into, Path from) implements Keep {
        @Override
        public boolean keep(String rel) throws IOException {
            Path target = into.resolve(rel);
            Path source = from.resolve(rel);
            try {
                try {
                    Files.createLink(target, source);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    Files.delete(target);
                    Files.createLink(target, source);
                }
                return true;
            } catch (java.nio.file.NoSuchFileException e) {
                return false;
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                if (!Files.isRegularFile(source)) {
                    return false;
                }
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                return true;
            }
        }

        @Override
        public Keep under(String folder) {
            return new Links(into.resolve(folder), from.resolve(folder));
        }
    }

    /** Notes files as kept: working in place, they are where they belong already. */
    private final class InPlace implements Keep {
        private final String prefix;

        InPlace(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public boolean keep(String rel) {
            String path = prefix.isEmpty() ? rel : prefix + rel;
            Entry file = inPlace.get(path);
            if (file == null) {
                return false;
            }
            if (file.keep(number)) {
                keptByFolder[file.folder.number].increment();
                if (path.endsWith(".html")) {
                    keptPages.add(path);
                }
            }
            return true;
        }

        @Override
        public boolean needsFolders() {
            return false;
        }

        @Override
        public Keep under(String folder) {
            return new InPlace(prefix + folder + "/");
        }

        @Override
        public boolean keepIfSame(String rel, byte[] bytes) throws IOException {
            String file = prefix.isEmpty() ? rel : prefix + rel;
            Entry in = inPlace.get(file);
            if (in == null || in.size != bytes.length
                    || !java.util.Arrays.equals(Files.readAllBytes(out.resolve(file)), bytes)) {
                return false;
            }
            return keep(rel);
        }
    }

    /**
     * The pages ({@code .html} files, site-relative) kept in place so far: none unless this writer works in place.
     * Noted as they are kept, for the search index, which reads every page: found by walking all the files kept,
     * they would cost a look at each of tens of thousands.
     */
    public Set<String> keptPages() {
        return java.util.Collections.unmodifiableSet(keptPages);
    }

    /** The files (site-relative) kept in place so far: none unless this writer works in place. */
    public Set<String> kept() {
        if (inPlace == null) {
            return Set.of();
        }
        return new java.util.AbstractSet<>() {
            @Override
            public boolean contains(Object o) {
                Entry file = o instanceof String rel ? inPlace.get(rel) : null;
                return file != null && file.keptBy(number);
            }

            @Override
            public java.util.Iterator<String> iterator() {
                return inPlace.files.entrySet().stream().filter(e -> e.getValue().keptBy(number))
                        .map(Map.Entry::getKey).iterator();
            }

            @Override
            public int size() {
                long n = 0;
                for (java.util.concurrent.atomic.LongAdder k : keptByFolder) {
                    n += k.sum();
                }
                return (int) n;
            }
        };
    }

    /** The site in place, which the published site replaces or, working in place, is updated to become. */
    public Path out() {
        return out;
    }

    /** True if this writer works in place: {@link #staging()} receives only the files the build writes. */
    public boolean inPlace() {
        return inPlace != null;
    }

    /**
     * How this build keeps files of the site in place: links them into the staged site, or, working in place,
     * notes them (they are already where they belong).
     */
    public Keep keeper() {
        return inPlace == null ? links(staging(), out) : new InPlace("");
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace(java.io.File.separatorChar, '/');
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
        return open(out, removals, null);
    }

    /**
     * As {@link #open(Path, Removals)}; with {@code published} (may be null), the writer works in place when the
     * record knows the files of the site in {@code out}, and {@link #publish} leaves the files of the new site in
     * the record.
     */
    public static SiteWriter open(Path out, Removals removals, Published published) throws IOException {
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
        return new SiteWriter(abs, work, removals, published);
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

    /**
     * Replaces the previous site with the staged one (working in place: puts the written files in place and
     * deletes those the new site lacks) and counts the files of the new site.
     */
    public Tally publish() throws IOException {
        Map<String, Long> staged = files(staging());
        if (inPlace != null) {
            return publishInPlace(staged);
        }
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
        Manifest manifest = Manifest.of(staged);
        if (published != null) {
            published.out = out;
            published.files = manifest;
        }
        return new Tally(manifest.size(), manifest.bytes);
    }

    private Tally publishInPlace(Map<String, Long> staged) throws IOException {
        // The files in place that are neither kept nor written again are gone. Counting, folder by folder, tells
        // which folders lost some without looking at each of tens of thousands of files: usually only the search
        // index's, whose files are named by their contents.
        long[] rewritten = new long[keptByFolder.length];
        for (String rel : staged.keySet()) {
            Entry file = inPlace.get(rel);
            if (file != null && !file.keptBy(number)) {
                rewritten[file.folder.number]++;
            }
        }
        List<String> gone = new ArrayList<>();
        for (Folder folder : inPlace.numbered) {
            if (keptByFolder[folder.number].sum() + rewritten[folder.number] != folder.files.size()) {
                folder.files.forEach((rel, file) -> {
                    if (!file.keptBy(number) && !staged.containsKey(rel)) {
                        gone.add(rel);
                    }
                });
            }
        }
        published.files = null; // unknown until every file is in place
        List<String> order = new ArrayList<>(staged.keySet());
        // pages last: a page never refers to a file that is not in place yet
        order.sort(java.util.Comparator.comparing((String rel) -> rel.endsWith(".html")).thenComparing(rel -> rel));
        Set<Path> made = new HashSet<>();
        Path staging = staging();
        for (String rel : order) {
            Path target = out.resolve(rel);
            if (made.add(target.getParent())) {
                Files.createDirectories(target.getParent());
            }
            try {
                Files.move(staging.resolve(rel), target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging.resolve(rel), target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Set<Path> emptied = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        for (String rel : gone) {
            Path file = out.resolve(rel);
            Files.deleteIfExists(file);
            emptied.add(file.getParent());
        }
        for (Path dir : emptied) {
            // deepest first; a folder that still holds files stays
            for (Path d = dir; d != null && d.startsWith(out) && !d.equals(out); d = d.getParent()) {
                try {
                    Files.deleteIfExists(d);
                } catch (java.nio.file.DirectoryNotEmptyException e) {
                    break;
                }
            }
        }
        for (String rel : gone) {
            inPlace.remove(rel);
        }
        staged.forEach(inPlace::put);
        published.files = inPlace;
        return new Tally(inPlace.size(), inPlace.bytes);
    }

    /** The regular files under {@code dir} (relative paths with {@code /}) and their sizes, folders in parallel. */
    private static Map<String, Long> files(Path dir) throws IOException {
        Map<String, Long> out = new ConcurrentHashMap<>();
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> top = Files.newDirectoryStream(dir)) {
            for (Path p : top) {
                BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attrs.isDirectory()) {
                    folders.add(p);
                } else if (attrs.isRegularFile()) {
                    out.put(p.getFileName().toString(), attrs.size());
                }
            }
        }
        if (folders.isEmpty()) {
            return out;
        }
        ExecutorService pool = Workers.pool("count", Math.min(folders.size(), Workers.cores()));
        try {
            List<CompletableFuture<Void>> walks = new ArrayList<>();
            for (Path folder : folders) {
                walks.add(CompletableFuture.runAsync(() -> {
                    try {
                        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                                if (attrs.isRegularFile()) {
                                    out.put(relative(dir, file), attrs.size());
                                }
                                return FileVisitResult.CONTINUE;
                            }
                        });
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
                    }
                }, pool));
            }
            for (CompletableFuture<Void> w : walks) {
                Tasks.join(w);
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
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
