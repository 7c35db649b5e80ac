package org.guidegraph.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

import org.guidegraph.graph.GuideGraph;
import org.guidegraph.internal.Workers;
import org.guidegraph.output.GraphFiles;
import org.guidegraph.output.SiteWriter;
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

    private WriteStage() {
    }

    /** Writes everything but the pages into {@code out} (the staged site). */
    public static void write(GuideSources sources, NamedQueries queries, GuideGraph graph, PagePlan plan,
            String baseUrl, String endpointPath, Path out) throws IOException {
        write(sources, queries, graph, plan, baseUrl, endpointPath, out, null, null, null);
    }

    /**
     * As {@link #write(GuideSources, NamedQueries, GuideGraph, PagePlan, String, String, Path)}; with
     * {@code reuse} (may be null), the files made from the graph that cannot have changed since the build that
     * left {@code previousSite} are kept from it by {@code keep} rather than written again.
     */
    public static void write(GuideSources sources, NamedQueries queries, GuideGraph graph, PagePlan plan,
            String baseUrl, String endpointPath, Path out, WriteReuse reuse, Path previousSite, SiteWriter.Keep keep)
            throws IOException {
        // The graph exports and the entity descriptions only read the graph: they share the cores, and every
        // file's bytes are the same whichever thread writes it.
        ExecutorService pool = Workers.pool("write", Workers.cores());
        try {
            GraphFiles graphFiles = GraphFiles.start(graph, out, reuse, previousSite, keep, pool);
            copyAssets(sources, out, keep);
            publishQueries(queries, out, keep);
            Sitemap.write(plan, baseUrl, out, keep);
            graphFiles.finish(baseUrl, endpointPath, out, pool);
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

    private static void copyAssets(GuideSources sources, Path out, SiteWriter.Keep keep) throws IOException {
        for (SourceFile f : sources.ofKind(SourceKind.ASSET)) {
            writeUnlessKept(out, assetFile(f), f.bytes(), keep);
        }
    }

    private static void publishQueries(NamedQueries queries, Path out, SiteWriter.Keep keep) throws IOException {
        for (NamedQuery q : queries.all().values()) {
            writeUnlessKept(out, queryFile(q), q.text().getBytes(StandardCharsets.UTF_8), keep);
        }
    }

    /**
     * Writes a file of the site, unless {@code keep} (may be null) keeps the previous site's, which has the same
     * bytes: a regeneration written in place then leaves it alone.
     */
    static void writeUnlessKept(Path out, String rel, byte[] bytes, SiteWriter.Keep keep) throws IOException {
        if (keep != null && keep.keepIfSame(rel, bytes)) {
            return;
        }
        Path target = out.resolve(rel);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
    }
}
