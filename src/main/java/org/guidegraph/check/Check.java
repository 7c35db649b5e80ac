package org.guidegraph.check;

import java.util.List;

import org.guidegraph.diagnostic.Diagnostic;
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
}
