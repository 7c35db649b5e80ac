package org.guidegraph.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses SPARQL Update at the endpoint with a message that says why. (The endpoint offers only the query
 * operation, so an update could never run; Fuseki alone would answer "Unsupported: application/sparql-update"
 * or "No 'query=' parameter".)
 */
final class ReadOnlyFilter extends HttpFilter {

    static final String MESSAGE = "This SPARQL endpoint is read-only: updates are refused. The graph is built from "
            + "the guide's files; change those instead (the server rebuilds when they change).\n";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String type = req.getContentType();
        boolean update = (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/sparql-update"))
                || req.getParameter("update") != null;
        if (!update) {
            chain.doFilter(req, resp);
            return;
        }
        // Read the update's text before answering: with the request half read, the server closes the connection
        // after the answer, and a client that keeps connections alive meets a dead one on its next request.
        if (!discard(req.getInputStream(), MAX_DISCARDED)) {
            resp.setHeader("Connection", "close");
        }
        byte[] body = MESSAGE.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(HttpServletResponse.SC_FORBIDDEN);
        resp.setContentType("text/plain; charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** The most of a refused update's text read (and dropped) to keep its connection usable. */
    private static final long MAX_DISCARDED = 1 << 20;

    /** Reads and drops the request's body; false if it is longer than {@code max} bytes (the rest is left). */
    private static boolean discard(java.io.InputStream in, long max) throws IOException {
        byte[] buffer = new byte[8192];
        long read = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            read += n;
            if (read > max) {
                return false;
            }
        }
        return true;
    }
}
