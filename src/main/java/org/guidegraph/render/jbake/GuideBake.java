package org.guidegraph.render.jbake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.render.PagePlan;
import org.guidegraph.render.PageSpec;
import org.guidegraph.render.ProsePage;
import org.guidegraph.render.SiteContext;
import org.guidegraph.source.SourceFile;
import org.guidegraph.source.SourceKind;
import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.parser.Engines;

/**
 * Runs JBake over a guide's pages. JBake creates its renderers, model extractors and markup engines itself (SPI,
 * no-argument constructors) and keeps them in static registries, so the one bake in progress is published here for
 * them, in one static field, and cleared when the bake ends. Bakes are serialised.
 */
public final class GuideBake {

    static {
        // Freemarker picks a logging library by probing the class path; a stray log4j 1.x (a test dependency of
        // the HTML checker) would win. Its errors are reported as diagnostics, so route it to the one backend.
        if (System.getProperty("org.freemarker.loggerLibrary") == null) {
            System.setProperty("org.freemarker.loggerLibrary", "SLF4J");
        }
    }

    private static volatile BakeSession current;
    private static final Object LOCK = new Object();

    private GuideBake() {
    }

    static BakeSession session() {
        return current;
    }

    /** The outcome: pages written and the page models (which record what each page read). */
    public record Result(int rendered, Map<String, org.guidegraph.render.PageModel> models) {
    }

    /**
     * Bakes the site into {@code destination}, using {@code work} for JBake's project folder. Problems go to the
     * site context's diagnostics.
     */
    public static Result bake(SiteContext site, Path work, Path destination) throws IOException {
        return bake(site, work, destination, null);
    }

    /**
     * Bakes only the pages whose paths are in {@code only} (null: every page), for a rebuild that keeps the other
     * pages of the previous site.
     */
    public static Result bake(SiteContext site, Path work, Path destination, java.util.Set<String> only)
            throws IOException {
        return bake(site, work, destination, only, () -> { });
    }

    /**
     * As {@link #bake(SiteContext, Path, Path, java.util.Set)}, calling {@code onPage} after each page written. A
     * rebuild of some pages ({@code only} not null) renders them without a full bake: prose pages take their title
     * and body from the guide's markdown as JBake's crawl would, so the bytes are those of a full bake.
     */
    public static Result bake(SiteContext site, Path work, Path destination, java.util.Set<String> only,
            Runnable onPage) throws IOException {
        if (only != null) {
            return renderOnly(site, destination, only, onPage);
        }
        Map<String, String> typeByTemplate = new TreeMap<>();
        for (PageSpec p : site.pages()) {
            typeByTemplate.computeIfAbsent(p.template(), GuideBake::typeName);
        }
        Path stage = work.resolve("jbake");
        writeStage(site, stage, typeByTemplate);
        Files.createDirectories(destination);
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
        typeByTemplate.forEach((template, type) -> props.put("template." + type + ".file", template));
        StringBuilder properties = new StringBuilder();
        props.forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));
        Files.writeString(stage.resolve("jbake.properties"), properties, StandardCharsets.UTF_8);
        JBakeConfiguration config = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(stage.toFile(), destination.toFile(), true);
        synchronized (LOCK) {
            current = new BakeSession(site, typeByTemplate, only, onPage, destination);
            try {
                Engines.register("md", new CommonmarkEngine());
                Oven oven = new Oven(config);
                oven.bake();
                for (Throwable t : oven.getErrors()) {
                    site.diagnostics().add(Diagnostic.error(SourcePosition.ofFile("templates"),
                            "JBake: " + String.valueOf(t.getMessage()).strip(), "see the template named above"));
                }
                return new Result(current.rendered(), Map.copyOf(current.models()));
            } finally {
                current = null;
            }
        }
    }

    private static Result renderOnly(SiteContext site, Path destination, java.util.Set<String> only, Runnable onPage)
            throws IOException {
        Files.createDirectories(destination);
        Map<String, String> typeByTemplate = new TreeMap<>();
        for (PageSpec p : site.pages()) {
            typeByTemplate.computeIfAbsent(p.template(), GuideBake::typeName);
        }
        BakeSession session = new BakeSession(site, typeByTemplate, only, onPage, destination);
        List<FreemarkerPages.Job> jobs = new java.util.ArrayList<>();
        for (PageSpec p : site.pages()) {
            if (!only.contains(p.path())) {
                continue;
            }
            Map<String, Object> content = FreemarkerPages.content(p);
            if (PagePlan.PROSE_TEMPLATE.equals(p.template())) {
                ProsePage prose = site.prose().get(p.path());
                content.put("title", oneLine(prose.title()));
                content.put("body", session.model(p.path()).getProse());
                content.put("type", typeByTemplate.get(p.template()));
            }
            jobs.add(new FreemarkerPages.Job(p, session.model(p.path()), content));
        }
        session.renderAll(jobs);
        return new Result(session.rendered(), Map.copyOf(session.models()));
    }

    private static String typeName(String template) {
        return "gg_" + template.replace(".ftl", "").replaceAll("[^A-Za-z0-9]", "_");
    }

    private static void writeStage(SiteContext site, Path stage, Map<String, String> typeByTemplate)
            throws IOException {
        Files.createDirectories(stage.resolve("templates"));
        Files.createDirectories(stage.resolve("content"));
        Files.createDirectories(stage.resolve("assets"));
        for (SourceFile f : site.graph().sources().ofKind(SourceKind.TEMPLATE)) {
            Path target = stage.resolve(f.path());
            Files.createDirectories(target.getParent());
            Files.write(target, f.bytes());
        }
        for (ProsePage p : site.prose().values()) {
            String header = "title=" + oneLine(p.title()) + "\ntype=" + typeByTemplate.get(PagePlan.PROSE_TEMPLATE)
                    + "\nstatus=published\nggpath=" + p.path() + "\n~~~~~~\n";
            Path target = stage.resolve("content").resolve(p.path().replaceAll("\\.html$", ".md"));
            Files.createDirectories(target.getParent());
            Files.writeString(target, header + p.body(), StandardCharsets.UTF_8);
        }
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    /** The template names a page plan needs (for messages). */
    static List<String> templates(SiteContext site) {
        return site.pages().stream().map(PageSpec::template).distinct().sorted().toList();
    }
}
