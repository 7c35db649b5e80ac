package org.guidegraph.serve;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Answers a SPARQL query request the endpoint has answered before, for the generation being served, from
 * {@link SparqlAnswers}; otherwise lets the endpoint answer and, from the second time a request is seen, keeps a
 * copy of a successful (200) answer. Errors,
 * time-outs and answers cut short are never kept, so they are computed afresh each time.
 *
 * <p>Two requests are the same when method, path, Accept header, parameters and (for
 * {@code application/sparql-query}) body are the same. CORS headers are not part of a kept answer: the CORS filter
 * runs before this one and sets them for each request's own origin.
 */
final class AnswerCacheFilter extends HttpFilter {

    /** A query body larger than this is passed on without being looked up. */
    private static final int MAX_BODY = 64 * 1024;
    /** Headers that belong to one response, not to the answer. */
    private static final Set<String> NOT_KEPT = Set.of("content-type", "content-length", "date", "fuseki-request-id");

    private final transient Supplier<SparqlAnswers> answers;

    AnswerCacheFilter(Supplier<SparqlAnswers> answers) {
        this.answers = answers;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String method = req.getMethod();
        if (!method.equals("GET") && !method.equals("POST")) {
            chain.doFilter(req, resp);
            return;
        }
        HttpServletRequest request = req;
        byte[] body = null;
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (method.equals("POST") && type.startsWith("application/sparql-query")) {
            if (req.getContentLengthLong() > MAX_BODY) {
                chain.doFilter(req, resp);
                return;
            }
            body = req.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                chain.doFilter(new Replayed(req, body, req.getInputStream()), resp);
                return;
            }
            request = new Replayed(req, body, null);
        } else if (method.equals("POST") && !type.isEmpty() && !type.startsWith("application/x-www-form-urlencoded")) {
            chain.doFilter(req, resp);
            return;
        }
        String key = key(req, body);
        SparqlAnswers kept = answers.get();
        SparqlAnswers.Answer answer = kept.get(key);
        if (answer != null) {
            replay(resp, answer);
            return;
        }
        if (!kept.worthKeeping(key)) {
            chain.doFilter(request, resp);
            return;
        }
        Recording recording = new Recording(resp);
        chain.doFilter(request, recording);
        recording.answer().ifPresent(a -> kept.put(key, a));
    }

    private static String key(HttpServletRequest req, byte[] body) {
        StringBuilder key = new StringBuilder(req.getMethod()).append(' ').append(req.getRequestURI()).append('\n');
        String accept = req.getHeader("Accept");
        key.append(accept == null ? "" : accept).append('\n');
        for (Map.Entry<String, String[]> p : new TreeMap<>(req.getParameterMap()).entrySet()) {
            key.append(p.getKey().length()).append(':').append(p.getKey());
            for (String v : p.getValue()) {
                key.append(' ').append(v.length()).append(':').append(v);
            }
            key.append('\n');
        }
        if (body != null) {
            key.append("body ").append(new String(body, StandardCharsets.UTF_8));
        }
        return key.toString();
    }

    private static void replay(HttpServletResponse resp, SparqlAnswers.Answer answer) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(answer.contentType());
        List<String> headers = answer.headers();
        for (int i = 0; i < headers.size(); i += 2) {
            resp.addHeader(headers.get(i), headers.get(i + 1));
        }
        resp.setContentLength(answer.body().length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(answer.body());
        }
    }

    /** A request whose body was read here, given again to whoever reads it next. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final ServletInputStream in;

        Replayed(HttpServletRequest req, byte[] read, ServletInputStream rest) {
            super(req);
            ByteArrayInputStream head = new ByteArrayInputStream(read);
            this.in = new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    int b = head.read();
                    return b >= 0 || rest == null ? b : rest.read();
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = head.read(buf, off, len);
                    return n >= 0 || rest == null ? n : rest.read(buf, off, len);
                }

                @Override
                public boolean isFinished() {
                    return head.available() == 0 && (rest == null || rest.isFinished());
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the query body was already read; read it blocking");
                }
            };
        }

        @Override
        public ServletInputStream getInputStream() {
            return in;
        }

        @Override
        public BufferedReader getReader() {
            String cs = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(in, Charset.forName(cs)));
        }
    }

    /**
     * The endpoint's response, passed through as it is written and copied on the side; the copy is an answer to
     * keep only if the status stayed 200, no error was sent and the body fitted.
     */
    private static final class Recording extends HttpServletResponseWrapper {

        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private ServletOutputStream out;
        private int status = SC_OK;
        private boolean spoilt;

        Recording(HttpServletResponse resp) {
            super(resp);
        }

        Optional<SparqlAnswers.Answer> answer() {
            if (spoilt || status != SC_OK || out == null || getContentType() == null) {
                return Optional.empty();
            }
            List<String> kept = new ArrayList<>();
            headers.forEach((name, values) -> values.forEach(v -> {
                kept.add(name);
                kept.add(v);
            }));
            return Optional.of(new SparqlAnswers.Answer(getContentType(), List.copyOf(kept),
                    copy.toByteArray()));
        }

        private void header(String name, String value, boolean replace) {
            if (NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))
                    || name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                return;
            }
            List<String> values = replace ? null : headers.get(name);
            if (values == null) {
                values = new ArrayList<>();
                headers.put(name, values);
            }
            values.add(value);
        }

        @Override
        public void setHeader(String name, String value) {
            header(name, value, true);
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            header(name, value, false);
            super.addHeader(name, value);
        }

        @Override
        public void setIntHeader(String name, int value) {
            header(name, Integer.toString(value), true);
            super.setIntHeader(name, value);
        }

        @Override
        public void addIntHeader(String name, int value) {
            header(name, Integer.toString(value), false);
            super.addIntHeader(name, value);
        }

        @Override
        public void setDateHeader(String name, long date) {
            spoilt = true;
            super.setDateHeader(name, date);
        }

        @Override
        public void addDateHeader(String name, long date) {
            spoilt = true;
            super.addDateHeader(name, date);
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            spoilt = true;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            spoilt = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            spoilt = true;
            super.sendRedirect(location);
        }

        @Override
        public void reset() {
            spoilt = true;
            super.reset();
        }

        @Override
        public void resetBuffer() {
            spoilt = true;
            super.resetBuffer();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            spoilt = true;
            return super.getWriter();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                ServletOutputStream real = super.getOutputStream();
                out = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        real.write(b);
                        keep(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        real.write(b, off, len);
                        keep(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        real.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        real.close();
                    }

                    @Override
                    public boolean isReady() {
                        return real.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        real.setWriteListener(listener);
                    }
                };
            }
            return out;
        }

        private void keep(byte[] b, int off, int len) {
            if (spoilt) {
                return;
            }
            if (copy.size() + len > SparqlAnswers.MAX_ANSWER_BYTES) {
                spoilt = true;
                return;
            }
            copy.write(b, off, len);
        }
    }
}
