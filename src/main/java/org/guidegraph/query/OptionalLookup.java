package org.guidegraph.query;

import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.system.G;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * An OPTIONAL of one triple pattern ({@code OPTIONAL { ?assessment gg:note ?note }}) run as a lookup per row. Jena
 * runs an OPTIONAL it can apply row by row as a query of its own for each row: the pattern is substituted, an
 * executor and a stack of iterators are built, and the row is kept as is if they yield nothing. A query with a few
 * OPTIONALs over tens of thousands of rows builds hundreds of thousands of those. Here each row's pattern is
 * matched against the graph directly, as Jena's own triple matching does it ({@code StageMatchTriple}: the same
 * find, by language tag too, in the graph's order, a variable met twice matched by term): the same rows in the
 * same order, without the machinery.
 */
final class OptionalLookup {

    private OptionalLookup() {
    }

    /** The single triple pattern of {@code right} if it is a basic graph pattern of one plain triple; else null. */
    static Triple pattern(Op right) {
        if (right instanceof OpBGP bgp && bgp.getPattern().size() == 1) {
            Triple t = bgp.getPattern().get(0);
            if (!t.getSubject().isNodeTriple() && !t.getPredicate().isNodeTriple() && !t.getObject().isNodeTriple()) {
                return t;
            }
        }
        return null;
    }

    /** The rows of {@code left}, each extended by every match of {@code pattern}, or kept as is if none matches. */
    static QueryIterator apply(QueryIterator left, Triple pattern, ExecutionContext cxt) {
        Graph graph = cxt.getActiveGraph();
        Iterator<Binding> rows = new Iterator<>() {
            private ExtendedIterator<Binding> matches;
            private Binding next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    if (matches != null && matches.hasNext()) {
                        next = matches.next();
                    } else if (left.hasNext()) {
                        Binding row = left.next();
                        matches = match(graph, pattern, row);
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
