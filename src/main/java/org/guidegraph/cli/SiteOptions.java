package org.guidegraph.cli;

import java.nio.file.Path;

import org.guidegraph.build.BuildOptions;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that builds a site shares ({@code build}, {@code serve}): a picocli mixin. */
final class SiteOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "GUIDE_DIR", description = "The guide's folder (default .).")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the site (default GUIDE_DIR/site).")
    Path out;

    @Option(names = "--diagram-engine", defaultValue = "v8", paramLabel = "ENGINE",
            description = "Graphviz engine for decision-tree diagrams: v8 (default; same SVG everywhere), dot (the "
                    + "dot program on PATH) or graal (GraalJS on the class path).")
    String diagramEngine;

    @Option(names = "--sparql-source", paramLabel = "URL",
            description = "Read the guide's content from this SPARQL 1.1 endpoint (e.g. a Fuseki server over TDB2) "
                    + "instead of content/graph/.")
    String sparqlSource;

    /** The build options these arguments give; the guide folder is checked first (a usage error if it is wrong). */
    BuildOptions toBuildOptions(CommandLine cl, String baseUrl, String endpointPath) {
        Path guideDir = GuideDir.resolve(cl, dir);
        Path outDir = out == null ? guideDir.resolve("site") : out.toAbsolutePath().normalize();
        return new BuildOptions(guideDir, outDir, baseUrl, endpointPath, diagramEngine, sparqlSource);
    }
}
