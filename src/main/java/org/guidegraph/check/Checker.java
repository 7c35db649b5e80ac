package org.guidegraph.check;

import java.util.List;

import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.graph.GuideGraph;

/** Runs every check over a loaded guide and collects all their diagnostics. */
public final class Checker {

    private static final List<Check> CHECKS = List.of(
            new GuideCheck(),
            new VocabularyCheck(),
            new ShaclCheck(),
            new MatrixCheck(),
            new TreeCheck(),
            new ReferenceCheck(),
            new DuplicateCheck(),
            new ConsistencyCheck());

    private Checker() {
    }

    /**
     * Checks the guide. Syntax problems from loading come first; checks that need every file read whole are skipped
     * while any file has a syntax error, since they would report its missing triples as more problems.
     */
    public static Diagnostics check(GuideGraph graph) {
        Diagnostics out = new Diagnostics();
        out.addAll(graph.loadProblems());
        boolean complete = graph.brokenFiles().isEmpty();
        int skipped = 0;
        for (Check c : CHECKS) {
            if (c.needsCompleteGraph() && !complete) {
                skipped++;
                continue;
            }
            c.run(graph, out);
        }
        if (skipped > 0) {
            String first = graph.brokenFiles().stream().sorted().findFirst().orElse("");
            out.add(Diagnostic.warning(SourcePosition.ofFile(first), skipped
                    + " graph-wide checks (matrix, decision tree, references, consistency) were skipped",
                    "fix the syntax errors and check again"));
        }
        return out;
    }
}
