package org.guidegraph.check;

import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.graph.GraphDelta;
import org.guidegraph.graph.GuideGraph;

/** One rule a sound guide must satisfy. Implementations report every violation they find, never just the first. */
interface Check {

    /** A short name for logs. */
    String name();

    /** True if the check needs every file to have been read whole (it would report noise otherwise). */
    default boolean needsCompleteGraph() {
        return false;
    }

    /** Adds the problems found in {@code graph} to {@code out}, in a fixed order. */
    void run(GuideGraph graph, List<Diagnostic> out);

    /**
     * The predicates of the triples whose presence or absence can change what this check finds, or null if any
     * triple can (the check reads the whole graph).
     */
    default Set<Node> reads() {
        return null;
    }

    /**
     * What the check finds in {@code graph}, known without running it in full from what it found in the graph
     * {@code delta} runs from (same ontology), or null if it must run. The default: a check that found nothing
     * finds nothing after a change to triples it does not read.
     */
    default List<Diagnostic> afterChange(GuideGraph graph, GraphDelta delta, List<Diagnostic> before) {
        Set<Node> reads = reads();
        if (!before.isEmpty() || reads == null) {
            return null;
        }
        for (Triple t : delta.removed()) {
            if (reads.contains(t.getPredicate())) {
                return null;
            }
        }
        for (Triple t : delta.added()) {
            if (reads.contains(t.getPredicate())) {
                return null;
            }
        }
        return List.of();
    }
}
