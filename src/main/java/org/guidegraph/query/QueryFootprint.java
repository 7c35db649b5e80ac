package org.guidegraph.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
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
import org.apache.jena.sparql.algebra.op.OpLateral;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpList;
import org.apache.jena.sparql.algebra.op.OpMinus;
import org.apache.jena.sparql.algebra.op.OpN;
import org.apache.jena.sparql.algebra.op.OpNull;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.op.OpUnion;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.path.P_Alt;
import org.apache.jena.sparql.path.P_Inverse;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_Mod;
import org.apache.jena.sparql.path.P_OneOrMore1;
import org.apache.jena.sparql.path.P_OneOrMoreN;
import org.apache.jena.sparql.path.P_ReverseLink;
import org.apache.jena.sparql.path.P_Seq;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.XSD;
import org.guidegraph.graph.GraphDelta;

/**
 * The triples a query's results can depend on, as triple patterns: every pattern of its algebra (basic graph
 * patterns, property paths, OPTIONAL, UNION, MINUS, subqueries, and the graph patterns of EXISTS and NOT EXISTS in
 * FILTER, BIND and elsewhere), each with its constant subject, predicate and object. A triple that matches none of
 * them cannot change the results: every pattern is evaluated against the triples it matches, and the rest of the
 * algebra only combines those answers. A pattern whose variable a required pattern gives a class ({@code ?x a
 * gg:Outcome}) is narrowed further: a changed triple whose node has that class neither before nor after the change
 * only makes or takes solutions that join with nothing. A pattern with a variable predicate, a path that may have
 * length zero between variables (it matches every node of the graph), or any part of the algebra not understood
 * here (GRAPH, SERVICE, property functions, functions outside XSD's casts) make the footprint unbounded: every
 * change can change the results (a path of length zero is bounded when a required pattern gives one of its
 * variables a class).
 */
public final class QueryFootprint {

    private static final Node ANY = Node.ANY;
    private static final Node TYPE = RDF.type.asNode();

    /**
     * A triple pattern (variables as {@code Node.ANY}) and the classes its subject and object variables are known to
     * have in every solution that reaches the results ({@code ?x a gg:Outcome} in the same or an enclosing required
     * pattern): a changed triple whose subject (object) lacks one of them, before and after, cannot reach the results
     * through this pattern.
     */
    private record Pattern(Triple triple, Set<Node> subjectTypes, Set<Node> objectTypes) {
    }

    private final List<Pattern> patterns;
    private final String unbounded;

    private QueryFootprint(List<Pattern> patterns, String unbounded) {
        this.patterns = List.copyOf(patterns);
        this.unbounded = unbounded;
    }

    /** The footprint of a parsed query. */
    public static QueryFootprint of(Query query) {
        Walk w = new Walk();
        try {
            w.op(Algebra.compile(query), Map.of());
        } catch (RuntimeException e) {
            // a query whose algebra cannot be built is run again every time
            w.unbounded = "algebra: " + e.getMessage();
        }
        return new QueryFootprint(w.patterns, w.unbounded);
    }

    /**
     * True if some triple of {@code changed} matches a pattern of the query (always, if the footprint is unbounded),
     * not counting the class constraints of the patterns.
     */
    public boolean canMatchAny(Collection<Triple> changed) {
        return canMatchAny(changed, (n, c) -> true);
    }

    /**
     * True if a triple removed or added by {@code delta} can change the results over {@code graph} (the graph after
     * the change): it matches a pattern, and its subject and object have the classes that pattern requires of them
     * in {@code graph} or among the removed triples.
     */
    public boolean canChange(GraphDelta delta, Graph graph) {
        Set<Triple> removed = delta.removed();
        BiPredicate<Node, Node> hasType = (n, c) -> graph.contains(n, TYPE, c)
                || removed.contains(Triple.create(n, TYPE, c));
        return canMatchAny(delta.removed(), hasType) || canMatchAny(delta.added(), hasType);
    }

