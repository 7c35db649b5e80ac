package org.guidegraph.query;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.query.Query;

/**
 * Named queries parsed by one build, and the rows they returned in the last good build, kept for the next build of
 * the same guide. A regeneration parses the same named queries again, and on a small guide parsing is a large part
 * of its time; at scale, running them is. A query is parsed again when its text (with its prefixes) changed; it is
 * run again when that, or a change of the graph its {@link QueryFootprint} can match, happened (see
 * {@link NamedQueries#prefetch(int, java.util.Optional)}). Executions never change a parsed query, so builds can
 * share one.
 */
public final class ParsedQueries {

    /** The rows of a query as it was parsed, in the last good build. */
    private record Kept(Query query, QueryRows rows) {
    }

    private Map<String, Query> last = Map.of();
    private final Map<String, Query> current = new HashMap<>();
    private final Map<Query, QueryFootprint> footprints = new IdentityHashMap<>();
    private final Map<Query, Optional<PartialRerun>> partials = new IdentityHashMap<>();
    private volatile Map<String, Kept> kept = Map.of();

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
        Map<Query, QueryFootprint> still = new IdentityHashMap<>();
        for (Query q : current.values()) {
            QueryFootprint f = footprints.get(q);
            if (f != null) {
                still.put(q, f);
            }
        }
        footprints.clear();
        footprints.putAll(still);
        java.util.Set<Query> live = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        live.addAll(current.values());
        partials.keySet().retainAll(live);
        last = Map.copyOf(current);
        current.clear();
    }

    /** The footprint of a query this parsed, worked out once. */
    synchronized QueryFootprint footprint(Query query) {
        return footprints.computeIfAbsent(query, QueryFootprint::of);
    }

    /** How a query this parsed is re-run for part of its rows, worked out once; null if it cannot be. */
    synchronized PartialRerun partial(Query query) {
        return partials.computeIfAbsent(query, q -> Optional.ofNullable(PartialRerun.of(q))).orElse(null);
    }

    /**
     * Keeps the rows {@code queries} returned as the last good build's: call it once the build that ran them was
     * published, together with {@code GuideLoader.Reuse.commit}, so that the rows and the graph the next
     * {@code GuideGraph.delta()} is measured from belong to the same build.
     */
    public void keep(NamedQueries queries) {
        Map<String, Kept> k = new HashMap<>();
        queries.results().forEach((name, rows) -> k.put(name, new Kept(queries.get(name).query(), rows)));
        kept = Map.copyOf(k);
    }

    /** Forgets the kept rows: the next build runs every query. */
    public void forget() {
        kept = Map.of();
    }

    /** The rows query {@code name} returned in the last good build, if it was {@code query} then too; else null. */
    QueryRows kept(String name, Query query) {
        Kept k = kept.get(name);
        return k != null && (k.query() == query || k.query().equals(query)) ? k.rows() : null;
    }

    /** The rows of the last good build, by query name (as kept by {@link #keep}). */
    public Map<String, QueryRows> keptRows() {
        Map<String, QueryRows> out = new HashMap<>();
        kept.forEach((name, k) -> out.put(name, k.rows()));
        return out;
    }
}
