package org.guidegraph.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SPARQL endpoint's successful answers for one generation, by request. A generation never changes, so the same
 * request (query text, parameters and Accept header) always gets the same answer; the guide's named queries — the
 * ones every page links to — are asked again and again, and after the first time cost a lookup instead of a parse,
 * an execution and a serialisation. A new generation comes with a new, empty instance, swapped in with the dataset.
 *
 * <p>An answer is kept the second time its request is seen, so that one-off queries (a user's experiments) cost
 * neither a copy nor the eviction of answers that are asked for again. Bounded twice: answers larger than
 * {@link #MAX_ANSWER_BYTES} are not kept, and when the kept bytes pass {@link #MAX_TOTAL_BYTES} the least recently
 * used answers go.
 */
final class SparqlAnswers {

    /** Larger answers are streamed and not kept. */
    static final int MAX_ANSWER_BYTES = 1 << 20;
    /** What all kept answers of a generation may hold. */
    static final long MAX_TOTAL_BYTES = 32L << 20;

    /**
     * One answer as it was sent.
     *
     * @param contentType the Content-Type header
     * @param headers other headers the endpoint set (e.g. the row cap), name then value
     * @param body the bytes of the body
     */
    record Answer(String contentType, List<String> headers, byte[] body) {

        long size() {
            long n = body.length + contentType.length();
            for (String h : headers) {
                n += h.length();
            }
            return n;
        }
    }

    /** How many requests seen once are remembered (by hash: a collision only keeps an answer a little early). */
    static final int SEEN_ONCE = 4096;

    private final Map<String, Answer> byRequest = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Integer, Boolean> seenOnce = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
            return size() > SEEN_ONCE;
        }
    };
    private long bytes;

    /**
     * Whether the answer to this request (not kept) is worth keeping once computed: true if the request was seen
     * before.
     */
    synchronized boolean worthKeeping(String request) {
        return seenOnce.put(request.hashCode(), Boolean.TRUE) != null;
    }

    /** The kept answer to a request, or null. */
    synchronized Answer get(String request) {
        return byRequest.get(request);
    }

    /** Keeps an answer, unless it is too large; drops the least recently used ones to stay in bounds. */
    synchronized void put(String request, Answer answer) {
        long size = answer.size() + request.length();
        if (answer.body().length > MAX_ANSWER_BYTES) {
            return;
        }
        Answer old = byRequest.put(request, answer);
        if (old != null) {
            bytes -= old.size() + request.length();
        }
        bytes += size;
        var oldest = byRequest.entrySet().iterator();
        while (bytes > MAX_TOTAL_BYTES && oldest.hasNext()) {
            var e = oldest.next();
            bytes -= e.getValue().size() + e.getKey().length();
            oldest.remove();
        }
    }

    /** How many answers are kept. */
    synchronized int size() {
        return byRequest.size();
    }
}
