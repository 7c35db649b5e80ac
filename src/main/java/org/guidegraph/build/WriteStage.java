package org.guidegraph.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import org.guidegraph.graph.GuideGraph;
import org.guidegraph.internal.Workers;
import org.guidegraph.output.GraphFiles;
import org.guidegraph.output.Tasks;
import org.guidegraph.output.WriteReuse;
import org.guidegraph.query.NamedQueries;
import org.guidegraph.query.NamedQuery;
import org.guidegraph.render.PagePlan;
import org.guidegraph.source.GuideSources;
import org.guidegraph.source.SourceFile;
import org.guidegraph.source.SourceKind;

/**
 * The files of a site besides its rendered pages: assets, the named queries, the graph exports, one description per
 * entity and the sitemap, written into the staged site before it is published.
 */
public final class WriteStage {

    /** What the staged site holds once written. */
    public record Written(long files, long bytes) {
    }

    private WriteStage() {
    }

    /** Writes everything but the pages into {@code out} (the staged site) and counts what it then holds. */
    public static Written write(GuideSources sources, NamedQueries queries, GuideGraph graph, PagePlan plan,
            String baseUrl, String endpointPath, Path out) throws IOException {
        return write(sources, queries, graph, plan, baseUrl, endpointPath, out, null, null);
    }

    /**
     * As {@link #write(GuideSources, NamedQueries, GuideGraph, PagePlan, String, String, Path)}; with
     * {@code reuse} (may be null), the files made from the graph that cannot have changed since the build that
     * left {@code previousSite} are carried over from it rather than written again.
     */
    public static Written write(GuideSources sources, NamedQueries queries, GuideGraph graph, PagePlan plan,
            String baseUrl, String endpointPath, Path out, WriteReuse reuse, Path previousSite) throws IOException {
        // The graph exports and the entity descriptions only read the graph: they share the cores, and every
        // file's bytes are the same whichever thread writes it. The site is counted once everything is in it.
        ExecutorService pool = Workers.pool("write", Workers.cores());
        try {
            GraphFiles graphFiles = GraphFiles.start(graph, out, reuse, previousSite, pool);
            copyAssets(sources, out);
            publishQueries(queries, out);
            Sitemap.write(plan, baseUrl, out);
            graphFiles.finish(baseUrl, endpointPath, out, pool);
            return count(out, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String assetFile(SourceFile f) {
        return f.path().substring("templates/".length());
    }

    private static String queryFile(NamedQuery q) {
        return "queries/" + q.name() + ".rq";
    }

    private static void copyAssets(GuideSources sources, Path out) throws IOException {
        for (SourceFile f : sources.ofKind(SourceKind.ASSET)) {
            Path target = out.resolve(assetFile(f));
            Files.createDirectories(target.getParent());
            Files.write(target, f.bytes());
        }
    }

    private static void publishQueries(NamedQueries queries, Path out) throws IOException {
        Files.createDirectories(out.resolve("queries"));
        for (NamedQuery q : queries.all().values()) {
            Files.writeString(out.resolve(queryFile(q)), q.text(), StandardCharsets.UTF_8);
        }
    }

    /** The regular files under {@code dir} and their bytes, its folders walked in parallel. */
    private static Written count(Path dir, ExecutorService pool) throws IOException {
        List<CompletableFuture<Written>> parts = new ArrayList<>();
        long files = 0;
        long bytes = 0;
        try (DirectoryStream<Path> top = Files.newDirectoryStream(dir)) {
            for (Path p : top) {
                BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attrs.isDirectory()) {
                    parts.add(CompletableFuture.supplyAsync(() -> walk(p), pool));
                } else if (attrs.isRegularFile()) {
                    files++;
                    bytes += attrs.size();
                }
            }
        }
        for (CompletableFuture<Written> part : parts) {
            Written w = Tasks.join(part);
            files += w.files();
            bytes += w.bytes();
        }
        return new Written(files, bytes);
    }

    private static Written walk(Path dir) {
        long[] count = new long[2];
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        count[0]++;
                        count[1] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return new Written(count[0], count[1]);
    }
}
