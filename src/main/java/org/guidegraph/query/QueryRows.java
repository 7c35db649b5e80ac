package org.guidegraph.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.RDFNode;

/**
 * The rows one run of a named query returned, in the query's order, with the ways pages look them up (by
 * {@code ?this}, by the values of other variables, the first row of each value) worked out once, on first use.
 * Rows never change, so a later build whose change cannot reach the query keeps the whole object. Thread-safe.
 */
public final class QueryRows {

    private final List<Map<String, RDFNode>> rows;
    /** The pivot value of each row ({@link PartialRerun}), or null if the query is not split by one. */
    private final Pivots pivots;
    private volatile Map<String, List<Map<String, RDFNode>>> byThis;
    private final Map<String, Map<String, List<Map<String, RDFNode>>>> byVariables = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, RDFNode>>> firsts = new ConcurrentHashMap<>();

    QueryRows(List<Map<String, RDFNode>> rows) {
        this(rows, null);
    }

    QueryRows(List<Map<String, RDFNode>> rows, List<Node> pivots) {
        this(rows, pivots, null, null, null, null);
    }

    /**
     * Rows made from {@code base}'s by a partial re-run: {@code was} and {@code is} hold the rows of the pivot
     * values whose rows are not the same as before, as they were (base's objects) and as they are (in the query's
     * order, {@code order}). Every other row is {@code base}'s, in the same order relative to one another.
     */
    QueryRows(List<Map<String, RDFNode>> rows, List<Node> pivots, QueryRows base, List<Map<String, RDFNode>> was,
            List<Map<String, RDFNode>> is, java.util.Comparator<Map<String, RDFNode>> order) {
        this.rows = Collections.unmodifiableList(rows);
        this.pivots = pivots == null ? null : Pivots.of(pivots);
        this.baseId = base == null ? 0 : base.id;
        this.was = was == null ? null : List.copyOf(was);
        this.is = is == null ? null : List.copyOf(is);
        this.order = order;
        if (was != null && is != null) {
            List<Map<String, RDFNode>> both = new ArrayList<>(was);
            both.addAll(is);
            this.changed = List.copyOf(both);
        } else {
            this.changed = null;
        }
        if (base != null && changed != null) {
            // groupings the base worked out are patched where the changed rows are, not worked out anew
            this.inheritedWhere = new ConcurrentHashMap<>(base.byVariables);
            this.inheritedThis = base.byThis;
        }
    }

    /** The base's groupings, until these rows work out their own from them (then dropped). */
    private Map<String, Map<String, List<Map<String, RDFNode>>>> inheritedWhere;
    private volatile Map<String, List<Map<String, RDFNode>>> inheritedThis;

