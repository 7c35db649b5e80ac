package org.guidegraph.build;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.guidegraph.check.Checker;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.graph.GG;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.graph.GuideLoader;
import org.guidegraph.graph.RemoteGraph;
import org.guidegraph.output.SiteWriter;
import org.guidegraph.query.NamedQueries;
import org.guidegraph.query.ParsedQueries;
import org.guidegraph.render.Markdown;
import org.guidegraph.render.PagePlan;
import org.guidegraph.render.PageSpec;
import org.guidegraph.render.ProsePage;
import org.guidegraph.render.ProsePages;
import org.guidegraph.render.SiteContext;
import org.guidegraph.render.jbake.GuideBake;
import org.guidegraph.search.SearchDocument;
import org.guidegraph.search.SearchIndex;
import org.guidegraph.source.GuideSources;

/**
 * {@code guidegraph build}: load → check → query → render → write. Each stage is timed and reported; errors stop
 * the build before anything is written, and the previous site stays as it was.
 */
public final class SiteBuild {

    /** guidegraph's cache in a guide folder (diagram SVGs, engine files); safe to delete. */
    public static final String CACHE = ".guidegraph";

    private final BuildOptions options;
    private final PrintWriter log;
    private final List<String> stages = new ArrayList<>();
    private final Regeneration regeneration;

    public SiteBuild(BuildOptions options, PrintWriter log) {
        this(options, log, null);
    }

    /** A build that re-renders only the pages whose inputs changed since the last one {@code regeneration} saw. */
    public SiteBuild(BuildOptions options, PrintWriter log, Regeneration regeneration) {
        this.options = options;
        this.log = log;
        this.regeneration = regeneration;
    }

    /** Runs the build. */
    public BuildResult run() throws IOException {
        long start = System.nanoTime();
        long t = System.nanoTime();
        GuideSources sources = GuideSources.read(options.guideDir());
        boolean partial = regeneration != null && regeneration.canReuse(options.outDir());
        try (SiteWriter writer = SiteWriter.open(options.outDir(),
                regeneration == null ? null : regeneration.removals,
                regeneration == null ? null : regeneration.published);
                GuideBake.Bake bake = partial ? null : GuideBake.start(sources, writer.scratch("work"))) {
            return run(sources, writer, bake, start, t);
        }
    }

