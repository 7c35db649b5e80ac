package org.guidegraph.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.guidegraph.output.Deterministic;
import org.guidegraph.output.EntityDescriptions;

/**
 * The site of the generation being served, plus what only a server can add: entity IRIs that resolve (browsers
 * are sent to the entity's page, RDF clients get its description) and, in every HTML page, the live-reload script.
 * Files are read from the generation's folder at each request, so a swap to a new generation takes effect at once.
 *
 * <p>It is a filter, not a servlet, because Fuseki keeps the default servlet mapping for its own "not found"
 * servlet; GET and HEAD requests outside the server's own paths ({@code /sparql}, {@code /search},
 * {@code /_gg/events}) end here, the rest go on along the chain.
 */
final class SiteServlet extends HttpFilter {

    static final String LIVE_SCRIPT = "/_gg/live.js";

    private static final String HTML = "text/html";
    private static final String TURTLE = "text/turtle";
    private static final String NTRIPLES = "application/n-triples";
    private static final String JSONLD = "application/ld+json";
    private static final AcceptList OFFER = AcceptList.create(HTML, "application/xhtml+xml", TURTLE, NTRIPLES,
            JSONLD);

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("ttl", "text/turtle; charset=utf-8"),
            Map.entry("nt", "application/n-triples"),
            Map.entry("jsonld", "application/ld+json"),
            Map.entry("rq", "application/sparql-query; charset=utf-8"),
            Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"));

    private final transient Supplier<Generation> generation;
    private final transient boolean live;
    private final byte[] liveScript;

    SiteServlet(Supplier<Generation> generation, boolean live) {
        this.generation = generation;
        this.live = live;
        try (InputStream in = SiteServlet.class.getResourceAsStream("live.js")) {
            this.liveScript = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("live.js is missing from the guidegraph jar", e);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        boolean read = req.getMethod().equals("GET") || req.getMethod().equals("HEAD");
        if (!read || ownedElsewhere(path)) {
            chain.doFilter(req, resp);
            return;
        }
        serve(req, resp, path);
    }

    private static boolean ownedElsewhere(String path) {
        return path.equals(GuideServer.SPARQL) || path.startsWith(GuideServer.SPARQL + "/")
                || path.equals("/search") || path.equals("/_gg/events");
    }

    private void serve(HttpServletRequest req, HttpServletResponse resp, String path) throws IOException {
        if (path.equals(LIVE_SCRIPT)) {
            send(resp, 200, TYPES.get("js"), liveScript);
            return;
        }
        Generation g = generation.get();
        awaitSite(g.site());
        Optional<Path> file = resolve(g.site(), path);
        if (file.isPresent() && Files.isDirectory(file.get())) {
            if (!path.endsWith("/")) {
                resp.setStatus(301);
                resp.setHeader("Location", path + "/");
                return;
            }
            file = Optional.of(file.get().resolve("index.html"));
        }
        if (file.isPresent() && Files.isRegularFile(file.get())) {
            sendFile(resp, 200, g, file.get());
            return;
        }
        if (linkedData(req, resp, g, path)) {
            return;
        }
        Path notFound = g.site().resolve("404.html");
        if (Files.isRegularFile(notFound)) {
            sendFile(resp, 404, g, notFound);
        } else {
            send(resp, 404, TYPES.get("txt"), ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Publishing a rebuilt site renames the old folder away and the new one into place; a request that falls
     * between the two renames waits for the second (a few milliseconds at most) instead of getting a 404.
     */
    private static void awaitSite(Path site) {
        for (int i = 0; i < 100 && !Files.isDirectory(site); i++) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The file a URL path names inside the site, if the path stays inside it. */
    private static Optional<Path> resolve(Path site, String urlPath) {
        String rel = urlPath.startsWith("/") ? urlPath.substring(1) : urlPath;
        if (rel.contains("\\") || rel.contains("\0")) {
            return Optional.empty();
        }
        Path p = site.resolve(rel).normalize();
        return p.startsWith(site) ? Optional.of(p) : Optional.empty();
    }

    /**
     * Answers {@code /KIND/SLUG} for an entity of the guide: 303 to its page for browsers, its description for RDF
     * clients. Returns false if the path is no entity's.
     */
    private boolean linkedData(HttpServletRequest req, HttpServletResponse resp, Generation g, String path)
            throws IOException {
        String rel = path.startsWith("/") ? path.substring(1) : path;
        if (g.namespace().isEmpty() || rel.isEmpty()) {
            return false;
        }
        String iri = g.namespace() + rel;
        if (EntityDescriptions.pathOf(g.namespace(), iri).isEmpty()) {
            return false;
        }
        Resource entity = g.graph().createResource(iri);
        if (!g.graph().contains(entity, null)) {
            return false;
        }
        String accept = req.getHeader("Accept");
        MediaType choice = AcceptList.match(new AcceptList(accept == null || accept.isBlank() ? "*/*" : accept), OFFER);
        resp.setHeader("Vary", "Accept");
        if (choice == null) {
            send(resp, 406, TYPES.get("txt"), ("<" + iri + "> is available as " + HTML + ", " + TURTLE + ", "
                    + NTRIPLES + " and " + JSONLD + "\n").getBytes(StandardCharsets.UTF_8));
            return true;
        }
        String type = choice.getContentTypeStr();
        if (type.equals(HTML) || type.equals("application/xhtml+xml")) {
            String target = Files.isRegularFile(g.site().resolve(rel + ".html")) ? rel + ".html" : rel + ".ttl";
            resp.setStatus(303);
            resp.setHeader("Location", req.getContextPath() + "/" + target);
            return true;
        }
        Model description = EntityDescriptions.usedPrefixesOnly(EntityDescriptions.describe(g.graph(), entity));
        String body = switch (type) {
            case TURTLE -> Deterministic.turtle(description);
            case JSONLD -> Deterministic.jsonld(description);
            default -> ntriples(description);
        };
        send(resp, 200, type.equals(JSONLD) ? JSONLD : type + "; charset=utf-8",
                body.getBytes(StandardCharsets.UTF_8));
        return true;
    }

    private static String ntriples(Model m) {
        StringWriter w = new StringWriter();
        RDFDataMgr.write(w, m, Lang.NTRIPLES);
        return w.toString().lines().sorted().reduce(new StringBuilder(), (sb, l) -> sb.append(l).append('\n'),
                StringBuilder::append).toString();
    }

    private void sendFile(HttpServletResponse resp, int status, Generation g, Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            send(resp, 404, TYPES.get("txt"), "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (live && ext.equals("html")) {
            bytes = inject(bytes, g.number());
            resp.setHeader("Cache-Control", "no-store");
        }
        send(resp, status, TYPES.getOrDefault(ext, "application/octet-stream"), bytes);
    }

    /** The page with the live-reload script before {@code </body>} (or at the end). */
    static byte[] inject(byte[] html, long generation) {
        String page = new String(html, StandardCharsets.UTF_8);
        String tag = "<script src=\"" + LIVE_SCRIPT + "\" data-generation=\"" + generation + "\"></script>";
        int at = page.lastIndexOf("</body>");
        String out = at < 0 ? page + tag : page.substring(0, at) + tag + page.substring(at);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpServletResponse resp, int status, String type, byte[] body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(type);
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }
}
