package org.guidegraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.guidegraph.build.BuildOptions;
import org.guidegraph.build.BuildResult;
import org.guidegraph.build.SiteBuild;
import org.guidegraph.diagnostic.Diagnostic;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guidegraph build}: the static site. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the static site: load, check (errors stop the build), query, render, write. "
                + "The previous site is replaced only when the build succeeds.")
final class BuildCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "GUIDE_DIR", description = "The guide's folder (default .).")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the site (default GUIDE_DIR/site).")
    Path out;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Public URL of the site, for canonical links and the sitemap (default: the guide's IRI).")
    String baseUrl;

    @Option(names = "--diagram-engine", defaultValue = "v8", paramLabel = "ENGINE",
            description = "Graphviz engine for decision-tree diagrams: v8 (default; same SVG everywhere), dot (the "
                    + "dot program on PATH) or graal (GraalJS on the class path).")
    String diagramEngine;

    @Option(names = "--sparql-source", paramLabel = "URL",
            description = "Read the guide's content from this SPARQL 1.1 endpoint (e.g. a Fuseki server over TDB2) "
                    + "instead of content/graph/.")
    String sparqlSource;

    @Override
    public Integer call() throws Exception {
        Path guideDir = GuideDir.resolve(spec.commandLine(), dir);
        Path outDir = out == null ? guideDir.resolve("site") : out.toAbsolutePath().normalize();
        var log = spec.commandLine().getOut();
        BuildResult r = new SiteBuild(new BuildOptions(guideDir, outDir, baseUrl, "/sparql", diagramEngine, sparqlSource), log).run();
        for (Diagnostic d : r.diagnostics().sorted()) {
            log.println(d.format());
        }
        if (!r.ok()) {
            log.println("build failed: " + CheckCommand.plural(r.diagnostics().errorCount(), "error")
                    + "; the previous site was left as it was");
            return Main.PROBLEMS;
        }
        log.println("built " + r.pages() + " pages, " + r.files() + " files, " + r.bytes() + " bytes in "
                + r.millis() + " ms → " + outDir);
        return 0;
    }
}
