package org.guidegraph.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.diagram.CachingRenderer;
import org.guidegraph.diagram.DecisionTreeQuery;
import org.guidegraph.diagram.DecisionTreeView;
import org.guidegraph.diagram.DiagramException;
import org.guidegraph.diagram.Diagrams;
import org.guidegraph.diagram.DotBuilder;
import org.guidegraph.diagram.WizardMarkup;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.query.QueryProblem;
import org.guidegraph.render.Links;
import org.guidegraph.render.PagePlan;
import org.guidegraph.source.SourceFile;

/**
 * The decision trees as diagrams and walk-through markup, for templates: each tree's SVG (laid out by the chosen
 * Graphviz engine, cached by the hash of its DOT text), its wizard and its text alternative. Links are written
 * relative to the site root, so the markup belongs on a page at the root (the decide page).
 */
final class DiagramStage {

    /**
     * What the stage made, how many layouts it ran (0 when every diagram came from the cache), and whether the
     * trees are the last build's, kept as they were.
     */
    record Result(List<Map<String, Object>> trees, long layouts, boolean kept) {
        Result(List<Map<String, Object>> trees, long layouts) {
            this(trees, layouts, false);
        }
    }

    private DiagramStage() {
    }

    /** A guide's own decision-tree query as parsed last, by its text: a regeneration seldom changes it. */
    private record Parsed(String text, String file, DecisionTreeQuery query) {
    }

    private static volatile Parsed last;

    private static DecisionTreeQuery parsed(String text, String file) throws QueryProblem {
        Parsed p = last;
        if (p != null && p.text().equals(text) && p.file().equals(file)) {
            return p.query();
        }
        DecisionTreeQuery q = DecisionTreeQuery.parse(text, file);
        last = new Parsed(text, file, q);
        return q;
    }

    /**
     * The diagrams of the last build through one record, and what they were made from: a regeneration whose change
     * cannot reach the decision-tree query, with the same query, page plan and engine, has the same diagrams.
     */
    static final class Reuse {
        private DecisionTreeQuery query;
        private PagePlan plan;
        private String engine;
        private long generation;
        private Result result;

        /** An empty record: the first build queries and draws. */
        Reuse() {
        }

        private boolean holds(GuideGraph graph, DecisionTreeQuery q, PagePlan p, String e) {
            if (result == null || q != query || p != plan || !java.util.Objects.equals(e, engine)
                    || graph.deltaBase() == 0 || graph.deltaBase() != generation) {
                return false;
            }
            org.guidegraph.graph.GraphDelta delta = graph.delta().orElse(null);
            return delta != null && !delta.ontologyChanged() && !org.guidegraph.query.QueryFootprint.of(q.query())
                    .canChange(delta, graph.dataset().asDatasetGraph().getDefaultGraph());
        }
    }

    static Result run(GuideGraph graph, PagePlan plan, String engine, Path workDir, Path cacheDir, Diagnostics out) {
        return run(graph, plan, engine, workDir, cacheDir, out, new Reuse());
    }

    /** As {@link #run(GuideGraph, PagePlan, String, Path, Path, Diagnostics)}, reusing what {@code reuse} holds. */
    static Result run(GuideGraph graph, PagePlan plan, String engine, Path workDir, Path cacheDir, Diagnostics out,
            Reuse reuse) {
        DecisionTreeQuery query;
        SourceFile own = graph.sources().get(DecisionTreeQuery.PATH);
        try {
            query = own == null ? DecisionTreeQuery.builtIn() : parsed(own.text(), own.path());
        } catch (QueryProblem e) {
            out.add(e.diagnostic());
            return new Result(List.of(), 0);
        }
        if (reuse.holds(graph, query, plan, engine)) {
            reuse.generation = graph.generation();
            return new Result(reuse.result.trees(), 0, true);
        }
        Result made = draw(graph, plan, engine, workDir, cacheDir, out, query);
        reuse.result = out.hasErrors() ? null : made;
        reuse.query = query;
        reuse.plan = plan;
        reuse.engine = engine;
        reuse.generation = graph.generation();
        return made;
    }

    private static Result draw(GuideGraph graph, PagePlan plan, String engine, Path workDir, Path cacheDir,
            Diagnostics out, DecisionTreeQuery query) {
        List<DecisionTreeView> trees = query.all(graph.dataset());
        if (trees.isEmpty()) {
            return new Result(List.of(), 0);
        }
        java.util.function.Function<String, String> href = iri -> {
            String path = iri == null ? null : plan.pathOf(iri);
            return path == null ? null : Links.relative("index.html", path);
        };
        CachingRenderer renderer;
        try {
            renderer = Diagrams.renderer(engine, workDir, cacheDir);
        } catch (DiagramException e) {
            out.add(Diagnostic.error(SourcePosition.ofFile(DecisionTreeQuery.PATH), e.getMessage(),
                    "choose an engine with --diagram-engine"));
            return new Result(List.of(), 0);
        }
        List<Map<String, Object>> views = new ArrayList<>();
        DotBuilder dot = new DotBuilder(href);
        WizardMarkup wizard = new WizardMarkup(href).headingLevel(3);
        for (DecisionTreeView tree : trees) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("iri", tree.treeIri());
            v.put("title", tree.title());
            try {
                v.put("svg", renderer.render(dot.dot(tree)));
            } catch (DiagramException e) {
                out.add(Diagnostic.error(SourcePosition.ofFile(DecisionTreeQuery.PATH),
                        "cannot draw the decision tree " + tree.title() + ": " + e.getMessage(),
                        "choose another engine with --diagram-engine"));
                v.put("svg", "");
            }
            v.put("wizard", wizard.wizard(tree));
            v.put("text", wizard.textAlternative(tree));
            views.add(v);
        }
        return new Result(views, renderer.misses());
    }
}
