package org.guidegraph.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.diagnostic.SourcePosition;
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
    private final Dataset dataset;
    private final Map<String, Map<String, List<Map<String, RDFNode>>>> grouped = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, RDFNode>>> whole = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<Map<String, RDFNode>>>> byVariable = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, RDFNode>>> firsts = new ConcurrentHashMap<>();

    private NamedQueries(Map<String, NamedQuery> byName, Dataset dataset) {
        this.byName = byName;
        this.dataset = dataset;
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
        return new NamedQueries(byName, dataset);
    }

    /** PREFIX lines for the given prefixes, sorted. */
    public static String prologue(Map<String, String> prefixes) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(prefixes).forEach((p, ns) -> sb.append("PREFIX ").append(p).append(": <").append(ns)
                .append(">\n"));
        return sb.toString();
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    public NamedQuery get(String name) {
        return byName.get(name);
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
        List<NamedQuery> selects = byName.values().stream().filter(q -> q.query().isSelectType()).toList();
        if (selects.isEmpty()) {
            return;
        }
        java.util.concurrent.ExecutorService pool = Workers.pool("query", Math.min(threads, selects.size()));
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            // the costliest first would be best; in the absence of figures, the order of names is as good as any
            for (NamedQuery q : selects) {
                done.add(pool.submit(() -> {
                    try {
                        rows(q.name(), null);
                        if (q.perEntity()) {
                            rows(q.name(), "");
                        }
                    } catch (RuntimeException e) {
                        // reported when a page reads the query
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The rows of a SELECT query, for the page of {@code entityIri} if the query uses {@code ?this}
     * (null entity: all rows). Rows keep the query's order.
     */
    public List<Map<String, RDFNode>> rows(String name, String entityIri) {
        NamedQuery q = byName.get(name);
        if (q == null) {
            throw new IllegalArgumentException("no query named '" + name + "' in templates/queries/ (have: "
                    + String.join(", ", byName.keySet()) + ")");
        }
        if (!q.perEntity() || entityIri == null) {
            return whole.computeIfAbsent(name, n -> run(q));
        }
        Map<String, List<Map<String, RDFNode>>> groups = grouped.computeIfAbsent(name,
                n -> group(whole.computeIfAbsent(name, m -> run(q))));
        return groups.getOrDefault(entityIri, List.of());
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
        Map<String, List<Map<String, RDFNode>>> groups = byVariable.computeIfAbsent(
                name + " " + String.join(" ", variables), k -> {
                    Map<String, List<Map<String, RDFNode>>> g = new java.util.HashMap<>();
                    for (Map<String, RDFNode> row : rows(name, null)) {
                        List<String> key = new ArrayList<>(variables.size());
                        for (String v : variables) {
                            key.add(key(row.get(v)));
                        }
                        if (!key.contains(null)) {
                            g.computeIfAbsent(String.join("\u0000", key), x -> new ArrayList<>()).add(row);
                        }
                    }
                    return g;
                });
        return groups.getOrDefault(String.join("\u0000", values), List.of());
    }

    /** The first row of each value of {@code variable} (rows leaving it unbound are skipped), in the query's order. */
    public List<Map<String, RDFNode>> firstRows(String name, String variable) {
        return firsts.computeIfAbsent(name + " " + variable, k -> {
            java.util.Set<String> seen = new java.util.HashSet<>();
            List<Map<String, RDFNode>> out = new ArrayList<>();
            for (Map<String, RDFNode> row : rows(name, null)) {
                String key = key(row.get(variable));
                if (key != null && seen.add(key)) {
                    out.add(row);
                }
            }
            return Collections.unmodifiableList(out);
        });
    }

    private static String key(RDFNode n) {
        if (n == null) {
            return null;
        }
        if (n.isURIResource()) {
            return n.asResource().getURI();
        }
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : null;
    }

    private static Map<String, List<Map<String, RDFNode>>> group(List<Map<String, RDFNode>> rows) {
        Map<String, List<Map<String, RDFNode>>> groups = new LinkedHashMap<>();
        for (Map<String, RDFNode> row : rows) {
            RDFNode self = row.get(NamedQuery.THIS);
            if (self != null && self.isURIResource()) {
                groups.computeIfAbsent(self.asResource().getURI(), k -> new ArrayList<>()).add(row);
            }
        }
        return groups;
    }

    private List<Map<String, RDFNode>> run(NamedQuery q) {
        if (!q.query().isSelectType()) {
            throw new IllegalArgumentException("query " + q.name() + " is not a SELECT; views need rows");
        }
        List<Map<String, RDFNode>> rows = new ArrayList<>();
        try (QueryExec exec = SparqlQueries.exec(dataset, q.query(), Map.of())) {
            RowSet rs = exec.select();
            ResultSet results = ResultSet.adapt(rs);
            List<String> vars = results.getResultVars();
            while (results.hasNext()) {
                QuerySolution s = results.next();
                Map<String, RDFNode> row = new LinkedHashMap<>();
                for (String v : vars) {
                    RDFNode n = s.get(v);
                    if (n != null) {
                        row.put(v, n);
                    }
                }
                rows.add(Collections.unmodifiableMap(row));
            }
        }
        return Collections.unmodifiableList(rows);
    }
}
