package org.guidegraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.guidegraph.build.BuildOptions;
import org.guidegraph.build.BuildResult;
import org.guidegraph.build.SiteBuild;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.graph.GuideLoader;
import org.guidegraph.serve.GuideServer;
import org.guidegraph.source.GuideSources;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guidegraph serve}: builds the guide and serves the site and its SPARQL endpoint. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Builds the guide, then serves the site at / and a read-only SPARQL endpoint at /sparql. "
                + "Stop with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "GUIDE_DIR", description = "The guide's folder (default .).")
    Path dir;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the site (default GUIDE_DIR/site).")
    Path out;

    @Option(names = "--query-timeout", defaultValue = "10000", paramLabel = "MS",
            description = "Stop SPARQL queries after this many milliseconds (default ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = "--diagram-engine", defaultValue = "v8", paramLabel = "ENGINE",
            description = "Graphviz engine for decision-tree diagrams: v8 (default; same SVG everywhere), dot (the "
                    + "dot program on PATH) or graal (GraalJS on the class path).")
    String diagramEngine;

    @Override
    public Integer call() throws Exception {
        Path guideDir = GuideDir.resolve(spec.commandLine(), dir);
        Path outDir = out == null ? guideDir.resolve("site") : out.toAbsolutePath().normalize();
        var log = spec.commandLine().getOut();
        BuildResult r = new SiteBuild(new BuildOptions(guideDir, outDir, null, "/sparql", diagramEngine), log).run();
        for (Diagnostic d : r.diagnostics().sorted()) {
            log.println(d.format());
        }
        if (!r.ok()) {
            log.println("build failed; nothing to serve");
            return Main.PROBLEMS;
        }
        GuideGraph graph = GuideLoader.load(GuideSources.read(guideDir));
        GuideServer server = GuideServer.start(graph.union(), outDir, host, port, timeout);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "guidegraph-shutdown"));
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
        log.println("site:   " + base + "/index.html");
        log.println("SPARQL: " + base + "/sparql");
        log.println("Press Ctrl-C to stop.");
        log.flush();
        server.join();
        return 0;
    }
}