    /**
     * {@code base} (a grouping of the rows these were made from) with the groups that hold a changed row made
     * again from these rows; null if there is no such grouping.
     */
    private Map<String, List<Map<String, RDFNode>>> patched(Map<String, List<Map<String, RDFNode>>> base,
            List<String> variables) {
        if (base == null || changed == null) {
            return null;
        }
        Set<String> affected = new HashSet<>();
        for (Map<String, RDFNode> row : changed) {
            String k = groupKey(row, variables);
            if (k != null) {
                affected.add(k);
            }
        }
        if (affected.isEmpty()) {
            return base;
        }
        // each affected group: its rows that stayed, with the changed rows now in it put where the query's order
        // puts them (a few binary searches, not a pass over every row)
        Set<Map<String, RDFNode>> gone = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        gone.addAll(was);
        Map<String, List<Map<String, RDFNode>>> out = new HashMap<>();
        for (String k : affected) {
            List<Map<String, RDFNode>> group = new ArrayList<>();
            for (Map<String, RDFNode> row : base.getOrDefault(k, List.of())) {
                if (!gone.contains(row)) {
                    group.add(row);
                }
            }
            out.put(k, group);
        }
        for (Map<String, RDFNode> row : is) {
            String k = groupKey(row, variables);
            if (k == null) {
                continue;
            }
            List<Map<String, RDFNode>> group = out.get(k);
            int lo = 0;
            int hi = group.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (order.compare(group.get(mid), row) <= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            group.add(lo, row);
        }
        out.values().removeIf(List::isEmpty);
        return Overlay.of(base, affected, out);
    }

    /**
     * A grouping made from another by replacing some groups, without copying the others: a large query's
     * grouping has thousands of groups, a change touches a few. Read-only.
     */
    private static final class Overlay extends java.util.AbstractMap<String, List<Map<String, RDFNode>>> {
        private final Map<String, List<Map<String, RDFNode>>> base;
        private final Set<String> replaced;
        private final Map<String, List<Map<String, RDFNode>>> own;
        private final int depth;
        private volatile Map<String, List<Map<String, RDFNode>>> whole;

        private Overlay(Map<String, List<Map<String, RDFNode>>> base, Set<String> replaced,
                Map<String, List<Map<String, RDFNode>>> own, int depth) {
            this.base = base;
            this.replaced = replaced;
            this.own = own;
            this.depth = depth;
        }

        /** {@code base} with the groups of {@code replaced} keys replaced by those of {@code own} (or none). */
        static Map<String, List<Map<String, RDFNode>>> of(Map<String, List<Map<String, RDFNode>>> base,
                Set<String> replaced, Map<String, List<Map<String, RDFNode>>> own) {
            int depth = base instanceof Overlay o ? o.depth + 1 : 1;
            if (depth > 8) { // a long chain of regenerations: look-ups would walk it all
                base = new HashMap<>(base);
                depth = 1;
            }
            return new Overlay(base, replaced, own, depth);
        }

        @Override
        public List<Map<String, RDFNode>> get(Object key) {
            if (replaced.contains(key)) {
                return own.get(key);
            }
            return base.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return replaced.contains(key) ? own.containsKey(key) : base.containsKey(key);
        }

        @Override
        public List<Map<String, RDFNode>> getOrDefault(Object key, List<Map<String, RDFNode>> otherwise) {
            List<Map<String, RDFNode>> v = get(key);
            return v != null ? v : otherwise;
        }

        @Override
        public Set<Entry<String, List<Map<String, RDFNode>>>> entrySet() {
            Map<String, List<Map<String, RDFNode>>> w = whole;
            if (w == null) {
                Map<String, List<Map<String, RDFNode>>> m = new LinkedHashMap<>(base);
                replaced.forEach(m::remove);
                m.putAll(own);
                whole = w = Collections.unmodifiableMap(m);
            }
            return w.entrySet();
        }
    }

    /** The key of a row's group by {@code variables}, or null if one of them is unbound (or a blank node). */
    private static String groupKey(Map<String, RDFNode> row, List<String> variables) {
        if (variables.size() == 1) {
            return key(row.get(variables.get(0)));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < variables.size(); i++) {
            String k = key(row.get(variables.get(i)));
            if (k == null) {
                return null;
            }
            if (i > 0) {
                sb.append('\u0000');
            }
            sb.append(k);
        }
        return sb.toString();
    }

    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();
    /** Tells these rows from others, so that rows made from them can say so without holding on to them. */
    private final long id = IDS.incrementAndGet();
    private final long baseId;
    private final List<Map<String, RDFNode>> changed;
    private final List<Map<String, RDFNode>> was;
    private final List<Map<String, RDFNode>> is;
    private final java.util.Comparator<Map<String, RDFNode>> order;

    /** The rows that may differ from {@code before}'s, if these rows were made from them; else null. */
    private List<Map<String, RDFNode>> changedSince(QueryRows before) {
        return before != null && baseId != 0 && baseId == before.id ? changed : null;
    }

    /**
     * True if the rows whose {@code variables} are bound to {@code values} (see {@link #where}) are not those of
     * {@code before}: when these rows were made from those by a partial re-run, only the rows that changed are
     * looked at.
     */
    public boolean groupChangedSince(QueryRows before, List<String> variables, List<String> values) {
        List<Map<String, RDFNode>> diff = changedSince(before);
        if (diff == null) {
            return !where(variables, values).equals(before.where(variables, values));
        }
        for (Map<String, RDFNode> row : diff) {
            boolean in = true;
            for (int i = 0; i < variables.size() && in; i++) {
                in = java.util.Objects.equals(values.get(i), key(row.get(variables.get(i))));
            }
            if (in) {
                return true;
            }
        }
        return false;
    }

    /**
     * The groups (values of {@code variables}, as {@link #where} takes them) whose rows are not those of
     * {@code before}, when these rows were made from those by a partial re-run: the groups of the rows that
     * changed. Null when that is not known without comparing group by group ({@link #groupChangedSince}).
     */
    public Set<List<String>> groupsChangedSince(QueryRows before, List<String> variables) {
        List<Map<String, RDFNode>> diff = changedSince(before);
        if (diff == null) {
            return null;
        }
        Set<List<String>> out = new HashSet<>();
        for (Map<String, RDFNode> row : diff) {
            List<String> values = new ArrayList<>(variables.size());
            for (String v : variables) {
                values.add(key(row.get(v)));
            }
            out.add(values);
        }
        return out;
    }

    /** The rows with their pivot values, or null if the query that gave them is not split by a pivot. */
    PartialRerun.Rows withPivots() {
        return pivots == null ? null : new PartialRerun.Rows(rows, pivots);
    }

    /** All rows, in the query's order. */
    public List<Map<String, RDFNode>> all() {
        return rows;
    }

    /** The rows whose {@code ?this} is {@code entityIri}, in the query's order (empty if none). */
    public List<Map<String, RDFNode>> of(String entityIri) {
        return byThis().getOrDefault(entityIri, List.of());
    }

    /** The rows by the IRI bound to {@code ?this} (rows without one are in no group). */
    public Map<String, List<Map<String, RDFNode>>> byThis() {
        Map<String, List<Map<String, RDFNode>>> g = byThis;
        if (g == null) {
            synchronized (this) {
                if (byThis == null) {
                    Map<String, List<Map<String, RDFNode>>> p = patched(inheritedThis, List.of(NamedQuery.THIS));
                    byThis = p != null ? Collections.unmodifiableMap(p) : group(rows);
                    inheritedThis = null;
                }
                g = byThis;
            }
        }
        return g;
    }

    /**
     * The entities ({@code ?this} IRIs) whose rows differ between {@code before} and this run, by row equality:
     * an entity whose rows appeared, disappeared or changed in value or order.
     */
    public Set<String> entitiesChangedSince(QueryRows before) {
        List<Map<String, RDFNode>> diff = changedSince(before);
        if (diff != null) {
            Set<String> out = new HashSet<>();
            for (Map<String, RDFNode> row : diff) {
                RDFNode self = row.get(NamedQuery.THIS);
                if (self != null && self.isURIResource()) {
                    out.add(self.asResource().getURI());
                }
            }
            return out;
        }
        Map<String, List<Map<String, RDFNode>>> now = byThis();
        Map<String, List<Map<String, RDFNode>>> then = before.byThis();
        Set<String> out = new HashSet<>();
        now.forEach((e, rs) -> {
            if (!rs.equals(then.get(e))) {
                out.add(e);
            }
        });
        then.keySet().forEach(e -> {
            if (!now.containsKey(e)) {
                out.add(e);
            }
        });
        return out;
    }

    /**
     * The rows whose {@code variables} are bound to {@code values} (IRIs, or literals' lexical forms), in the
     * query's order; grouped once per list of variables.
     */
    public List<Map<String, RDFNode>> where(List<String> variables, List<String> values) {
        Map<String, List<Map<String, RDFNode>>> groups = byVariables.computeIfAbsent(String.join(" ", variables),
                k -> {
                    Map<String, Map<String, List<Map<String, RDFNode>>>> inherited = inheritedWhere;
                    Map<String, List<Map<String, RDFNode>>> g = patched(inherited == null ? null
                            : inherited.remove(k), variables);
                    if (g != null) {
                        return g;
                    }
                    g = new HashMap<>();
                    for (Map<String, RDFNode> row : rows) {
                        String key = groupKey(row, variables);
                        if (key != null) {
                            g.computeIfAbsent(key, x -> new ArrayList<>()).add(row);
                        }
                    }
                    return g;
                });
        return groups.getOrDefault(String.join("\u0000", values), List.of());
    }

    List<Map<String, RDFNode>> firsts(String variable) {
        return firsts.computeIfAbsent(variable, k -> {
            Set<String> seen = new HashSet<>();
            List<Map<String, RDFNode>> out = new ArrayList<>();
            for (Map<String, RDFNode> row : rows) {
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
        return Collections.unmodifiableMap(groups);
    }

    @Override
    public String toString() {
        return rows.size() + " rows";
    }

    /** True if {@code other} holds the same rows (the same terms in the same order). */
    public boolean sameRowsAs(QueryRows other) {
        List<Map<String, RDFNode>> diff = changedSince(other);
        if (diff != null) {
            return diff.isEmpty();
        }
        return other == this || (other != null && rows.equals(other.rows));
    }
}
