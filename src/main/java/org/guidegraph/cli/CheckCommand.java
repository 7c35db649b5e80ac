package org.guidegraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.guidegraph.check.Checker;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.graph.GuideLoader;
import org.guidegraph.source.GuideSources;
import org.guidegraph.source.SourceKind;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code guidegraph check}: reports every problem of a guide's sources. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Reads all sources of a guide and reports every problem as file:line:col: error|warning: "
                + "message, sorted, then a summary. Exits 1 if there is any error.")
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "GUIDE_DIR",
            description = "The guide's folder (with content/, optionally ontology/ and templates/). Default: .")
    Path dir;

    @Override
    public Integer call() {
        Path guideDir = GuideDir.resolve(spec.commandLine(), dir);
        GuideSources sources = GuideSources.read(guideDir);
        GuideGraph graph = GuideLoader.load(sources);
        Diagnostics ds = Checker.check(graph);
        var out = spec.commandLine().getOut();
        for (Diagnostic d : ds.sorted()) {
            out.println(d.format());
        }
        if (ds.dropped() > 0) {
            out.println("… and " + ds.dropped() + " more");
        }
        long files = sources.all().stream()
                .filter(f -> f.kind() == SourceKind.GRAPH || f.kind() == SourceKind.PAGE
                        || f.kind() == SourceKind.ONTOLOGY)
                .count();
        long entities = graph.namespace().map(ns -> graph.content().listSubjects().toList().stream()
                .filter(r -> r.isURIResource() && r.getURI().startsWith(ns)).count()).orElse(0L);
        out.println("checked " + files + " files, " + graph.size() + " triples, " + entities + " entities: "
                + plural(ds.errorCount(), "error") + ", " + plural(ds.warningCount(), "warning"));
        return ds.hasErrors() ? Main.PROBLEMS : 0;
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
