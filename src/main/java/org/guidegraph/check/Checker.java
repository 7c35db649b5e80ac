package org.guidegraph.check;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.internal.Workers;

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
     *
     * <p>The checks only read the graph, so they run in parallel (the shapes alone take half the time); each
     * collects its own diagnostics, and they are added in the order of the list above, so the result, including
     * which diagnostics are kept when there are more than the cap, does not depend on which check ends first.
     */
    public static Diagnostics check(GuideGraph graph) {
        Diagnostics out = new Diagnostics();
        out.addAll(graph.loadProblems());
        boolean complete = graph.brokenFiles().isEmpty();
        int skipped = 0;
        List<CompletableFuture<List<Diagnostic>>> runs = new ArrayList<>();
        ExecutorService pool = Workers.pool("check", Workers.cores());
        try {
            for (Check c : CHECKS) {
                if (c.needsCompleteGraph() && !complete) {
                    skipped++;
                    continue;
                }
                runs.add(CompletableFuture.supplyAsync(() -> {
                    List<Diagnostic> found = new ArrayList<>();
                    c.run(graph, found);
                    return found;
                }, pool));
            }
            for (CompletableFuture<List<Diagnostic>> run : runs) {
                out.addAll(Workers.join(run));
            }
        } finally {
            pool.shutdownNow();
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
