package org.guidegraph.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.Op2;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpConditional;
import org.apache.jena.sparql.algebra.op.OpDisjunction;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpExtendAssign;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpLabel;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpList;
import org.apache.jena.sparql.algebra.op.OpMinus;
import org.apache.jena.sparql.algebra.op.OpN;
import org.apache.jena.sparql.algebra.op.OpNull;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.op.OpUnion;
import org.apache.jena.sparql.algebra.optimize.TransformScopeRename;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.ExprVars;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionEnvBase;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.NodeTransform;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.vocabulary.XSD;
import org.guidegraph.graph.GraphDelta;
import org.guidegraph.graph.LeanUnion;

/**
 * Re-runs a SELECT query for the rows a graph change can reach, instead of whole.
 *
 * <p>The rows of a query split by the value of one variable, the <em>pivot</em>: the subject most triples of one of
 * its leading basic graph patterns are about ({@code ?assessment} in
 * {@code ?assessment a gg:Assessment ; gg:feature ?feature ...}). The leading patterns and subqueries of a group are
 * joined with one another, every row binds the pivot, and every later part of the group (OPTIONAL, MINUS, FILTER,
 * BIND) works row by row on what came before; so the rows of some pivot values are exactly what the query gives
 * with the pivot's pattern joined with a {@code VALUES} of them.
 *
 * <p>Which pivot values a changed triple reaches: every row that used the triple matched it with some triple
 * pattern of the query, and, in the same solution, matched the required patterns around that one — those of its
 * own group, of the groups enclosing it up to the query's own, and of the groups a subquery, OPTIONAL, EXISTS or
 * MINUS joins it to. Those patterns, with the triple's terms put in, are a small basic graph pattern whose solutions
 * over the graph after the change plus the removed triples hold the pivot values of every such row, before and
 * after. A row that changed without using a changed triple itself (an OPTIONAL that stopped matching, a NOT EXISTS
 * that started to) changed because such a part did, and is reached through that part's patterns. So re-running the
 * reached pivot values, dropping their old rows and merging the new ones in by the query's order gives the rows a
 * full run gives, in the same order (with {@link KeyedSort}'s ties broken by the projected variables).
 *
 * <p>Queries this cannot split (aggregates, LIMIT, DISTINCT, property paths, named graphs, extension functions,
 * ORDER BY on variables the query does not return, or no leading basic graph pattern) are
 * re-run whole, as is any change that reaches a large part of the rows.
 */
final class PartialRerun {

    /** A triple pattern of the query, and the required patterns every solution that used it also matched. */
    private record Reach(Triple pattern, BasicPattern around) {
    }

    /** Rows and their pivot values, parallel lists. */
    record Rows(List<Map<String, RDFNode>> rows, List<Node> pivots) {
    }

    /**
     * Merged rows, and the rows of the pivot values whose rows changed: as they were (in the old rows' order) and
     * as they are (in the query's order).
     */
    record Merged(Rows rows, List<Map<String, RDFNode>> was, List<Map<String, RDFNode>> is) {
    }

    private static final FunctionEnv ENV = new FunctionEnvBase();

    private final Query withPivot;
    private final Var pivot;
    /** The index, in the query's group, of the basic graph pattern the pivot comes from. */
    private final int block;
    private final boolean pivotProjected;
    private final List<Var> projected;
    private final List<Reach> reaches;
    private final List<SortCondition> order;
    private final int[] direction;

