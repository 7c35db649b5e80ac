package org.guidegraph.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guidegraph.output.JsonText;

/**
 * Server-sent events for open pages: {@code reload} when a new generation is served (or was served since the page
 * was rendered: the client says which generation it shows with {@code ?since=N}), {@code problems} with the
 * diagnostics of a failed regeneration (an empty list clears the overlay). A comment every few seconds finds
 * closed connections.
 */
final class EventsServlet extends HttpServlet {

    private static final long HEARTBEAT_MILLIS = 5_000;

    private final transient LiveReload live;

    EventsServlet(LiveReload live) {
        this.live = live;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/event-stream");
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setHeader("Cache-Control", "no-store");
        long since = parse(req.getParameter("since"));
        PrintWriter out = resp.getWriter();
        LiveReload.State s = live.state();
        out.write("retry: 500\n\n");
        if (since >= 0 && s.generation() != since) {
            out.write("event: reload\ndata: " + s.generation() + "\n\n");
        }
        if (!s.problems().isEmpty()) {
            problems(out, s);
        }
        out.flush();
        resp.flushBuffer();
        long seen = s.version();
        try {
            while (!live.closed()) {
                LiveReload.State next = live.await(seen, HEARTBEAT_MILLIS);
                if (next.version() == seen) {
                    out.write(": keep-alive\n\n");
                } else {
                    if (next.generation() != s.generation()) {
                        out.write("event: reload\ndata: " + next.generation() + "\n\n");
                    }
                    problems(out, next);
                    s = next;
                    seen = next.version();
                }
                out.flush();
                resp.flushBuffer();
                if (out.checkError()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void problems(PrintWriter out, LiveReload.State s) {
        StringBuilder json = new StringBuilder("[");
        for (String p : s.problems()) {
            json.append(json.length() > 1 ? "," : "").append(JsonText.quote(p));
        }
        out.write("event: problems\ndata: " + json.append(']') + "\n\n");
    }

    private static long parse(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
