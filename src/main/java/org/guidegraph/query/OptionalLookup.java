package org.guidegraph.query;

import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpConditional;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderLib;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformation;
import org.apache.jena.system.G;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * An OPTIONAL of a basic graph pattern ({@code OPTIONAL { ?assessment gg:note ?note }}), OPTIONALs nested in it
 * included, run as a lookup per row. Jena runs an OPTIONAL it can apply row by row as a query of its own for each
 * row: the pattern is substituted, an executor and a stack of iterators are built, and the row is kept as is if they
 * yield nothing. A query with a few OPTIONALs over tens of thousands of rows builds hundreds of thousands of those.
 * Here each row's pattern is matched against the graph directly, as Jena's generic stage does it: the triples in the
 * order of its fixed reordering for the row, each matched as {@code StageMatchTriple} matches (the same find, by
 * language tag too, in the graph's order, a variable met twice matched by term). The same rows in the same order,
 * without the machinery.
 */
final class OptionalLookup {

    /** The reordering Jena's generic stage gives a basic graph pattern of two or more triples. */
    private static final ReorderTransformation REORDER = ReorderLib.fixed();

    private OptionalLookup() {
    }

    /**
     * True if {@code right} can be matched here: a basic graph pattern of plain triples, or such a pattern with
     * OPTIONALs that Jena applies row by row (conditionals) of patterns that can be matched here in turn.
     */
    static boolean supported(Op right) {
        if (right instanceof OpConditional c) {
            return supported(c.getLeft()) && supported(c.getRight());
        }
        if (right instanceof OpBGP bgp && !bgp.getPattern().isEmpty()) {
            for (Triple t : bgp.getPattern()) {
                if (t.getSubject().isNodeTriple() || t.getPredicate().isNodeTriple()
                        || t.getObject().isNodeTriple()) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * True if {@code graph} is one of Jena's in-memory graphs, whose patterns Jena's generic stage matches (a
     * database's own stage may order them otherwise).
     */
    static boolean inMemory(Graph graph) {
        return graph instanceof org.apache.jena.mem2.GraphMem2 || graph instanceof org.apache.jena.mem.GraphMemBase;
    }

    /** The rows of {@code left}, each extended by every match of {@code right}, or kept as is if none matches. */
    static QueryIterator apply(QueryIterator left, Op right, ExecutionContext cxt) {
        Graph graph = cxt.getActiveGraph();
        Iterator<Binding> rows = new Iterator<>() {
            private Iterator<Binding> matches;
            private Binding next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    if (matches != null && matches.hasNext()) {
                        next = matches.next();
                    } else if (left.hasNext()) {
                        Binding row = left.next();
                        matches = match(graph, right, row);
                        // no match: the row as it was
                        next = matches.hasNext() ? matches.next() : row;
                    } else {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public Binding next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Binding b = next;
                next = null;
                return b;
            }
        };
        return new QueryIterPlainWrapper(rows, cxt) {
            @Override
            protected void closeIterator() {
                left.close();
                super.closeIterator();
            }

            @Override
            protected void requestCancel() {
                left.cancel();
                super.requestCancel();
            }
        };
    }

    /** The rows {@code op} (see {@link #supported}) gives for {@code row}: extensions of it, or none. */
    private static Iterator<Binding> match(Graph graph, Op op, Binding row) {
        if (op instanceof OpConditional c) {
            // as Jena applies an OPTIONAL row by row: each row of the left, extended, or as it was
            return Iter.flatMap(match(graph, c.getLeft(), row), b -> {
                Iterator<Binding> extended = match(graph, c.getRight(), b);
                return extended.hasNext() ? extended : Iter.singletonIterator(b);
            });
        }
        return match(graph, ((OpBGP) op).getPattern(), row);
    }

    /**
     * The matches of {@code pattern} for {@code row}: its triples in the order Jena's generic stage puts them for
     * the row (the fixed reordering of the pattern with the row's terms in), matched one after the other.
     */
    private static Iterator<Binding> match(Graph graph, BasicPattern pattern, Binding row) {
        if (pattern.size() == 1) {
            return match(graph, pattern.get(0), row);
        }
        BasicPattern ordered = REORDER.reorderIndexes(Substitute.substitute(pattern, row)).reorder(pattern);
        Iterator<Binding> out = Iter.singletonIterator(row);
        for (Triple t : ordered) {
            Iterator<Binding> in = out;
            out = Iter.flatMap(in, b -> match(graph, t, b));
        }
        return out;
    }

    private static ExtendedIterator<Binding> match(Graph graph, Triple pattern, Binding row) {
        Node s = Var.lookup(row::get, pattern.getSubject());
        Node p = Var.lookup(row::get, pattern.getPredicate());
        Node o = Var.lookup(row::get, pattern.getObject());
        BindingBuilder builder = Binding.builder(row);
        return G.findByLang(graph, any(s), any(p), any(o)).mapWith(t -> extend(builder, s, p, o, t))
                .filterDrop(java.util.Objects::isNull);
    }

    private static Node any(Node n) {
        return n.isVariable() ? Node.ANY : n;
    }

    private static Binding extend(BindingBuilder builder, Node s, Node p, Node o, Triple t) {
        builder.reset();
        if (!bind(builder, s, t.getSubject()) || !bind(builder, p, t.getPredicate())
                || !bind(builder, o, t.getObject())) {
            return null;
        }
        return builder.build();
    }

    private static boolean bind(BindingBuilder builder, Node patternNode, Node term) {
        if (!Var.isVar(patternNode)) {
            return true;
        }
        Var v = Var.alloc(patternNode);
        Node bound = builder.get(v);
        if (bound != null) {
            return bound.sameTermAs(term);
        }
        builder.add(v, term);
        return true;
    }
}
