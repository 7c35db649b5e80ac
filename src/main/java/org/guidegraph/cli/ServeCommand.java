package org.guidegraph.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.guidegraph.build.BuildOptions;
import org.guidegraph.serve.GuideServer;
import org.guidegraph.serve.LiveSite;
import org.guidegraph.serve.ServeOptions;
import org.guidegraph.serve.SourceWatcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code guidegraph serve}: builds the guide and serves the site and its SPARQL endpoint. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Builds the guide, then serves the site at /, a read-only SPARQL endpoint at /sparql and "
                + "the search at /search; rebuilds when the guide changes and reloads open pages. Stop with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SiteOptions siteOptions;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--query-timeout", defaultValue = "10000", paramLabel = "MS",
            description = "Stop SPARQL queries after this many milliseconds (default ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = "--max-rows", defaultValue = "10000", paramLabel = "N",
            description = "Return at most this many rows per SPARQL query (default ${DEFAULT-VALUE}).")
    long maxRows;

    @Option(names = "--no-watch", description = "Do not rebuild when content/, ontology/ or templates/ change.")
    boolean noWatch;

    @Override
    public Integer call() throws Exception {
        BuildOptions buildOptions = siteOptions.toBuildOptions(spec.commandLine(), null, GuideServer.SPARQL);
        var log = spec.commandLine().getOut();
        ServeOptions options;
        try {
            options = new ServeOptions(host, port, timeout, maxRows);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        LiveSite site;
        try {
            site = LiveSite.start(buildOptions, options,
                    noWatch ? -1 : SourceWatcher.DEFAULT_QUIET_MILLIS, log);
        } catch (LiveSite.BuildFailedException e) {
            log.println("build failed; nothing to serve");
            log.flush();
            return Main.PROBLEMS;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                site.close();
            } catch (Exception e) {
                System.err.println("stopping: " + e.getMessage());
            }
            stopped.countDown();
        }, "guidegraph-shutdown"));
        String base = site.server().url();
        log.println("site:   " + base + "/index.html");
        log.println("SPARQL: " + base + GuideServer.SPARQL);
        log.println("search: " + base + "/search?q=");
        log.println(noWatch ? "Not watching for changes." : "Watching content/, ontology/ and templates/ for changes.");
        log.println("Press Ctrl-C to stop.");
        log.flush();
        site.server().join();
        stopped.await();
        return 0;
    }
}
