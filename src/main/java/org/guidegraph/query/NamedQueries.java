package org.guidegraph.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.jena.enhanced.EnhGraph;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.impl.LiteralImpl;
import org.apache.jena.rdf.model.impl.ResourceImpl;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.graph.GraphDelta;
import org.guidegraph.internal.Workers;
import org.guidegraph.source.GuideSources;
import org.guidegraph.source.SourceFile;
import org.guidegraph.source.SourceKind;

/**
 * The named queries of a guide ({@code templates/queries/*.rq}) and their results. A query that uses {@code ?this}
 * runs once for all entities and is grouped by {@code ?this}, so each page's rows cost a lookup, not a query.
 */
public final class NamedQueries {

    private final Map<String, NamedQuery> byName;
    /** The same, for lookups: pages ask once per read, tens of thousands of times on a large guide. */
    private final Map<String, NamedQuery> lookup;
    private final Dataset dataset;
    private final ParsedQueries parsed;
    private final Map<String, QueryRows> results = new ConcurrentHashMap<>();
    private final Set<String> kept = ConcurrentHashMap.newKeySet();
    private final Set<String> rerunInPart = ConcurrentHashMap.newKeySet();

    private NamedQueries(Map<String, NamedQuery> byName, Dataset dataset, ParsedQueries parsed) {
        this.byName = byName;
        this.lookup = new java.util.HashMap<>(byName);
        this.dataset = dataset;
        this.parsed = parsed;
    }

    /** Parses every query file; each that does not parse is reported with its position and left out. */
    public static NamedQueries load(GuideSources sources, Dataset dataset, Map<String, String> prefixes,
            Diagnostics out) {
        return load(sources, dataset, prefixes, out, new ParsedQueries());
    }

    /** As {@link #load(GuideSources, Dataset, Map, Diagnostics)}, reusing the queries {@code parsed} holds. */
    public static NamedQueries load(GuideSources sources, Dataset dataset, Map<String, String> prefixes,
            Diagnostics out, ParsedQueries parsed) {
        String prologue = prologue(prefixes);
        Map<String, NamedQuery> byName = new TreeMap<>();
        for (SourceFile f : sources.ofKind(SourceKind.QUERY)) {
            String name = f.name().substring(0, f.name().length() - ".rq".length());
            try {
                Query q = parsed.parse(prologue, f.text(), f.path(), 1);
                boolean perEntity = q.getProjectVars().contains(Var.alloc(NamedQuery.THIS))
                        || f.text().contains("?" + NamedQuery.THIS);
                if (q.isSelectType() && !q.hasOrderBy()) {
                    out.add(Diagnostic.warning(new SourcePosition(f.path(), 1, 1), "query " + name
                            + " has no ORDER BY, so its rows may come in a different order from build to build",
                            "add ORDER BY with a tie-breaker (e.g. ORDER BY ?order ?label ?s)"));
                }
                byName.put(name, new NamedQuery(name, f.path(), f.text(), q, perEntity));
            } catch (QueryProblem e) {
                out.add(e.diagnostic());
            }
        }
        parsed.next();
        return new NamedQueries(byName, dataset, parsed);
    }

