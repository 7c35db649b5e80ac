package org.guidegraph.serve;

import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.util.thread.ThreadPool.SizedThreadPool;

/**
 * One server for a built guide: the site at {@code /} (with entity IRIs that resolve and live reload), a read-only
 * SPARQL 1.1 endpoint at {@code /sparql} (embedded Fuseki: query only, a timeout and a row cap), the search at
 * {@code /search}, and the event stream open pages listen to at {@code /_gg/events}. CORS is on for all of it.
 *
 * <p>What it serves is a {@link Generation}. {@link #serve(Generation)} swaps to a new one: the SPARQL endpoint is
 * re-registered with a new dataset in one step (a query in progress finishes on the dataset it started on), then
 * the site and search follow, then open pages are told to reload.
 *
 * <p>The endpoint keeps the answers it gave for the generation being served ({@link SparqlAnswers}): a generation
 * never changes, so asking the same query again gets the same bytes without running it again.
 */
public final class GuideServer implements AutoCloseable {

    /** Where the SPARQL endpoint is served. */
    public static final String SPARQL = "/sparql";

    private final FusekiServer server;
    private final ServeOptions options;
    private final AtomicReference<Generation> current;
    private final LiveReload live;
    private final AtomicReference<SparqlAnswers> answers;

    private GuideServer(FusekiServer server, ServeOptions options, AtomicReference<Generation> current,
            LiveReload live, AtomicReference<SparqlAnswers> answers) {
        this.server = server;
        this.options = options;
        this.current = current;
        this.live = live;
        this.answers = answers;
    }

    /** Starts serving {@code first}. */
    public static GuideServer start(Generation first, ServeOptions options) {
        AtomicReference<Generation> current = new AtomicReference<>(first);
        LiveReload live = new LiveReload(first.number());
        AtomicReference<SparqlAnswers> answers = new AtomicReference<>(new SparqlAnswers());
        FusekiServer server = FusekiServer.create()
                .port(options.port())
                .loopback(isLoopback(options.host()))
                .enableCors(true)
                .enablePing(false)
                .registerOperation(Operation.Query, new CappedQuery(options.maxRows(), options.queryTimeoutMillis()))
                .add(SPARQL, dataService(first, options))
                .addFilter(SPARQL, new ReadOnlyFilter())
                .addFilter(SPARQL + "/*", new ReadOnlyFilter())
                // "/sparql/*" matches "/sparql" too; mapped twice, the filter would run twice on each request.
                .addFilter(SPARQL + "/*", new AnswerCacheFilter(answers::get))
                .addServlet("/search", new SearchServlet(current::get))
                .addServlet("/_gg/events", new EventsServlet(live))
                .addFilter("/*", new SiteServlet(current::get, true))
                .build();
        if (!isLoopback(options.host())) {
            bindTo(server, options.host());
        }
        allowAsync(server);
        server.start();
        return new GuideServer(server, options, current, live, answers);
    }

    /**
     * A read-only service over the generation's graph: the SPARQL query operation only (no update, no graph
     * store writes), with the query timeout in the dataset's context, where Fuseki's query operation reads it.
     */
    private static DataService dataService(Generation g, ServeOptions options) {
        Dataset ds = g.dataset();
        ds.getContext().set(ARQ.queryTimeout, Long.toString(options.queryTimeoutMillis()));
        return DataService.newBuilder(ds.asDatasetGraph())
                .addEndpoint(Operation.Query, "")
                .addEndpoint(Operation.Query, "query")
                .build();
    }

    /**
     * Event streams go asynchronous ({@link EventsServlet}), which the container allows only if every filter on
     * the way and the servlet say they support it; Fuseki's builder does not say so for what it is given.
     */
    private static void allowAsync(FusekiServer server) {
        ServletContextHandler context = server.getJettyServer().getDescendant(ServletContextHandler.class);
        for (FilterHolder f : context.getServletHandler().getFilters()) {
            f.setAsyncSupported(true);
        }
        for (ServletHolder s : context.getServletHandler().getServlets()) {
            s.setAsyncSupported(true);
        }
    }

    private static void bindTo(FusekiServer server, String host) {
        for (var c : server.getJettyServer().getConnectors()) {
            if (c instanceof org.eclipse.jetty.server.ServerConnector sc) {
                sc.setHost(host);
            }
        }
    }

    private static boolean isLoopback(String host) {
        return host == null || host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }

    /** Serves a new generation: endpoint, site and search swap, and open pages reload. */
    public void serve(Generation next) {
        DataService service = dataService(next, options);
        service.setEndpointProcessors(server.getOperationRegistry());
        service.goActive();
        DataAccessPoint point = new DataAccessPoint(SPARQL, service);
        // put, not register: register refuses a name in use, and removing first would leave a moment with no
        // endpoint. A request looks its access point up once, so it runs wholly on the old or the new dataset.
        server.getDataAccessPointRegistry().put(point.getName(), point);
        // Kept answers go with the dataset, and after it: a request that finds the new (empty) store of answers
        // started after the put above, so its answer, kept there, is the new dataset's.
        answers.set(new SparqlAnswers());
        current.set(next);
        live.served(next.number());
    }

    /** The last regeneration failed: open pages show these problems over the last good site, which stays. */
    public void failed(java.util.List<String> problems) {
        live.failed(problems);
    }

    /** What open pages are told: the generation served and the problems of a failed regeneration. */
    public LiveReload.State liveState() {
        return live.state();
    }

    /** The generation being served. */
    public Generation current() {
        return current.get();
    }

    /** The most threads the server's pool may run (what event streams must not each hold one of). */
    int maxThreads() {
        return server.getJettyServer().getThreadPool() instanceof SizedThreadPool p ? p.getMaxThreads() : -1;
    }

    /** The port the server listens on. */
    public int port() {
        return server.getHttpPort();
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        String host = options.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** Blocks until the server stops. */
    public void join() {
        server.join();
    }

    @Override
    public void close() {
        live.close();
        server.stop();
    }
}
