package org.guidegraph.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.RDF;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.graph.GG;
import org.guidegraph.graph.GraphDelta;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.internal.Workers;

/** Runs every check over a loaded guide and collects all their diagnostics. */
public final class Checker {

    /** The checks in the order their diagnostics are added; the shapes come between vocabulary and matrix. */
    private static final List<Check> BEFORE_SHAPES = List.of(new GuideCheck(), new VocabularyCheck());
    private static final List<Check> AFTER_SHAPES = List.of(
            new MatrixCheck(),
            new TreeCheck(),
            new ReferenceCheck(),
            new DuplicateCheck(),
            new ConsistencyCheck());

    private Checker() {
    }

    /**
     * What one check leaves for the next of the same guide (a regeneration after an edit): the findings of each
     * check for the graphs checked last. A graph whose {@link GuideGraph#delta()} runs from one of them is checked
     * from its findings, not again in full. It keeps the findings of two graphs at most: the one the next delta may
     * run from and the last one.
     */
    public static final class Reuse {
        private final Map<Long, Findings> byGeneration = new HashMap<>();
        private volatile int shapesRevalidated = -1;
        /** The shapes parsed from the last ontology graph, and that graph: an unchanged ontology is the same graph. */
        private Graph shapesOf;
        private Shapes shapes;
        private List<Diagnostic> shapesProblems;

        private synchronized Shapes shapes(GuideGraph graph, List<Diagnostic> out) {
            if (shapesOf != graph.ontology().getGraph()) {
                List<Diagnostic> problems = new ArrayList<>();
                shapes = ShaclCheck.shapes(graph, problems);
                shapesProblems = List.copyOf(problems);
                shapesOf = graph.ontology().getGraph();
            }
            out.addAll(shapesProblems);
            return shapes;
        }

        /**
         * How many focus nodes the last check through this validated again from the findings before, or -1 if it
         * validated the shapes over the whole graph.
         */
        int shapesRevalidated() {
            return shapesRevalidated;
        }

        private synchronized Findings of(long generation) {
            return generation == 0 ? null : byGeneration.get(generation);
        }

        private synchronized void keep(GuideGraph graph, Findings findings) {
            if (graph.generation() == 0) {
                return;
            }
            byGeneration.keySet().removeIf(g -> g != graph.deltaBase());
            byGeneration.put(graph.generation(), findings);
        }
    }

    /** The findings of each check for one graph, before they are capped and sorted into {@link Diagnostics}. */
    private record Findings(Map<String, List<Diagnostic>> byCheck, List<ReportEntry> shapes, boolean complete) {
    }

    /** Checks the guide in full. */
    public static Diagnostics check(GuideGraph graph) {
        return check(graph, new Reuse());
    }

    /**
     * Checks the guide. Syntax problems from loading come first; checks that need every file read whole are skipped
     * while any file has a syntax error, since they would report its missing triples as more problems.
     *
     * <p>The checks only read the graph, so they run in parallel (the shapes over chunks of their focus nodes); each
     * collects its own diagnostics, which are sorted and added in a fixed order, so the result, including which
     * diagnostics are kept when there are more than the cap, does not depend on which check ends first.
     *
     * <p>When the graph's {@link GuideGraph#delta()} runs from a graph checked through {@code reuse}, with the
     * same ontology and every file read whole, each check that can tell what the change does (see
     * {@link Check#afterChange}) and the shapes (for the focus nodes the change can reach) work from that graph's
     * findings: the diagnostics are those a full check would give.
     */
    public static Diagnostics check(GuideGraph graph, Reuse reuse) {
        boolean complete = graph.brokenFiles().isEmpty();
        Findings before = reuse.of(graph.deltaBase());
        GraphDelta delta = graph.delta().orElse(null);
        if (before == null || !before.complete() || delta == null || delta.ontologyChanged() || !complete
                || touchesGuide(delta)) {
            before = null;
            delta = null;
        }
        Map<String, CompletableFuture<List<Diagnostic>>> runs = new LinkedHashMap<>();
        List<Diagnostic> shapeProblems = new ArrayList<>();
        List<ReportEntry> entries;
        int skipped = 0;
        ExecutorService pool = Workers.pool("check", Workers.cores());
        try {
            List<Check> checks = new ArrayList<>(BEFORE_SHAPES);
            checks.addAll(AFTER_SHAPES);
            for (Check c : checks) {
                if (c.needsCompleteGraph() && !complete) {
                    skipped++;
                    continue;
                }
                List<Diagnostic> known = before == null ? null
                        : c.afterChange(graph, delta, before.byCheck().getOrDefault(c.name(), List.of()));
                runs.put(c.name(), known != null ? CompletableFuture.completedFuture(known)
                        : CompletableFuture.supplyAsync(() -> {
                            List<Diagnostic> found = new ArrayList<>();
                            c.run(graph, found);
                            return found;
                        }, pool));
            }
            Shapes shapes = reuse.shapes(graph, shapeProblems);
            Graph data = ShaclCheck.data(graph);
            int[] reached = {-1};
            entries = before == null ? null : ShaclCheck.revalidate(shapes, data, delta, before.shapes(), reached);
            reuse.shapesRevalidated = reached[0];
            if (entries == null) {
                entries = shapes.numShapes() == 0 ? List.of() : ShaclCheck.validate(shapes, data, pool);
            }
            ShaclCheck.report(graph, entries, shapeProblems);
            Map<String, List<Diagnostic>> byCheck = new LinkedHashMap<>();
            runs.forEach((name, run) -> byCheck.put(name, Workers.join(run)));
            reuse.keep(graph, new Findings(byCheck, entries, complete));

            Diagnostics out = new Diagnostics();
            out.addAll(graph.loadProblems());
            for (Check c : BEFORE_SHAPES) {
                out.addAll(sorted(byCheck.get(c.name())));
            }
            out.addAll(sorted(shapeProblems));
            for (Check c : AFTER_SHAPES) {
                out.addAll(sorted(byCheck.get(c.name())));
            }
            if (skipped > 0) {
                String first = graph.brokenFiles().stream().sorted().findFirst().orElse("");
                out.add(Diagnostic.warning(SourcePosition.ofFile(first), skipped
                        + " graph-wide checks (matrix, decision tree, references, consistency) were skipped",
                        "fix the syntax errors and check again"));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** True if the change touches the guide resource, whose IRI every entity's is read against. */
    private static boolean touchesGuide(GraphDelta delta) {
        for (Triple t : delta.triples()) {
            if (t.getPredicate().equals(RDF.type.asNode()) && t.getObject().equals(GG.Guide.asNode())) {
                return true;
            }
        }
        return false;
    }

    private static List<Diagnostic> sorted(List<Diagnostic> found) {
        if (found == null) {
            return List.of();
        }
        List<Diagnostic> list = new ArrayList<>(found);
        list.sort(Diagnostic.ORDER);
        return list;
    }
}
