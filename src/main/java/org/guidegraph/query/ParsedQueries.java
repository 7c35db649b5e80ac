package org.guidegraph.query;

import java.util.HashMap;
import java.util.Map;

import org.apache.jena.query.Query;

/**
 * Queries parsed by one build, kept for the next build of the same guide: a regeneration parses the same named
 * queries again, and on a small guide parsing is a large part of its time. A query is parsed again when its text
 * (with its prefixes) changed. Executions never change a parsed query, so builds can share one.
 */
public final class ParsedQueries {

    private Map<String, Query> last = Map.of();
    private final Map<String, Query> current = new HashMap<>();

    /** As {@link SparqlQueries#parse}, returning the query parsed last time when the text is the same. */
    public synchronized Query parse(String prologue, String text, String file, int firstLine) throws QueryProblem {
        String whole = prologue + text;
        Query q = last.get(whole);
        if (q == null) {
            q = SparqlQueries.parse(prologue, text, file, firstLine);
        }
        current.put(whole, q);
        return q;
    }

    /** Ends a build's parsing: what it parsed is what the next build may reuse (and nothing older). */
    public synchronized void next() {
        last = Map.copyOf(current);
        current.clear();
    }
}