    /** PREFIX lines for the given prefixes, sorted. */
    public static String prologue(Map<String, String> prefixes) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(prefixes).forEach((p, ns) -> sb.append("PREFIX ").append(p).append(": <").append(ns)
                .append(">\n"));
        return sb.toString();
    }

    public boolean has(String name) {
        return lookup.containsKey(name);
    }

    public NamedQuery get(String name) {
        return lookup.get(name);
    }

    /** All queries, by name. */
    public Map<String, NamedQuery> all() {
        return Collections.unmodifiableMap(byName);
    }

    /**
     * Runs every SELECT query now, on {@code threads} threads, so that pages rendered next find their rows ready
     * instead of waiting, one page per query, for another page's query to finish. A query that fails is left to
     * fail again where a page reads it, which reports it against that page.
     */
    public void prefetch(int threads) {
        prefetch(threads, Optional.empty());
    }

    /**
     * As {@link #prefetch(int)}, keeping the rows of the last good build (as {@link ParsedQueries#keep} kept them)
     * for each query that is the same and whose {@link QueryFootprint} no triple of {@code delta} (the changes since
     * that build) can match. An empty delta (unknown), or a changed ontology, runs every query.
     */
    public void prefetch(int threads, Optional<GraphDelta> delta) {
        List<NamedQuery> selects = new ArrayList<>();
        for (NamedQuery q : byName.values()) {
            if (!q.query().isSelectType()) {
                continue;
            }
            QueryRows before = delta.isPresent() && !delta.get().ontologyChanged()
                    ? parsed.kept(q.name(), q.query()) : null;
            Graph graph = dataset.asDatasetGraph().getDefaultGraph();
            if (before == null) {
                selects.add(q);
            } else if (!parsed.footprint(q.query()).canChange(delta.get(), graph)) {
                results.put(q.name(), before);
                kept.add(q.name());
            } else {
                QueryRows part = rerunPart(parsed.partial(q.query()), before, delta.get(), dataset);
                if (part != null) {
                    results.put(q.name(), part);
                    rerunInPart.add(q.name());
                } else {
                    selects.add(q);
                }
            }
        }
        if (selects.isEmpty()) {
            return;
        }
        ExecutorService pool = Workers.pool("query", Math.min(threads, selects.size()));
        try {
            List<Future<?>> done = new ArrayList<>();
            // the costliest first would be best; in the absence of figures, the order of names is as good as any
            for (NamedQuery q : selects) {
                done.add(pool.submit(() -> {
                    try {
                        QueryRows r = results(q.name());
                        if (q.perEntity()) {
                            r.byThis();
                        }
                    } catch (RuntimeException e) {
                        // reported when a page reads the query
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** True if the rows of query {@code name} are the last good build's, kept because no change could reach them. */
    public boolean kept(String name) {
        return kept.contains(name);
    }

    /** True if the rows of query {@code name} are the last good build's with those a change reached run again. */
    public boolean rerunInPart(String name) {
        return rerunInPart.contains(name);
    }

    /** The rows of each query that has run (or was kept) so far, by name. */
    public Map<String, QueryRows> results() {
        return Collections.unmodifiableMap(results);
    }

    /** The rows of SELECT query {@code name}, running it if it has not run. */
    public QueryRows results(String name) {
        NamedQuery q = byName.get(name);
        if (q == null) {
            throw new IllegalArgumentException("no query named '" + name + "' in templates/queries/ (have: "
                    + String.join(", ", byName.keySet()) + ")");
        }
        return results.computeIfAbsent(name, n -> run(q));
    }

    /**
     * The rows of a SELECT query, for the page of {@code entityIri} if the query uses {@code ?this}
     * (null entity: all rows). Rows keep the query's order.
     */
    public List<Map<String, RDFNode>> rows(String name, String entityIri) {
        QueryRows r = results(name);
        return !byName.get(name).perEntity() || entityIri == null ? r.all() : r.of(entityIri);
    }

    /**
     * The rows of a query (all of them, for a {@code ?this} query too) whose {@code variables} are bound to
     * {@code values} (IRIs, or literals' lexical forms), in the query's order. The rows are grouped once per query
     * and variables, so a page (or a table cell) per group costs a lookup, not a pass over every row.
     */
    public List<Map<String, RDFNode>> rowsWhere(String name, List<String> variables, List<String> values) {
        // List.of(...) rejects contains(null), so look for null values one by one
        if (variables.size() != values.size() || values.stream().anyMatch(java.util.Objects::isNull)) {
            return List.of();
        }
        return results(name).where(variables, values);
    }

    /** The first row of each value of {@code variable} (rows leaving it unbound are skipped), in the query's order. */
    public List<Map<String, RDFNode>> firstRows(String name, String variable) {
        return results(name).firsts(variable);
    }

    /**
     * The rows of a query after {@code delta}, from {@code before} (its rows in the last good build) and a run for
     * the rows the change can reach; null if the query is not split that way ({@code partial} null), or the change
     * reaches too many of its rows for a partial run to pay.
     */
    static QueryRows rerunPart(PartialRerun partial, QueryRows before, GraphDelta delta, Dataset dataset) {
        PartialRerun.Rows kept = before.withPivots();
        if (partial == null || kept == null) {
            return null;
        }
        Set<Node> reached = partial.reached(delta, dataset.asDatasetGraph().getDefaultGraph(),
                Math.max(256, kept.rows().size() / 4));
        if (reached == null) {
            return null;
        }
        PartialRerun.Rows fresh = reached.isEmpty() ? new PartialRerun.Rows(List.of(), List.of())
                : partial.split(select(dataset, partial.restrictedTo(reached)));
        PartialRerun.Merged merged = partial.merge(kept, reached, fresh);
        return new QueryRows(merged.rows().rows(), merged.rows().pivots(), before, merged.was(), merged.is(),
                partial.rowOrder());
    }

    private QueryRows run(NamedQuery q) {
        if (!q.query().isSelectType()) {
            throw new IllegalArgumentException("query " + q.name() + " is not a SELECT; views need rows");
        }
        return runWhole(q.query(), parsed.partial(q.query()), dataset);
    }

    /** All rows of a SELECT query, with their pivot values if {@code partial} (its plan) is not null. */
    static QueryRows runWhole(Query query, PartialRerun partial, Dataset dataset) {
        if (partial == null) {
            return new QueryRows(select(dataset, query));
        }
        PartialRerun.Rows r = partial.split(select(dataset, partial.whole()));
        return new QueryRows(r.rows(), r.pivots());
    }

    private static List<Map<String, RDFNode>> select(Dataset dataset, Query query) {
        List<Map<String, RDFNode>> rows = new ArrayList<>();
        try (QueryExec exec = SparqlQueries.exec(dataset, query, Map.of())) {
            RowSet rs = exec.select();
            List<Var> vars = rs.getResultVars();
            ResultRow.Columns columns = new ResultRow.Columns(vars.stream().map(Var::getVarName).toList());
            while (rs.hasNext()) {
                Binding b = rs.next();
                RDFNode[] terms = new RDFNode[vars.size()];
                for (int i = 0; i < terms.length; i++) {
                    Node n = b.get(vars.get(i));
                    if (n != null) {
                        terms[i] = term(n);
                    }
                }
                rows.add(new ResultRow(columns, terms));
            }
        }
        return rows;
    }

    /**
     * A term of a result without the model it came from: rows may outlive their build (kept for the next one), and
     * a term bound to its model would keep that build's whole graph in memory.
     */
    private static RDFNode term(Node n) {
        return n.isLiteral() ? new LiteralImpl(n, (EnhGraph) null) : new ResourceImpl(n, (EnhGraph) null);
    }
}
