package org.guidegraph.render.jbake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.render.PagePlan;
import org.guidegraph.render.PageSpec;
import org.guidegraph.render.ProsePage;
import org.guidegraph.render.ProsePages;
import org.guidegraph.render.SiteContext;
import org.guidegraph.source.GuideSources;
import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.parser.Engines;

/**
 * Runs JBake over a guide's pages. JBake creates its renderers and markup engines itself (SPI, no-argument
 * constructors) and keeps them in static registries, so the one bake in progress is published here for them, in one
 * static field, and cleared when the bake ends. Bakes are serialised.
 *
 * <p>A bake starts before the guide is even loaded ({@link #start}): JBake opens its content store and crawls the
 * prose pages on a thread of its own while the graph is loaded, checked and queried, then waits for the site
 * ({@link Bake#render}) to render the pages, or is called off ({@link Bake#close}) if the build stops first.
 */
public final class GuideBake {

    static {
        // Freemarker picks a logging library by probing the class path; a stray log4j 1.x (a test dependency of
        // the HTML checker) would win. Its errors are reported as diagnostics, so route it to the one backend.
        if (System.getProperty("org.freemarker.loggerLibrary") == null) {
            System.setProperty("org.freemarker.loggerLibrary", "SLF4J");
        }
        // JBake's content store is an in-memory OrientDB database that lives for one bake. OrientDB hashes the
        // passwords of its default users with 65,536 rounds of PBKDF2 when it creates a database and again when
        // JBake logs in: a third of a second of CPU per build, protecting nothing here.
        if (System.getProperty("security.userPasswordDefaultAlgorithm") == null) {
            System.setProperty("security.userPasswordDefaultAlgorithm", "SHA-256");
        }
    }

    /** The session of the bake in progress; it completes (with null if the bake is called off) once the site is known. */
    private static volatile CompletableFuture<BakeSession> current;
    private static final Object LOCK = new Object();
    private static final String PROSE_TYPE = typeName(PagePlan.PROSE_TEMPLATE);

    private GuideBake() {
    }

    /** The session of the bake in progress, waiting until the site is known; null outside a bake or once called off. */
    static BakeSession session() {
        CompletableFuture<BakeSession> f = current;
        return f == null ? null : f.join();
    }

    /** The outcome: pages written and the page models (which record what each page read). */
    public record Result(int rendered, Map<String, org.guidegraph.render.PageModel> models) {
    }

    /**
     * Starts JBake for a guide's sources, using {@code work} for JBake's project folder. Render with
     * {@link Bake#render}; close the bake in every case.
     */
    public static Bake start(GuideSources sources, Path work) {
        return new Bake(sources, work);
    }

    /** A bake under way on its own thread. */
    public static final class Bake implements AutoCloseable {

        private final CompletableFuture<BakeSession> session = new CompletableFuture<>();
        private final Thread thread;
        private final List<Throwable> errors = new ArrayList<>();
        private volatile Throwable failure;

        private Bake(GuideSources sources, Path work) {
            thread = new Thread(() -> run(sources, work), "guidegraph-jbake");
            thread.setDaemon(true);
            thread.start();
        }

        private void run(GuideSources sources, Path work) {
            synchronized (LOCK) {
                current = session;
                try {
                    Path stage = work.resolve("jbake");
                    writeStage(ProsePages.read(sources, new Diagnostics()), stage);
                    JBakeConfiguration config = new JBakeConfigurationFactory()
                            .createDefaultJbakeConfiguration(stage.toFile(), stage.resolve("out").toFile(), true);
                    Engines.register("md", new CommonmarkEngine());
                    Oven oven = new Oven(config);
                    oven.bake();
                    errors.addAll(oven.getErrors());
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    current = null;
                }
            }
        }