    private BuildResult run(GuideSources sources, SiteWriter writer, GuideBake.Bake bake, long start, long t)
            throws IOException {
        GuideGraph graph = options.sparqlSource() == null
                ? GuideLoader.load(sources, regeneration == null ? new GuideLoader.Reuse() : regeneration.files)
                : RemoteGraph.load(sources, options.sparqlSource());
        stage("load", t, sources.all().size() + " files, " + graph.size() + " triples");

        t = System.nanoTime();
        Diagnostics ds = Checker.check(graph, regeneration == null ? new Checker.Reuse() : regeneration.checks);
        stage("check", t, ds.errorCount() + " errors, " + ds.warningCount() + " warnings");
        if (ds.hasErrors()) {
            return fail(ds, start);
        }

        t = System.nanoTime();
        Map<String, String> prefixes = new TreeMap<>(graph.ontology().getNsPrefixMap());
        prefixes.putAll(graph.content().getNsPrefixMap());
        NamedQueries queries = NamedQueries.load(sources, graph.dataset(), prefixes, ds,
                regeneration == null ? new ParsedQueries() : regeneration.queries);
        List<ProsePage> prose = ProsePages.read(sources, ds);
        PagePlan plan = PagePlan.plan(graph, prose, ds, regeneration == null ? null : regeneration.plan());
        if (!ds.hasErrors()) {
            queries.prefetch(Runtime.getRuntime().availableProcessors(), graph.delta());
        }
        stage("query", t, queries.all().size() + " named queries, " + plan.pages().size() + " pages planned");
        if (ds.hasErrors()) {
            return fail(ds, start);
        }

        String baseUrl = baseUrl(graph);
        Map<String, ProsePage> proseByPath = new TreeMap<>();
        prose.forEach(p -> proseByPath.put(p.path(), p));
        t = System.nanoTime();
        Path cache = options.guideDir().resolve(CACHE);
        DiagramStage.Result diagrams = DiagramStage.run(graph, plan, options.diagramEngine(), cache.resolve("engine"),
                cache.resolve("diagrams"), ds, regeneration == null ? new DiagramStage.Reuse() : regeneration.diagrams);
        stage("diagram", t, diagrams.trees().size() + " decision trees, "
                + (diagrams.kept() ? "kept from the last build" : diagrams.layouts() + " laid out"));
        if (ds.hasErrors()) {
            return fail(ds, start);
        }
        SiteContext site = new SiteContext(graph, queries, plan, proseByPath, new Markdown(),
                siteValues(graph, baseUrl), ds, diagrams.trees());
        t = System.nanoTime();
        Set<String> only = regeneration == null ? null : regeneration.affected(site, options.outDir());
        if (only == null && bake == null) {
            throw new IllegalStateException("no earlier site to regenerate from: " + options.outDir());
        }
        Progress progress = Progress.of("render", only == null ? plan.pages().size() : only.size());
        // each page's search sections are taken from its text as it is written, not read back from the file
        Map<String, List<SearchDocument>> rendered = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.function.BiConsumer<String, String> onPage = (path, html) -> {
            SearchStage.section(path, html, rendered);
            progress.tick();
        };
        GuideBake.Result baked = only == null ? bake.render(site, writer.staging(), onPage)
                : GuideBake.renderOnly(site, writer.staging(), only, onPage, regeneration.templates);
        progress.done();
        stage("render", t, only == null ? baked.rendered() + " pages"
                : "re-rendered " + baked.rendered() + " of " + plan.pages().size() + " pages");
        if (ds.hasErrors()) {
            return fail(ds, start);
        }
        if (regeneration != null) {
            regeneration.carryOver(site, only, options.outDir(), writer.staging(), writer.keeper());
            regeneration.record(site, only, baked.models());
        }

        t = System.nanoTime();
        Path out = writer.staging();
        Map<String, List<SearchDocument>> known = regeneration == null ? rendered
                : regeneration.sectionsWith(only, rendered);
        Map<String, List<SearchDocument>> sections = SearchStage.sections(out, known, writer.keptPages(),
                writer.out(), regeneration == null ? null : regeneration.search);
        List<SearchDocument> searchDocs = SearchStage.documents(graph, plan, sections, regeneration);
        if (regeneration != null) {
            regeneration.recordSections(sections);
        }
        SearchIndex searchIndex = regeneration == null ? SearchIndex.build(searchDocs)
                : SearchIndex.build(searchDocs, regeneration.search);
        SearchStage.export(searchIndex, out, regeneration == null ? null : regeneration.search,
                only == null ? null : options.outDir(), writer.keeper());
        stage("index", t, searchDocs.size() + " search documents");

        t = System.nanoTime();
        WriteStage.write(sources, queries, graph, plan, baseUrl, options.endpointPath(), out,
                regeneration == null ? null : regeneration.writes, options.outDir(), writer.keeper());
        SiteWriter.Tally written = writer.publish();
        if (regeneration != null) {
            regeneration.commit(graph);
        }
        stage("write", t, written.files() + " files, " + written.bytes() + " bytes");
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new BuildResult(true, ds, baked.rendered(), (int) written.files(), written.bytes(),
                List.copyOf(stages), millis, List.copyOf(searchDocs), graph.dataset().getDefaultModel(), searchIndex);
    }

    private BuildResult fail(Diagnostics ds, long start) {
        return new BuildResult(false, ds, 0, 0, 0, List.copyOf(stages), (System.nanoTime() - start) / 1_000_000,
                List.of(), null, null);
    }

    private void stage(String name, long startNanos, String what) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        String line = String.format("%-7s %6d ms  %s", name, ms, what);
        stages.add(line);
        log.println(line);
        log.flush();
    }

    private String baseUrl(GuideGraph g) {
        if (options.baseUrl() != null) {
            return options.baseUrl().endsWith("/") ? options.baseUrl() : options.baseUrl() + "/";
        }
        return g.namespace().orElse("/");
    }

    private Map<String, Object> siteValues(GuideGraph g, String baseUrl) {
        Map<String, Object> site = new LinkedHashMap<>();
        Resource guide = g.guide().orElseThrow();
        site.put("iri", guide.getURI());
        site.put("title", string(guide, DCTerms.title, "Guide"));
        site.put("date", string(guide, DCTerms.date, ""));
        site.put("purpose", string(guide, g.union().createProperty(GG.NS + "purpose"), ""));
        site.put("baseUrl", baseUrl);
        site.put("canonical", options.baseUrl() != null);
        site.put("endpoint", options.endpointPath());
        return site;
    }

    private static String string(Resource r, org.apache.jena.rdf.model.Property p, String fallback) {
        Statement s = r.getProperty(p);
        return s == null || !s.getObject().isLiteral() ? fallback : s.getString();
    }

    /** The pages of a plan, for callers that list them. */
    public static List<String> paths(PagePlan plan) {
        return plan.pages().stream().map(PageSpec::path).toList();
    }
}
