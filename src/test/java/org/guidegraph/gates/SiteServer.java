package org.guidegraph.gates;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves a {@link Site} over HTTP on the loopback interface, at a free port, the way a plain static
 * host does: files by extension with a fixed content type and {@code nosniff} (so a wrongly typed
 * script or stylesheet fails as it would in production), {@code index.html} for a folder, a redirect
 * from {@code folder} to {@code folder/}, 404 otherwise.
 *
 * <p>The site is mounted under a sub-path ({@link #DEFAULT_PATH} unless told otherwise), so that a
 * root-relative URL that only works at a host's root fails here as it would under a sub-path.
 */
public final class SiteServer implements AutoCloseable {

    /** The sub-path the site is served under unless another is given. */
    public static final String DEFAULT_PATH = "/guide/";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("xml", "application/xml"),
            Map.entry("rss", "application/rss+xml"),
            Map.entry("atom", "application/atom+xml"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("ttl", "text/turtle; charset=utf-8"),
            Map.entry("rq", "application/sparql-query; charset=utf-8"),
            Map.entry("pdf", "application/pdf"));

    private final Site site;
    private final String path;
    private final HttpServer server;
    private final ExecutorService executor;

    private SiteServer(Site site, String path, HttpServer server, ExecutorService executor) {
        this.site = site;
        this.path = path;
        this.server = server;
        this.executor = executor;
    }

    /** Serves {@code site} under {@link #DEFAULT_PATH} on 127.0.0.1 at a free port. */
    public static SiteServer start(Site site) {
        return start(site, DEFAULT_PATH);
    }

    /**
     * Serves {@code site} under {@code path} (which starts and ends with {@code /}) on 127.0.0.1 at a
     * free port.
     */
    public static SiteServer start(Site site, String path) {
        if (!path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("the path to serve under must start and end with /, not " + path);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SiteServer siteServer = new SiteServer(site, path, server, executor);
            server.createContext("/", siteServer::handle);
            server.setExecutor(executor);
            server.start();
            return siteServer;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot open a loopback port to serve " + site, e);
        }
    }

    /** The URL of the site root, ending with {@code /}; pages resolve against it with {@link Site#resolve}. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String requested = exchange.getRequestURI().getPath();
            if (!requested.startsWith(path)) {
                send(exchange, 404, "text/plain; charset=utf-8", ("not found: the site is served under " + path + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file = site.root().resolve(requested.substring(path.length())).normalize();
            if (!file.startsWith(site.root())) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (Files.isDirectory(file)) {
                if (!requested.endsWith("/")) {
                    exchange.getResponseHeaders().set("Location", requested + "/");
                    send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
                    return;
                }
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, type(file), Files.readAllBytes(file));
        }
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops serving at once and frees the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