        /**
         * Renders the site's pages into {@code destination}, telling {@code onPage} each page written (its path and
         * text). Problems go to the site context's diagnostics.
         */
        public Result render(SiteContext site, Path destination, BiConsumer<String, String> onPage) throws IOException {
            Files.createDirectories(destination);
            BakeSession s = new BakeSession(site, null, onPage, destination, new FreemarkerPages.Templates());
            session.complete(s);
            join();
            if (failure != null) {
                throw new IOException("JBake failed: " + failure, failure);
            }
            for (Throwable t : errors) {
                site.diagnostics().add(Diagnostic.error(SourcePosition.ofFile("templates"),
                        "JBake: " + String.valueOf(t.getMessage()).strip(), "see the template named above"));
            }
            return new Result(s.rendered(), Map.copyOf(s.models()));
        }

        /** Calls the bake off if it has not rendered, and waits for JBake to stop. */
        @Override
        public void close() {
            session.complete(null);
            join();
        }

        private void join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Renders only the pages whose paths are in {@code only}, without JBake: a rebuild keeps the other pages of the
     * previous site. Prose pages take their title and body from the guide's markdown as JBake's crawl would, so
     * the bytes are those of a full bake. Tells {@code onPage} each page written; {@code templates} holds the
     * templates parsed by the previous rebuild.
     */
    public static Result renderOnly(SiteContext site, Path destination, Set<String> only,
            BiConsumer<String, String> onPage, FreemarkerPages.Templates templates) throws IOException {
        Files.createDirectories(destination);
        BakeSession session = new BakeSession(site, only, onPage, destination, templates);
        List<FreemarkerPages.Job> jobs = new ArrayList<>();
        for (PageSpec p : site.pages()) {
            if (!only.contains(p.path())) {
                continue;
            }
            Map<String, Object> content = FreemarkerPages.content(p);
            if (PagePlan.PROSE_TEMPLATE.equals(p.template())) {
                ProsePage prose = site.prose().get(p.path());
                content.put("title", oneLine(prose.title()));
                content.put("body", session.model(p.path()).getProse());
                content.put("type", PROSE_TYPE);
            }
            jobs.add(new FreemarkerPages.Job(p, session.model(p.path()), content));
        }
        session.renderAll(jobs);
        return new Result(session.rendered(), Map.copyOf(session.models()));
    }

    private static String typeName(String template) {
        return "gg_" + template.replace(".ftl", "").replaceAll("[^A-Za-z0-9]", "_");
    }

    /**
     * JBake's project folder: its properties and the prose pages with JBake headers. Templates stay out: pages are
     * rendered from the guide's templates in memory ({@link FreemarkerPages}).
     */
    private static void writeStage(List<ProsePage> prose, Path stage) throws IOException {
        Files.createDirectories(stage.resolve("templates"));
        Files.createDirectories(stage.resolve("content"));
        Files.createDirectories(stage.resolve("assets"));
        for (ProsePage p : prose) {
            String header = "title=" + oneLine(p.title()) + "\ntype=" + PROSE_TYPE
                    + "\nstatus=published\nggpath=" + p.path() + "\n~~~~~~\n";
            Path target = stage.resolve("content").resolve(p.path().replaceAll("\\.html$", ".md"));
            Files.createDirectories(target.getParent());
            Files.writeString(target, header + p.body(), StandardCharsets.UTF_8);
        }
        Map<String, Object> props = new TreeMap<>();
        props.put("render.index", "false");
        props.put("render.feed", "false");
        props.put("render.archive", "false");
        props.put("render.tags", "false");
        props.put("render.sitemap", "false");
        props.put("render.error404", "false");
        props.put("db.store", "memory");
        props.put("default.status", "published");
        props.put("template.encoding", "UTF-8");
        props.put("render.encoding", "UTF-8");
        props.put("template." + PROSE_TYPE + ".file", PagePlan.PROSE_TEMPLATE);
        StringBuilder properties = new StringBuilder();
        props.forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));
        Files.writeString(stage.resolve("jbake.properties"), properties, StandardCharsets.UTF_8);
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
