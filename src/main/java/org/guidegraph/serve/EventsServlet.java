package org.guidegraph.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guidegraph.output.JsonText;

/**
 * Server-sent events for open pages: {@code reload} when a new generation is served (or was served since the page
 * was rendered: the client says which generation it shows with {@code ?since=N}), {@code problems} with the
 * diagnostics of a failed regeneration (an empty list clears the overlay). A comment every few seconds finds
 * closed connections.
 *
 * <p>A stream holds no thread: the request goes asynchronous, and events are written with non-blocking I/O when
 * the state changes (on the thread that changed it) or a heartbeat is due (on one timer thread for all streams).
 * So hundreds of open tabs cost hundreds of connections, not hundreds of the server's threads.
 */
final class EventsServlet extends HttpServlet {

    private static final long HEARTBEAT_MILLIS = 5_000;
    /** A page that stops reading is dropped once this much waits for it (it reconnects when it can read again). */
    private static final int MAX_QUEUED_BYTES = 64 * 1024;

    private final transient LiveReload live;
    private final transient Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private transient ScheduledExecutorService heartbeat;

    EventsServlet(LiveReload live) {
        this.live = live;
        live.listen(this::changed);
    }

    @Override
    public void init() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "guidegraph-events-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(() -> streams.forEach(s -> s.send(": keep-alive\n\n")), HEARTBEAT_MILLIS,
                HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        streams.forEach(Stream::end);
    }

    /** How many streams are open. */
    int open() {
        return streams.size();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/event-stream");
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setHeader("Cache-Control", "no-store");
        long since = parse(req.getParameter("since"));
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        LiveReload.State s = live.state();
        StringBuilder first = new StringBuilder("retry: 500\n\n");
        if (since >= 0 && s.generation() != since) {
            first.append("event: reload\ndata: ").append(s.generation()).append("\n\n");
        }
        if (!s.problems().isEmpty()) {
            problems(first, s);
        }
        Stream stream = new Stream(async, resp.getOutputStream(), s);
        async.addListener(stream);
        streams.add(stream);
        stream.send(first.toString());
        resp.getOutputStream().setWriteListener(stream);
        // A change between reading the state and joining the streams would be missed; catch up with it.
        if (live.closed()) {
            stream.end();
        } else {
            stream.changed(live.state());
        }
    }

    private void changed(LiveReload.State next) {
        if (live.closed()) {
            streams.forEach(Stream::end);
        } else {
            streams.forEach(s -> s.changed(next));
        }
    }

    private static void problems(StringBuilder out, LiveReload.State s) {
        StringBuilder json = new StringBuilder("[");
        for (String p : s.problems()) {
            json.append(json.length() > 1 ? "," : "").append(JsonText.quote(p));
        }
        out.append("event: problems\ndata: ").append(json.append(']')).append("\n\n");
    }

    private static long parse(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * One open page's stream: what is still to be written, written whenever the connection can take it. Every
     * method may be called from any thread; the lock is the stream's own and is never held while waiting.
     */
    private final class Stream implements WriteListener, AsyncListener {

        private final AsyncContext async;
        private final ServletOutputStream out;
        private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
        private LiveReload.State seen;
        private int queued;
        private boolean listening;
        private boolean unflushed;
        private boolean ended;

        Stream(AsyncContext async, ServletOutputStream out, LiveReload.State seen) {
            this.async = async;
            this.out = out;
            this.seen = seen;
        }

        /** Sends what changed since the state this page last heard of. */
        synchronized void changed(LiveReload.State next) {
            if (next.version() <= seen.version()) {
                return;
            }
            StringBuilder text = new StringBuilder();
            if (next.generation() != seen.generation()) {
                text.append("event: reload\ndata: ").append(next.generation()).append("\n\n");
            }
            problems(text, next);
            seen = next;
            send(text.toString());
        }

        synchronized void send(String text) {
            if (ended) {
                return;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            queued += bytes.length;
            if (queued > MAX_QUEUED_BYTES) {
                end();
                return;
            }
            queue.add(bytes);
            if (listening) {
                drain();
            }
        }

        /** Writes while the connection takes it; when it does not, the container calls back once it does. */
        private synchronized void drain() {
            try {
                while (!ended && out.isReady()) {
                    byte[] next = queue.poll();
                    if (next != null) {
                        queued -= next.length;
                        out.write(next);
                        unflushed = true;
                    } else if (unflushed) {
                        unflushed = false;
                        out.flush();
                    } else {
                        return;
                    }
                }
            } catch (IOException | IllegalStateException e) {
                end();
            }
        }

        @Override
        public synchronized void onWritePossible() {
            listening = true;
            drain();
        }

        @Override
        public void onError(Throwable t) {
            end();
        }

        synchronized void end() {
            if (ended) {
                return;
            }
            ended = true;
            queue.clear();
            streams.remove(this);
            try {
                async.complete();
            } catch (IllegalStateException e) {
                // already completed by the container (the connection closed): nothing left to end
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            end();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            end();
        }

        @Override
        public void onError(AsyncEvent event) {
            end();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // a stream goes asynchronous once only
        }
    }
}