    private PartialRerun(Query query, Var pivot, int block, List<Reach> reaches) {
        this.pivot = pivot;
        this.block = block;
        this.reaches = List.copyOf(reaches);
        this.pivotProjected = query.getProjectVars().contains(pivot);
        if (pivotProjected) {
            this.withPivot = query;
        } else {
            this.withPivot = query.cloneQuery();
            this.withPivot.addResultVar(pivot);
        }
        this.projected = List.copyOf(withPivot.getProjectVars());
        this.order = List.copyOf(query.getOrderBy());
        this.direction = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            direction[i] = order.get(i).getDirection() == Query.ORDER_DESCENDING ? -1 : 1;
        }
    }

    /** The plan for {@code query}, or null if its rows cannot be split by a pivot (it is then always run whole). */
    static PartialRerun of(Query query) {
        if (!query.isSelectType() || query.hasAggregators() || query.hasGroupBy() || query.hasHaving()
                || query.hasLimit() || query.hasOffset() || query.hasValues() || query.isDistinct()
                || query.isReduced() || query.isQueryResultStar() || !query.hasOrderBy()
                || query.getProject().getExprs().size() > 0
                || !(query.getQueryPattern() instanceof ElementGroup group)) {
            return null;
        }
        // the leading basic graph patterns and subqueries are joined with one another, in any order
        int block = -1;
        Var pivot = null;
        int most = 0;
        for (int i = 0; i < group.size(); i++) {
            Element e = group.get(i);
            if (e instanceof ElementPathBlock b) {
                Map.Entry<Var, Integer> p = pivotOf(b);
                if (p != null && p.getValue() > most) {
                    block = i;
                    pivot = p.getKey();
                    most = p.getValue();
                }
            } else if (!(e instanceof ElementSubQuery)) {
                break;
            }
        }
        if (pivot == null) {
            return null;
        }
        Set<Var> returned = new HashSet<>(query.getProjectVars());
        returned.add(pivot);
        for (SortCondition c : query.getOrderBy()) {
            if (!returned.containsAll(ExprVars.getVarsMentioned(c.getExpression())) || !plain(c.getExpression())) {
                return null;
            }
        }
        Walk w = new Walk();
        try {
            Op op = TransformScopeRename.transform(Algebra.compile(query));
            w.op(op, Set.of());
        } catch (RuntimeException e) {
            return null;
        }
        if (w.unsupported || w.reaches.isEmpty()) {
            return null;
        }
        for (Reach r : w.reaches) {
            if (!mentions(r.around(), pivot)) {
                return null;
            }
        }
        return new PartialRerun(query, pivot, block, w.reaches);
    }

    /**
     * The variable most triples of a pattern have as subject (the first of them on a tie), with that number; null
     * if the pattern holds a property path.
     */
    private static Map.Entry<Var, Integer> pivotOf(ElementPathBlock block) {
        Map<Var, Integer> counts = new LinkedHashMap<>();
        for (TriplePath tp : block.getPattern().getList()) {
            if (!tp.isTriple()) {
                return null;
            }
            if (tp.getSubject().isVariable() && Var.isNamedVar(tp.getSubject())) {
                counts.merge(Var.alloc(tp.getSubject()), 1, Integer::sum);
            }
        }
        Map.Entry<Var, Integer> best = null;
        for (Map.Entry<Var, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > best.getValue()) {
                best = e;
            }
        }
        return best;
    }

    /** True if an ORDER BY key gives the same value each time for the same row (no NOW(), RAND(), BNODE()...). */
    private static boolean plain(Expr e) {
        if (e instanceof ExprVar || e instanceof NodeValue) {
            return true;
        }
        if (e instanceof ExprFunctionOp || e instanceof E_Function) {
            return false;
        }
        if (e instanceof ExprFunction f) {
            String name = f.getFunctionSymbol().getSymbol().toLowerCase(java.util.Locale.ROOT);
            if (name.contains("rand") || name.contains("now") || name.contains("bnode") || name.contains("uuid")
                    || name.contains("struuid")) {
                return false;
            }
            return f.getArgs().stream().allMatch(PartialRerun::plain);
        }
        return false;
    }

    private static boolean mentions(BasicPattern bp, Var v) {
        for (Triple t : bp) {
            if (v.equals(t.getSubject()) || v.equals(t.getPredicate()) || v.equals(t.getObject())) {
                return true;
            }
        }
        return false;
    }

    /** The query to run for all rows: the query itself, returning the pivot too. */
    Query whole() {
        return withPivot;
    }

    /** Splits the rows of {@link #whole()} into the rows the query itself returns and their pivot values. */
    Rows split(List<Map<String, RDFNode>> withPivots) {
        List<Map<String, RDFNode>> rows = new ArrayList<>(withPivots.size());
        Pivots.Builder pivots = new Pivots.Builder(withPivots.size());
        String name = pivot.getVarName();
        for (Map<String, RDFNode> row : withPivots) {
            RDFNode p = row.get(name);
            pivots.add(p == null ? null : p.asNode());
            if (pivotProjected) {
                rows.add(row);
            } else {
                if (row instanceof ResultRow r) {
                    rows.add(r.without(name));
                } else {
                    Map<String, RDFNode> r = new LinkedHashMap<>(row);
                    r.remove(name);
                    rows.add(java.util.Collections.unmodifiableMap(r));
                }
            }
        }
        return new Rows(rows, pivots.build());
    }

    /**
     * The pivot values whose rows {@code delta} can change, or null if they are more than {@code limit} (or one is
     * a blank node, which a VALUES block cannot name): the caller then runs the query whole.
     */
    Set<Node> reached(GraphDelta delta, Graph after, int limit) {
        Graph removed = GraphFactory.createGraphMem();
        delta.removed().forEach(removed::add);
        Graph both = delta.removed().isEmpty() ? after : new LeanUnion(after, removed);
        Set<Node> out = new HashSet<>();
        List<Triple> changed = new ArrayList<>(delta.removed());
        changed.addAll(delta.added());
        for (Triple t : changed) {
            for (Reach r : reaches) {
                Binding b = match(r.pattern(), t);
                if (b == null) {
                    continue;
                }
                // the pattern's neighbours decide, even when the triple gives the pivot itself: a triple of
                // another kind of node (a need's detail has a gg:level too) reaches no row
                BasicPattern around = Substitute.substitute(r.around(), b);
                QueryIterator it = Algebra.exec(new OpBGP(around), both);
                try {
                    while (it.hasNext()) {
                        Node p = b.contains(pivot) ? b.get(pivot) : it.next().get(pivot);
                        if (p != null) {
                            out.add(p);
                        }
                        if (out.size() > limit || b.contains(pivot)) {
                            break;
                        }
                    }
                } finally {
                    it.close();
                }
                if (out.size() > limit) {
                    return null;
                }
            }
        }
        for (Node p : out) {
            if (p.isBlank()) {
                return null;
            }
        }
        return out;
    }

    /** The binding that makes {@code pattern} match {@code t}, or null if it cannot. */
    private static Binding match(Triple pattern, Triple t) {
        BindingBuilder b = BindingFactory.builder();
        Map<Var, Node> seen = new HashMap<>();
        Node[] p = {pattern.getSubject(), pattern.getPredicate(), pattern.getObject()};
        Node[] n = {t.getSubject(), t.getPredicate(), t.getObject()};
        for (int i = 0; i < 3; i++) {
            if (p[i].isVariable()) {
                Var v = Var.alloc(p[i]);
                Node was = seen.putIfAbsent(v, n[i]);
                if (was != null && !was.equals(n[i])) {
                    return null;
                }
            } else if (!p[i].equals(n[i]) && !p[i].sameValueAs(n[i])) {
                return null;
            }
        }
        seen.forEach(b::add);
        return b.build();
    }

    /**
     * The query for the rows of the given pivot values only (with the pivot returned), in the query's order: the
     * pivot's pattern, joined with a VALUES of them, goes first (it is joined with the other leading patterns, so
     * the order of those does not matter), and the rest of the query works from its few solutions.
     */
    Query restrictedTo(Collection<Node> pivots) {
        Query q = withPivot.cloneQuery();
        ElementData data = new ElementData();
        data.add(pivot);
        pivots.stream().sorted(org.apache.jena.sparql.util.NodeCmp::compareRDFTerms)
                .forEach(p -> data.add(BindingFactory.binding(pivot, p)));
        List<Element> elements = ((ElementGroup) q.getQueryPattern()).getElements();
        ElementGroup first = new ElementGroup();
        first.addElement(data);
        first.addElement(elements.get(block));
        ElementGroup group = new ElementGroup();
        group.addElement(first);
        boolean leading = true;
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            leading &= e instanceof ElementPathBlock || e instanceof ElementSubQuery;
            if (i != block) {
                group.addElement(leading && e instanceof ElementSubQuery sub ? inlined(sub.getQuery(), i) : e);
            }
        }
        q.setQueryPattern(group);
        ElementWalker.walk(group, new ElementVisitorBase() {
            @Override
            public void visit(ElementSubQuery sub) {
                narrow(sub.getQuery(), data);
            }
        });
        return q;
    }

    /**
     * Narrows a subquery that returns the pivot, and whose rows for one pivot value come from that value's
     * solutions only, to the pivot values of {@code data}: its other rows join with no row of the pivot values.
     */
    private void narrow(Query sub, ElementData data) {
        boolean byPivot = !sub.hasAggregators() && !sub.hasGroupBy()
                || sub.getGroupBy().getVars().contains(pivot) && sub.getGroupBy().getExpr(pivot) == null;
        if (sub.getProjectVars().contains(pivot) && !sub.hasLimit() && !sub.hasOffset() && byPivot
                && sub.getProject().getExpr(pivot) == null) {
            ElementGroup g = new ElementGroup();
            g.addElement(data);
            g.addElement(sub.getQueryPattern());
            sub.setQueryPattern(g);
        }
    }

    /**
     * A leading subquery that only projects, as its pattern with the variables it does not return renamed apart:
     * the same solutions, but joined from the pivot's few instead of worked out whole first (Jena does not
     * substitute into a subquery).
     */
    private static Element inlined(Query sub, int at) {
        if (sub.hasAggregators() || sub.hasGroupBy() || sub.hasHaving() || sub.hasLimit() || sub.hasOffset()
                || sub.hasValues() || sub.isDistinct() || sub.isReduced() || sub.isQueryResultStar()
                || sub.getProject().getExprs().size() > 0) {
            return new ElementSubQuery(sub);
        }
        Set<Var> returned = new HashSet<>(sub.getProjectVars());
        Query renamed = QueryTransformOps.transform(sub, (NodeTransform) n -> n instanceof Var v
                && !returned.contains(v) ? Var.alloc("gg_sub" + at + "_" + v.getVarName().replaceAll("\\W", "_"))
                : n);
        return renamed.getQueryPattern();
    }

    /**
     * The rows of {@code before} without those of the {@code reached} pivot values, with {@code fresh} (the rows of
     * those values now, in the query's order) merged in where the query's order puts them; and the rows, as they
     * were and as they are, of the reached values whose rows are not the same.
     */
    Merged merge(Rows before, Set<Node> reached, Rows fresh) {
        Pivots beforePivots = Pivots.of(before.pivots());
        int[] reachedHashes = reached.stream().mapToInt(Pivots::hash).sorted().distinct().toArray();
        Map<Node, List<Map<String, RDFNode>>> was = new HashMap<>();
        // where the rows of reached values are: the only places the second pass below need look at
        List<Integer> reachedAt = new ArrayList<>();
        for (int i = 0; i < beforePivots.size(); i++) {
            // the hash first: the node itself is read only for the few rows whose hash is a reached value's
            if (java.util.Arrays.binarySearch(reachedHashes, beforePivots.hashAt(i)) < 0) {
                continue;
            }
            Node p = beforePivots.get(i);
            if (reached.contains(p)) {
                was.computeIfAbsent(p, k -> new ArrayList<>()).add(before.rows().get(i));
                reachedAt.add(i);
            }
        }
        Map<Node, List<Map<String, RDFNode>>> is = new HashMap<>();
        for (int j = 0; j < fresh.rows().size(); j++) {
            is.computeIfAbsent(fresh.pivots().get(j), k -> new ArrayList<>()).add(fresh.rows().get(j));
        }
        // a reached value whose rows are the same keeps its rows as they are (the same objects, where they are)
        Set<Node> changedPivots = new HashSet<>();
        for (Node p : reached) {
            if (!was.getOrDefault(p, List.of()).equals(is.getOrDefault(p, List.of()))) {
                changedPivots.add(p);
            }
        }
        List<Map<String, RDFNode>> rows = new ArrayList<>(before.rows().size() + fresh.rows().size());
        Pivots.Builder pivots = new Pivots.Builder(before.rows().size() + fresh.rows().size());
        List<Map<String, RDFNode>> changedWas = new ArrayList<>();
        int copied = 0; // rows before this one are in rows and pivots, or in changedWas
        for (int i : reachedAt) {
            Node p = beforePivots.get(i);
            if (changedPivots.contains(p)) {
                rows.addAll(before.rows().subList(copied, i));
                pivots.addRange(beforePivots, copied, i);
                changedWas.add(before.rows().get(i));
                copied = i + 1;
            }
        }
        rows.addAll(before.rows().subList(copied, before.rows().size()));
        pivots.addRange(beforePivots, copied, beforePivots.size());
        List<Map<String, RDFNode>> changedIs = new ArrayList<>();
        // few rows come in: each finds its place by binary search (fresh rows are in order, so each starts after
        // the one before)
        int from = 0;
        for (int j = 0; j < fresh.rows().size(); j++) {
            Node p = fresh.pivots().get(j);
            if (!changedPivots.contains(p)) {
                continue;
            }
            Map<String, RDFNode> row = fresh.rows().get(j);
            changedIs.add(row);
            Key key = key(row, p);
            int lo = from;
            int hi = rows.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (compare(key(rows.get(mid), pivots.get(mid)), key) <= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            rows.add(lo, row);
            pivots.insert(lo, p);
            from = lo + 1;
        }
        return new Merged(new Rows(rows, pivots.build()), changedWas, changedIs);
    }

    private record Key(Binding binding, NodeValue[] values) {
    }

    private Key key(Map<String, RDFNode> row, Node p) {
        BindingBuilder b = BindingFactory.builder();
        row.forEach((name, value) -> b.add(Var.alloc(name), value.asNode()));
        if (!pivotProjected && p != null) {
            b.add(pivot, p);
        }
        Binding binding = b.build();
        NodeValue[] values = new NodeValue[order.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = order.get(i).getExpression().eval(binding, ENV);
            } catch (ExprEvalException e) {
                values[i] = null;
            }
        }
        return new Key(binding, values);
    }

    /**
     * The query's order of two rows (the returned variables only: two rows that tie on every one of them look
     * the same, whatever their pivots).
     */
    java.util.Comparator<Map<String, RDFNode>> rowOrder() {
        return (x, y) -> compare(key(x, null), key(y, null));
    }

    private int compare(Key x, Key y) {
        int c = KeyedSort.compareKeys(x.values(), y.values(), direction);
        return c != 0 ? c : KeyedSort.tieBreak(x.binding(), y.binding(), projected);
    }

    @Override
    public String toString() {
        return "pivot " + pivot + ", " + reaches.size() + " patterns";
    }

    /**
     * Collects, for each triple pattern, the required patterns around it. {@code around}: the required patterns of
     * everything a solution of the part being walked is joined with on its way to the results.
     */
    private static final class Walk {
        final List<Reach> reaches = new ArrayList<>();
        boolean unsupported;

        void op(Op op, Set<Triple> around) {
            if (unsupported) {
                return;
            }
            if (op instanceof OpBGP bgp) {
                Set<Triple> all = with(around, bgp.getPattern().getList());
                bgp.getPattern().forEach(t -> reach(t, all));
            } else if (op instanceof OpTriple t) {
                reach(t.getTriple(), with(around, List.of(t.getTriple())));
            } else if (op instanceof OpTable || op instanceof OpNull) {
                // VALUES, or nothing: no triples read
            } else if (op instanceof OpJoin || op instanceof OpSequence) {
                List<Op> children = children(op);
                for (Op c : children) {
                    Set<Triple> others = new LinkedHashSet<>(around);
                    children.stream().filter(o -> o != c).forEach(o -> others.addAll(required(o)));
                    op(c, others);
                }
            } else if (op instanceof OpLeftJoin lj) {
                op(lj.getLeft(), around);
                Set<Triple> left = with(around, required(lj.getLeft()));
                op(lj.getRight(), left);
                exprs(lj.getExprs(), with(left, required(lj.getRight())));
            } else if (op instanceof OpConditional c) {
                op(c.getLeft(), around);
                op(c.getRight(), with(around, required(c.getLeft())));
            } else if (op instanceof OpMinus m) {
                op(m.getLeft(), around);
                op(m.getRight(), with(around, required(m.getLeft())));
            } else if (op instanceof OpFilter f) {
                op(f.getSubOp(), around);
                exprs(f.getExprs(), with(around, required(f.getSubOp())));
            } else if (op instanceof OpExtendAssign e) {
                op(e.getSubOp(), around);
                Set<Triple> sub = with(around, required(e.getSubOp()));
                e.getVarExprList().getExprs().values().forEach(x -> expr(x, sub));
            } else if (op instanceof OpUnion || op instanceof OpDisjunction) {
                children(op).forEach(c -> op(c, around));
            } else if (op instanceof OpOrder o) {
                op(o.getSubOp(), around);
                Set<Triple> sub = with(around, required(o.getSubOp()));
                o.getConditions().forEach(c -> expr(c.getExpression(), sub));
            } else if (op instanceof OpGroup g) {
                // a group's row changes when one of its solutions does, and that solution matched the group's
                // key: the same reach as a plain subquery
                g.getGroupVars().getExprs().values().forEach(x -> expr(x, around));
                g.getAggregators().forEach(a -> exprs(a.getAggregator().getExprList(), around));
                op(g.getSubOp(), around);
            } else if (op instanceof OpProject || op instanceof OpDistinct || op instanceof OpReduced
                    || op instanceof OpLabel || op instanceof OpList) {
                // a subquery's own variables are renamed apart (TransformScopeRename): only those it returns
                // join with what is around it
                op(((Op1) op).getSubOp(), around);
            } else {
                // LIMIT, GROUP BY, paths, GRAPH, SERVICE, property functions, LATERAL...: a row of such a part
                // can change without using a changed triple
                unsupported = true;
            }
        }

        private void reach(Triple t, Set<Triple> around) {
            BasicPattern bp = new BasicPattern();
            around.forEach(bp::add);
            reaches.add(new Reach(t, bp));
        }

        private static Set<Triple> with(Set<Triple> a, Collection<Triple> b) {
            Set<Triple> out = new LinkedHashSet<>(a);
            out.addAll(b);
            return out;
        }

        /** The triple patterns every solution of {@code op} matches. */
        static List<Triple> required(Op op) {
            if (op instanceof OpBGP bgp) {
                return bgp.getPattern().getList();
            }
            if (op instanceof OpTriple t) {
                return List.of(t.getTriple());
            }
            if (op instanceof OpJoin || op instanceof OpSequence) {
                List<Triple> out = new ArrayList<>();
                children(op).forEach(c -> out.addAll(required(c)));
                return out;
            }
            if (op instanceof OpLeftJoin || op instanceof OpConditional || op instanceof OpMinus) {
                return required(((Op2) op).getLeft());
            }
            if (op instanceof OpGroup g) {
                // without a key, a group has its one row even when nothing matches
                return g.getGroupVars().isEmpty() ? List.of() : required(g.getSubOp());
            }
            if (op instanceof OpFilter || op instanceof OpExtendAssign || op instanceof OpOrder
                    || op instanceof OpProject || op instanceof OpDistinct || op instanceof OpReduced
                    || op instanceof OpLabel || op instanceof OpList) {
                return required(((Op1) op).getSubOp());
            }
            return List.of();
        }

        private static List<Op> children(Op op) {
            if (op instanceof Op2 two) {
                return List.of(two.getLeft(), two.getRight());
            }
            return ((OpN) op).getElements();
        }

        void exprs(ExprList list, Set<Triple> around) {
            if (list != null) {
                list.forEach(e -> expr(e, around));
            }
        }

        void expr(Expr e, Set<Triple> around) {
            if (unsupported || e == null || e instanceof ExprVar || e instanceof NodeValue) {
                return;
            }
            if (e instanceof ExprFunctionOp f) {
                // EXISTS and NOT EXISTS: solutions of their pattern join with the row they are evaluated for
                op(f.getGraphPattern(), around);
                f.getArgs().forEach(x -> expr(x, around));
            } else if (e instanceof E_Function f && !f.getFunctionIRI().startsWith(XSD.getURI())) {
                unsupported = true; // an extension function may read the graph
            } else if (e instanceof ExprFunction f) {
                f.getArgs().forEach(x -> expr(x, around));
            } else {
                unsupported = true;
            }
        }
    }
}
