package org.guidegraph.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guidegraph.output.JsonText;
import org.guidegraph.search.SearchHit;
import org.guidegraph.search.SearchIndex;
import org.guidegraph.search.SearchQueryException;

/**
 * {@code /search?q=WORDS&type=TYPE&limit=N}: the site's search, answered by Lucene on the server, as JSON
 * ({@code {"query":…, "results":[{title, url, type, snippet, score}]}}; urls are relative to the site root).
 * A missing, empty or unusable query, or a bad limit, gets 400 with {@code {"error": message}}.
 */
final class SearchServlet extends HttpServlet {

    static final int DEFAULT_LIMIT = 10;

    private final transient Supplier<Generation> generation;

    SearchServlet(Supplier<Generation> generation) {
        this.generation = generation;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String q = req.getParameter("q");
        String type = req.getParameter("type");
        if (q == null || q.isBlank()) {
            json(resp, 400, JsonText.error("give the words to search for as ?q=…, e.g. /search?q=autoscaling"));
            return;
        }
        int limit;
        try {
            limit = req.getParameter("limit") == null ? DEFAULT_LIMIT : Integer.parseInt(req.getParameter("limit"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > SearchIndex.MAX_LIMIT) {
            json(resp, 400, JsonText.error("limit must be a whole number from 1 to " + SearchIndex.MAX_LIMIT
                    + ", got " + req.getParameter("limit")));
            return;
        }
        SearchIndex index = generation.get().search();
        List<SearchHit> hits;
        try {
            hits = index.search(q, type == null || type.isBlank() ? null : type, limit);
        } catch (SearchQueryException e) {
            json(resp, 400, JsonText.error(e.getMessage()));
            return;
        }
        StringBuilder sb = new StringBuilder("{\"query\": ").append(JsonText.quote(q)).append(", \"results\": [");
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            sb.append(i == 0 ? "\n  " : ",\n  ")
                    .append("{\"title\": ").append(JsonText.quote(h.title()))
                    .append(", \"url\": ").append(JsonText.quote(h.url()))
                    .append(", \"type\": ").append(JsonText.quote(h.type()))
                    .append(", \"snippet\": ").append(JsonText.quote(h.snippet()))
                    .append(", \"score\": ").append(String.format(Locale.ROOT, "%.4f", h.score()))
                    .append('}');
        }
        sb.append(hits.isEmpty() ? "]}\n" : "\n]}\n");
        json(resp, 200, sb.toString());
    }

    private static void json(HttpServletResponse resp, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
