package org.guidegraph.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
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
        // file's bytes are the same whichever thread writes it. Meanwhile the files already staged (pages, search
        // index) are counted, leaving out those this stage writes.
        ExecutorService pool = Workers.pool("write", Workers.cores());
        try {
            GraphFiles graphFiles = GraphFiles.start(graph, out, reuse, previousSite, pool);
            Set<String> ours = new LinkedHashSet<>(graphFiles.files());
            ours.add(Sitemap.FILE);
            queries.all().values().forEach(q -> ours.add(queryFile(q)));
            sources.ofKind(SourceKind.ASSET).forEach(f -> ours.add(assetFile(f)));
            Set<Path> skip = new HashSet<>();
            ours.forEach(f -> skip.add(out.resolve(f)));
            CompletableFuture<Written> staged = CompletableFuture.supplyAsync(() -> count(out, skip), pool);
            copyAssets(sources, out);
            publishQueries(queries, out);
            Sitemap.write(plan, baseUrl, out);
            graphFiles.finish(baseUrl, endpointPath, out, pool);
            Written before = Tasks.join(staged);
            long bytes = before.bytes();
            for (String f : ours) {
                bytes += Files.size(out.resolve(f));
            }
            return new Written(before.files() + ours.size(), bytes);
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

    /** The regular files under {@code dir} and their bytes, except those in {@code skip}. */
    private static Written count(Path dir, Set<Path> skip) {
        long[] count = new long[2];
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !skip.contains(file)) {
                        count[0]++;
                        count[1] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, java.io.IOException e) {
                    // A file this stage is creating while the walk passes: it is counted as one of ours.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return new Written(count[0], count[1]);
    }
}
