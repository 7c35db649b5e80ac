package org.guidegraph.serve;

import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;

/**
 * One server for a built guide: the static site at {@code /} and a read-only SPARQL endpoint at {@code /sparql}
 * (embedded Fuseki), bound to the given host (loopback by default).
 */
public final class GuideServer implements AutoCloseable {

    private final FusekiServer server;

    private GuideServer(FusekiServer server) {
        this.server = server;
    }

    /**
     * Starts serving. The dataset is a copy of {@code graph}, so the endpoint never sees a half-updated graph.
     *
     * @param port the port, or 0 for any free one
     * @param queryTimeoutMillis queries running longer are stopped
     */
    public static GuideServer start(Model graph, Path site, String host, int port, long queryTimeoutMillis) {
        Model copy = ModelFactory.createDefaultModel().add(graph);
        copy.setNsPrefixes(graph.getNsPrefixMap());
        Dataset ds = DatasetFactory.wrap(copy);
        ds.getContext().set(ARQ.queryTimeout, Long.toString(queryTimeoutMillis));
        FusekiServer.Builder b = FusekiServer.create()
                .port(port)
                .loopback(isLoopback(host))
                .enableCors(true)
                .staticFileBase(site.toAbsolutePath().toString())
                .add("/sparql", ds, false);
        FusekiServer server = b.build();
        server.start();
        return new GuideServer(server);
    }

    private static boolean isLoopback(String host) {
        return host == null || host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }

    /** The port the server listens on. */
    public int port() {
        return server.getHttpPort();
    }

    /** Blocks until the server stops. */
    public void join() {
        server.join();
    }

    @Override
    public void close() {
        server.stop();
    }
}