    private boolean canMatchAny(Collection<Triple> changed, BiPredicate<Node, Node> hasType) {
        if (unbounded != null) {
            return !changed.isEmpty();
        }
        for (Triple t : changed) {
            for (Pattern pattern : patterns) {
                Triple p = pattern.triple();
                if (matches(p.getSubject(), t.getSubject()) && matches(p.getPredicate(), t.getPredicate())
                        && matches(p.getObject(), t.getObject())
                        && pattern.subjectTypes().stream().allMatch(c -> hasType.test(t.getSubject(), c))
                        && pattern.objectTypes().stream().allMatch(c -> hasType.test(t.getObject(), c))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A constant matches the same term, or (literals) an equal value, as a graph may match it; ANY matches all. */
    private static boolean matches(Node pattern, Node term) {
        return pattern == ANY || pattern.equals(term) || pattern.sameValueAs(term);
    }

    /** True if every change can matter: the query has a part whose triples cannot be bounded. */
    public boolean isUnbounded() {
        return unbounded != null;
    }

    /** The patterns (variables as {@code Node.ANY}); empty when unbounded. */
    public List<Triple> patterns() {
        return unbounded != null ? List.of() : patterns.stream().map(Pattern::triple).toList();
    }

    @Override
    public String toString() {
        return unbounded != null ? "unbounded (" + unbounded + ")" : patterns.toString();
    }

    /**
     * Collects patterns from an algebra expression; the first part it does not understand makes it unbounded.
     * {@code context} holds, for variables, the classes every solution of the enclosing required patterns gives
     * them: a solution of this part that binds one to a node without that class is discarded on the way up (it
     * joins with nothing), so a change that only makes or takes such solutions changes nothing.
     */
    private static final class Walk {
        final List<Pattern> patterns = new ArrayList<>();
        String unbounded;

        void op(Op op, Map<Var, Set<Node>> context) {
            if (unbounded != null) {
                return;
            }
            if (op instanceof OpBGP bgp) {
                Map<Var, Set<Node>> types = merge(context, certain(op));
                bgp.getPattern().forEach(t -> triple(t, types));
            } else if (op instanceof OpTriple t) {
                triple(t.getTriple(), merge(context, certain(op)));
            } else if (op instanceof OpPath p) {
                path(p.getTriplePath(), context);
            } else if (op instanceof OpTable || op instanceof OpNull) {
                // VALUES, or nothing: no triples read
            } else if (op instanceof OpFilter f) {
                exprs(f.getExprs(), certain(f.getSubOp()));
                op(f.getSubOp(), context);
            } else if (op instanceof OpLeftJoin lj) {
                exprs(lj.getExprs(), Map.of());
                op(lj.getLeft(), context);
                op(lj.getRight(), certain(lj.getLeft()));
            } else if (op instanceof OpConditional c) {
                op(c.getLeft(), context);
                op(c.getRight(), certain(c.getLeft()));
            } else if (op instanceof OpMinus m) {
                op(m.getLeft(), context);
                op(m.getRight(), certain(m.getLeft()));
            } else if (op instanceof OpExtendAssign e) {
                Map<Var, Set<Node>> sub = certain(e.getSubOp());
                e.getVarExprList().getExprs().values().forEach(x -> expr(x, sub));
                op(e.getSubOp(), context);
            } else if (op instanceof OpGroup g) {
                // an aggregate counts every solution of its group: nothing from outside narrows them
                g.getGroupVars().getExprs().values().forEach(x -> expr(x, Map.of()));
                for (ExprAggregator a : g.getAggregators()) {
                    aggregator(a.getAggregator());
                }
                op(g.getSubOp(), Map.of());
            } else if (op instanceof OpOrder o) {
                o.getConditions().forEach(c -> expr(c.getExpression(), certain(o.getSubOp())));
                op(o.getSubOp(), context);
            } else if (op instanceof OpTopN o) {
                o.getConditions().forEach(c -> expr(c.getExpression(), Map.of()));
                op(o.getSubOp(), Map.of());
            } else if (op instanceof OpSlice sl) {
                // which solutions a LIMIT keeps depends on all of them
                op(sl.getSubOp(), Map.of());
            } else if (op instanceof OpProject pr) {
                Map<Var, Set<Node>> inner = new HashMap<>();
                context.forEach((v, c) -> {
                    if (pr.getVars().contains(v)) {
                        inner.put(v, c);
                    }
                });
                op(pr.getSubOp(), inner);
            } else if (op instanceof OpDistinct || op instanceof OpReduced || op instanceof OpList
                    || op instanceof OpLabel) {
                op(((Op1) op).getSubOp(), context);
            } else if (op instanceof OpJoin || op instanceof OpSequence) {
                Map<Var, Set<Node>> all = merge(context, certain(op));
                children(op).forEach(c -> op(c, all));
            } else if (op instanceof OpUnion || op instanceof OpDisjunction) {
                children(op).forEach(c -> op(c, context));
            } else if (op instanceof OpLateral l) {
                op(l.getLeft(), Map.of());
                op(l.getRight(), Map.of());
            } else {
                unbounded = op.getName();
            }
        }

        private static List<Op> children(Op op) {
            if (op instanceof Op2 two) {
                return List.of(two.getLeft(), two.getRight());
            }
            return ((OpN) op).getElements();
        }

        /** The classes every solution of {@code op} gives its variables (by a required {@code ?x a C}). */
        static Map<Var, Set<Node>> certain(Op op) {
            if (op instanceof OpBGP bgp) {
                Map<Var, Set<Node>> out = new HashMap<>();
                bgp.getPattern().forEach(t -> typeOf(t, out));
                return out;
            }
            if (op instanceof OpTriple t) {
                Map<Var, Set<Node>> out = new HashMap<>();
                typeOf(t.getTriple(), out);
                return out;
            }
            if (op instanceof OpJoin || op instanceof OpSequence) {
                Map<Var, Set<Node>> out = new HashMap<>();
                children(op).forEach(c -> out.putAll(merge(out, certain(c))));
                return out;
            }
            if (op instanceof OpLeftJoin || op instanceof OpConditional || op instanceof OpMinus) {
                return certain(((Op2) op).getLeft());
            }
            if (op instanceof OpFilter || op instanceof OpExtendAssign || op instanceof OpOrder
                    || op instanceof OpDistinct || op instanceof OpReduced || op instanceof OpSlice
                    || op instanceof OpTopN || op instanceof OpList || op instanceof OpLabel) {
                return certain(((Op1) op).getSubOp());
            }
            if (op instanceof OpProject pr) {
                Map<Var, Set<Node>> out = new HashMap<>(certain(pr.getSubOp()));
                out.keySet().retainAll(pr.getVars());
                return out;
            }
            return Map.of();
        }

        private static void typeOf(Triple t, Map<Var, Set<Node>> out) {
            if (t.getSubject().isVariable() && t.getPredicate().equals(TYPE) && t.getObject().isURI()) {
                out.computeIfAbsent(Var.alloc(t.getSubject()), v -> new HashSet<>()).add(t.getObject());
            }
        }

        private static Map<Var, Set<Node>> merge(Map<Var, Set<Node>> a, Map<Var, Set<Node>> b) {
            if (b.isEmpty()) {
                return a;
            }
            Map<Var, Set<Node>> out = new HashMap<>();
            a.forEach((v, c) -> out.computeIfAbsent(v, k -> new HashSet<>()).addAll(c));
            b.forEach((v, c) -> out.computeIfAbsent(v, k -> new HashSet<>()).addAll(c));
            return out;
        }

        void triple(Triple t, Map<Var, Set<Node>> types) {
            if (!t.getPredicate().isURI()) {
                unbounded = "variable predicate in " + SSE.str(t);
                return;
            }
            patterns.add(new Pattern(Triple.create(constant(t.getSubject()), t.getPredicate(),
                    constant(t.getObject())), typesOf(t.getSubject(), types), typesOf(t.getObject(), types)));
        }

        private static Set<Node> typesOf(Node n, Map<Var, Set<Node>> types) {
            return n.isVariable() ? Set.copyOf(types.getOrDefault(Var.alloc(n), Set.of())) : Set.of();
        }

        private static Node constant(Node n) {
            return n.isURI() || n.isLiteral() ? n : ANY;
        }

        /**
         * A path's triples. A zero-length walk matches every node of the graph to itself: between two variables it
         * makes the footprint unbounded, unless a required pattern gives one of them a class ({@code types}). Then
         * only nodes of that class join, and whether a node has it is told by that pattern's own triples.
         */
        void path(TriplePath tp, Map<Var, Set<Node>> types) {
            if (tp.isTriple()) {
                triple(tp.asTriple(), Map.of());
                return;
            }
            if (canBeEmpty(tp.getPath()) && !(constant(tp.getSubject()) != ANY && constant(tp.getObject()) != ANY)
                    && typesOf(tp.getSubject(), types).isEmpty() && typesOf(tp.getObject(), types).isEmpty()) {
                unbounded = "a path that may have length zero: " + tp;
                return;
            }
            // the triples a longer path walks have any subject and object: only the predicates bound them
            links(tp.getPath());
        }

        private void links(Path p) {
            if (unbounded != null) {
                return;
            }
            if (p instanceof P_Link l) {
                triple(Triple.create(ANY, l.getNode(), ANY), Map.of());
            } else if (p instanceof P_ReverseLink l) {
                triple(Triple.create(ANY, l.getNode(), ANY), Map.of());
            } else if (p instanceof P_Inverse i) {
                links(i.getSubPath());
            } else if (p instanceof P_Seq s) {
                links(s.getLeft());
                links(s.getRight());
            } else if (p instanceof P_Alt a) {
                links(a.getLeft());
                links(a.getRight());
            } else if (p instanceof org.apache.jena.sparql.path.P_Path1 one
                    && (one instanceof P_Mod || one instanceof P_OneOrMore1 || one instanceof P_OneOrMoreN
                            || one instanceof org.apache.jena.sparql.path.P_ZeroOrMore1
                            || one instanceof org.apache.jena.sparql.path.P_ZeroOrMoreN
                            || one instanceof org.apache.jena.sparql.path.P_ZeroOrOne
                            || one instanceof org.apache.jena.sparql.path.P_FixedLength
                            || one instanceof org.apache.jena.sparql.path.P_Distinct
                            || one instanceof org.apache.jena.sparql.path.P_Multi
                            || one instanceof org.apache.jena.sparql.path.P_Shortest)) {
                links(one.getSubPath());
            } else {
                // negated property sets (any predicate but …) and anything newer
                unbounded = "path " + p;
            }
        }

        /** True if the path can match a zero-length walk (a node to itself, whatever the graph holds). */
        private static boolean canBeEmpty(Path p) {
            if (p instanceof P_Link || p instanceof P_ReverseLink
                    || p instanceof org.apache.jena.sparql.path.P_NegPropSet) {
                return false;
            }
            if (p instanceof P_Inverse i) {
                return canBeEmpty(i.getSubPath());
            }
            if (p instanceof P_Seq s) {
                return canBeEmpty(s.getLeft()) && canBeEmpty(s.getRight());
            }
            if (p instanceof P_Alt a) {
                return canBeEmpty(a.getLeft()) || canBeEmpty(a.getRight());
            }
            if (p instanceof P_OneOrMore1 o) {
                return canBeEmpty(o.getSubPath());
            }
            if (p instanceof P_OneOrMoreN o) {
                return canBeEmpty(o.getSubPath());
            }
            return true; // *, ?, {0,n}, and whatever else: assume it can
        }

        void exprs(ExprList list, Map<Var, Set<Node>> context) {
            if (list != null) {
                list.forEach(e -> expr(e, context));
            }
        }

        /**
         * {@code context}: the classes of the variables of every solution the expression is evaluated for; an
         * EXISTS pattern is evaluated with those variables substituted, so its solutions binding them to nodes
         * without those classes never count.
         */
        void expr(Expr e, Map<Var, Set<Node>> context) {
            if (unbounded != null || e == null || e instanceof ExprVar || e instanceof NodeValue) {
                return;
            }
            if (e instanceof ExprFunctionOp f) {
                // EXISTS and NOT EXISTS: their graph pattern reads the graph like any other
                op(f.getGraphPattern(), context);
                f.getArgs().forEach(x -> expr(x, context));
            } else if (e instanceof ExprAggregator a) {
                aggregator(a.getAggregator());
            } else if (e instanceof E_Function f && !f.getFunctionIRI().startsWith(XSD.getURI())) {
                // an extension function may read the graph
                unbounded = "function <" + f.getFunctionIRI() + ">";
            } else if (e instanceof ExprFunction f) {
                f.getArgs().forEach(x -> expr(x, context));
            } else {
                unbounded = "expression " + e;
            }
        }

        private void aggregator(Aggregator a) {
            exprs(a.getExprList(), Map.of());
        }
    }
}
