package org.guidegraph.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import org.guidegraph.build.BuildOptions;
import org.guidegraph.build.BuildResult;
import org.guidegraph.build.Regeneration;
import org.guidegraph.build.SiteBuild;
import org.guidegraph.diagnostic.Diagnostic;

/**
 * {@code guidegraph serve} as a whole: build, serve, and (when watching) rebuild on every batch of source changes.
 * A build that fails leaves the last good site and dataset serving: its diagnostics go to the console and, as an
 * overlay, to every open page; the next good build replaces them. Builds run one at a time on the watcher's thread,
 * and re-render only the pages whose inputs changed ({@link Regeneration}).
 */
public final class LiveSite implements AutoCloseable {

    private final BuildOptions build;
    private final PrintWriter log;
    private final GuideServer server;
    private final Regeneration regeneration;
    /**
     * How long the site must stay the same before its server-side search index is made ahead of the first search:
     * while an author saves every few seconds, making the index of a large guide after each save would take a
     * core from the next regeneration, for indexes no one searches. A search that comes first makes it at once.
     */
    static final long SEARCH_PREPARATION_DELAY_MS = 2_000;
    private final java.util.concurrent.ScheduledExecutorService searchPreparer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                Thread t = new Thread(task, "guidegraph-search-index");
                t.setDaemon(true);
                return t;
            });
    private java.util.concurrent.ScheduledFuture<?> pendingPreparation;
    private SourceWatcher watcher;
    private long generations;

    private LiveSite(BuildOptions build, PrintWriter log, GuideServer server, Regeneration regeneration,
            long generations) {
        this.build = build;
        this.regeneration = regeneration;
        this.log = log;
        this.server = server;
        this.generations = generations;
    }

    /**
     * Builds the guide and starts serving it. If the build fails but an earlier site is in the output folder, that
     * site is served with the problems shown over it; with no site at all there is nothing to serve.
     *
     * @param quietMillis the quiet period that ends a batch of changes; negative: do not watch
     * @throws BuildFailedException if the build failed and there is no earlier site
     */
    public static LiveSite start(BuildOptions build, ServeOptions options, long quietMillis, PrintWriter log)
            throws IOException, BuildFailedException {
        Regeneration regeneration = new Regeneration();
        BuildResult r = new SiteBuild(build, log, regeneration).run();
        List<String> problems = report(r, log);
        boolean earlier = Files.isRegularFile(build.outDir().resolve("index.html"));
        if (!r.ok() && !earlier) {
            throw new BuildFailedException(problems);
        }
        GuideServer server = GuideServer.start(Generation.of(1, build.outDir(), r),
                options);
        LiveSite site = new LiveSite(build, log, server, regeneration, 1);
        site.prepareSearch(server.current(), 0);
        if (!r.ok()) {
            log.println("build failed; serving the previous site from " + build.outDir());
            server.failed(problems);
        }
        if (quietMillis >= 0) {
            site.watcher = SourceWatcher.start(build.guideDir(), quietMillis, site::regenerate);
        }
        return site;
    }

    /** Thrown when the first build fails and there is no site to fall back on. */
    public static final class BuildFailedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<String> problems;

        BuildFailedException(List<String> problems) {
            super("the guide does not build and there is no earlier site to serve");
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Rebuilds after a batch of changes (guide-relative paths) and serves the result if the build succeeds. */
    synchronized void regenerate(Set<String> changed) {
        log.println("changed: " + String.join(", ", changed));
        log.flush();
        try {
            BuildResult r = new SiteBuild(build, log, regeneration).run();
            List<String> problems = report(r, log);
            if (!r.ok()) {
                log.println("build failed; still serving generation " + server.current().number()
                        + " (fix the problems above and save)");
                server.failed(problems);
            } else {
                long start = System.nanoTime();
                Generation next = Generation.of(++generations, build.outDir(), r);
                long loaded = (System.nanoTime() - start) / 1_000_000;
                server.serve(next);
                prepareSearch(next, SEARCH_PREPARATION_DELAY_MS);
                log.println("regenerated in " + r.millis() + " ms: re-rendered " + regeneration.lastRendered()
                        + " of " + regeneration.lastTotal() + " pages, serving generation " + generations
                        + " (its graph and search index loaded in " + loaded + " ms)");
            }
        } catch (IOException | RuntimeException e) {
            String problem = "build: error: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            log.println(problem);
            server.failed(List.of(problem));
        }
        log.flush();
    }

    /**
     * Makes the generation's server-side search index in the background, ahead of the first search, once
     * {@code delayMillis} have passed without a newer generation (which cancels it).
     */
    private synchronized void prepareSearch(Generation g, long delayMillis) {
        if (pendingPreparation != null) {
            pendingPreparation.cancel(false);
        }
        pendingPreparation = searchPreparer.schedule(() -> {
            try {
                g.search().prepare();
            } catch (RuntimeException e) {
                // the generation was replaced and closed meanwhile: its first search never comes
            }
        }, delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static List<String> report(BuildResult r, PrintWriter log) {
        List<String> errors = r.diagnostics().sorted().stream().map(Diagnostic::format).toList();
        errors.forEach(log::println);
        log.flush();
        return r.ok() ? List.of() : errors;
    }

    public GuideServer server() {
        return server;
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
        searchPreparer.shutdownNow();
        server.close();
    }
}
