package org.guidegraph.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.Op2;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpExtendAssign;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpLabel;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpList;
import org.apache.jena.sparql.algebra.op.OpN;
import org.apache.jena.sparql.algebra.op.OpNull;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.op.OpTriple;
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
import org.apache.jena.vocabulary.XSD;

/**
 * The triples a query's results can depend on, as triple patterns: every pattern of its algebra (basic graph
 * patterns, property paths, OPTIONAL, UNION, MINUS, subqueries, and the graph patterns of EXISTS and NOT EXISTS in
 * FILTER, BIND and elsewhere), each with its constant subject, predicate and object. A triple that matches none of
 * them cannot change the results: every pattern is evaluated against the triples it matches, and the rest of the
 * algebra only combines those answers. A pattern with a variable predicate, a path that may have length zero
 * between variables (it matches every node of the graph), or any part of the algebra not understood here (GRAPH,
 * SERVICE, property functions, functions outside XSD's casts) make the footprint unbounded: every change can
 * change the results.
 */
public final class QueryFootprint {

    private static final Node ANY = Node.ANY;

    private final List<Triple> patterns;
    private final String unbounded;

    private QueryFootprint(List<Triple> patterns, String unbounded) {
        this.patterns = List.copyOf(patterns);
        this.unbounded = unbounded;
    }

    /** The footprint of a parsed query. */
    public static QueryFootprint of(Query query) {
        Walk w = new Walk();
        try {
            w.op(Algebra.compile(query));
        } catch (RuntimeException e) {
            // a query whose algebra cannot be built is run again every time
            w.unbounded = "algebra: " + e.getMessage();
        }
        return new QueryFootprint(w.patterns, w.unbounded);
    }

    /** True if some triple of {@code changed} matches a pattern of the query (always, if the footprint is unbounded). */
    public boolean canMatchAny(Collection<Triple> changed) {
        if (unbounded != null) {
            return !changed.isEmpty();
        }
        for (Triple t : changed) {
            for (Triple p : patterns) {
                if (matches(p.getSubject(), t.getSubject()) && matches(p.getPredicate(), t.getPredicate())
                        && matches(p.getObject(), t.getObject())) {
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
        return unbounded != null ? List.of() : patterns;
    }

    @Override
    public String toString() {
        return unbounded != null ? "unbounded (" + unbounded + ")" : patterns.toString();
    }

    /** Collects patterns from an algebra expression; the first part it does not understand makes it unbounded. */
    private static final class Walk {
        final List<Triple> patterns = new ArrayList<>();
        String unbounded;

        void op(Op op) {
            if (unbounded != null) {
                return;
            }
            if (op instanceof OpBGP bgp) {
                bgp.getPattern().forEach(this::triple);
            } else if (op instanceof OpTriple t) {
                triple(t.getTriple());
            } else if (op instanceof OpPath p) {
                path(p.getTriplePath());
            } else if (op instanceof OpTable || op instanceof OpNull) {
                // VALUES, or nothing: no triples read
            } else if (op instanceof OpFilter f) {
                exprs(f.getExprs());
                op(f.getSubOp());
            } else if (op instanceof OpLeftJoin lj) {
                exprs(lj.getExprs());
                op(lj.getLeft());
                op(lj.getRight());
            } else if (op instanceof OpExtendAssign e) {
                e.getVarExprList().getExprs().values().forEach(this::expr);
                op(e.getSubOp());
            } else if (op instanceof OpGroup g) {
                g.getGroupVars().getExprs().values().forEach(this::expr);
                for (ExprAggregator a : g.getAggregators()) {
                    aggregator(a.getAggregator());
                }
                op(g.getSubOp());
            } else if (op instanceof OpOrder o) {
                o.getConditions().forEach(c -> expr(c.getExpression()));
                op(o.getSubOp());
            } else if (op instanceof OpTopN o) {
                o.getConditions().forEach(c -> expr(c.getExpression()));
                op(o.getSubOp());
            } else if (op instanceof OpProject || op instanceof OpDistinct || op instanceof OpReduced
                    || op instanceof OpSlice || op instanceof OpList || op instanceof OpLabel) {
                op(((Op1) op).getSubOp());
            } else if (op instanceof Op2 two && isPlainOp2(two)) {
                op(two.getLeft());
                op(two.getRight());
            } else if (op instanceof OpN n && isPlainOpN(n)) {
                n.getElements().forEach(this::op);
            } else {
                unbounded = op.getName();
            }
        }

        /** Joins, unions, MINUS and the like: their answers come from their two sides only. */
        private static boolean isPlainOp2(Op2 op) {
            return op instanceof org.apache.jena.sparql.algebra.op.OpJoin
                    || op instanceof org.apache.jena.sparql.algebra.op.OpUnion
                    || op instanceof org.apache.jena.sparql.algebra.op.OpMinus
                    || op instanceof org.apache.jena.sparql.algebra.op.OpConditional
                    || op instanceof org.apache.jena.sparql.algebra.op.OpLateral;
        }

        private static boolean isPlainOpN(OpN op) {
            return op instanceof org.apache.jena.sparql.algebra.op.OpSequence
                    || op instanceof org.apache.jena.sparql.algebra.op.OpDisjunction;
        }

        void triple(Triple t) {
            if (!t.getPredicate().isURI()) {
                unbounded = "variable predicate in " + SSE.str(t);
                return;
            }
            patterns.add(Triple.create(constant(t.getSubject()), t.getPredicate(), constant(t.getObject())));
        }

        private static Node constant(Node n) {
            return n.isURI() || n.isLiteral() ? n : ANY;
        }

        void path(TriplePath tp) {
            if (tp.isTriple()) {
                triple(tp.asTriple());
                return;
            }
            if (canBeEmpty(tp.getPath()) && !(constant(tp.getSubject()) != ANY && constant(tp.getObject()) != ANY)) {
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
                triple(Triple.create(ANY, l.getNode(), ANY));
            } else if (p instanceof P_ReverseLink l) {
                triple(Triple.create(ANY, l.getNode(), ANY));
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

        void exprs(ExprList list) {
            if (list != null) {
                list.forEach(this::expr);
            }
        }

        void expr(Expr e) {
            if (unbounded != null || e == null || e instanceof ExprVar || e instanceof NodeValue) {
                return;
            }
            if (e instanceof ExprFunctionOp f) {
                // EXISTS and NOT EXISTS: their graph pattern reads the graph like any other
                op(f.getGraphPattern());
                f.getArgs().forEach(this::expr);
            } else if (e instanceof ExprAggregator a) {
                aggregator(a.getAggregator());
            } else if (e instanceof E_Function f && !f.getFunctionIRI().startsWith(XSD.getURI())) {
                // an extension function may read the graph
                unbounded = "function <" + f.getFunctionIRI() + ">";
            } else if (e instanceof ExprFunction f) {
                f.getArgs().forEach(this::expr);
            } else {
                unbounded = "expression " + e;
            }
        }

        private void aggregator(Aggregator a) {
            ExprList args = a.getExprList();
            exprs(args);
        }
    }
}
