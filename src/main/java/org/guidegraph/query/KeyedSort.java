package org.guidegraph.query;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.op.OpConditional;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.util.NodeCmp;

/**
 * ORDER BY as Jena orders, with each row's sort keys worked out once. Jena's sort evaluates every key of both rows
 * on each comparison (parsing a number's lexical form each time); at tens of thousands of rows that is most of a
 * query's time. Here the keys are evaluated once per row, then rows are compared with Jena's own comparison of
 * values (absent first, {@code NodeValue.compareAlways}, descending reversed), as Jena does. On a tie, rows are
 * compared by the terms of the projected variables, in projection order ({@link #tieBreak}): rows that tie on
 * every key and every projected variable look the same in the results, so their order cannot show, and the order
 * of the others does not depend on variables the query does not return. That is what lets {@link PartialRerun}
 * merge re-run rows into kept ones in the order a full run gives. An OPTIONAL of a basic graph pattern that Jena applies
 * row by row is matched per row directly ({@link OptionalLookup}).
 */
public final class KeyedSort extends OpExecutor {

    /** Installs this executor for one query execution: {@code builder.set(ARQConstants.sysOpExecutorFactory, ...)}. */
    public static final OpExecutorFactory FACTORY = cxt -> new KeyedSort(cxt, true);
    /** As {@link #FACTORY}, with every OPTIONAL run by Jena (to compare the lookups with). */
    static final OpExecutorFactory WITHOUT_LOOKUPS = cxt -> new KeyedSort(cxt, false);

    private final boolean lookups;

    private KeyedSort(ExecutionContext cxt, boolean lookups) {
        super(cxt);
        this.lookups = lookups;
    }

    private record Row(Binding binding, NodeValue[] keys) {
    }

    /** The variables of the innermost projection being executed (the one an ORDER BY sits under). */
    private List<Var> projection;

    @Override
    protected QueryIterator execute(OpProject opProject, QueryIterator input) {
        List<Var> outer = projection;
        projection = opProject.getVars();
        try {
            return super.execute(opProject, input);
        } finally {
            projection = outer;
        }
    }

    /** An OPTIONAL of a basic graph pattern, applied row by row: as a lookup per row ({@link OptionalLookup}). */
    @Override
    protected QueryIterator execute(OpConditional opCondition, QueryIterator input) {
        if (!lookups || !OptionalLookup.supported(opCondition.getRight())
                || !OptionalLookup.inMemory(execCxt.getActiveGraph())) {
            return super.execute(opCondition, input);
        }
        return OptionalLookup.apply(exec(opCondition.getLeft(), input), opCondition.getRight(), execCxt);
    }

    @Override
    protected QueryIterator execute(OpOrder opOrder, QueryIterator input) {
        List<SortCondition> conditions = opOrder.getConditions();
        int n = conditions.size();
        int[] direction = new int[n];
        for (int i = 0; i < n; i++) {
            direction[i] = conditions.get(i).getDirection() == Query.ORDER_DESCENDING ? -1 : 1;
        }
        List<Var> vars = projection;
        List<Row> rows = new ArrayList<>();
        QueryIterator sub = exec(opOrder.getSubOp(), input);
        try {
            while (sub.hasNext()) {
                Binding b = sub.next();
                NodeValue[] keys = new NodeValue[n];
                for (int i = 0; i < n; i++) {
                    try {
                        keys[i] = conditions.get(i).getExpression().eval(b, execCxt);
                    } catch (ExprEvalException e) {
                        keys[i] = null; // unbound or an error: sorts first, as in Jena
                    }
                }
                // read again at every comparison, by the projection and by the caller: flattened once
                rows.add(new Row(FlatBinding.of(b), keys));
            }
        } finally {
            sub.close();
        }
        rows.sort((x, y) -> {
            int c = compareKeys(x.keys(), y.keys(), direction);
            if (c != 0) {
                return c;
            }
            return vars == null ? BindingComparator.compareBindingsSyntactic(x.binding(), y.binding())
                    : tieBreak(x.binding(), y.binding(), vars);
        });
        List<Binding> sorted = new ArrayList<>(rows.size());
        rows.forEach(r -> sorted.add(r.binding()));
        return QueryIterPlainWrapper.create(sorted.iterator(), execCxt);
    }

    /** Rows tied on every sort key: compared by the terms of {@code vars}, in order, an unbound one first. */
    static int tieBreak(Binding x, Binding y, List<Var> vars) {
        for (Var v : vars) {
            Node a = x.get(v);
            Node b = y.get(v);
            if (a == b) {
                continue;
            }
            if (a == null || b == null) {
                return a == null ? -1 : 1;
            }
            int c = NodeCmp.compareRDFTerms(a, b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Compares two rows' sort keys as Jena's ORDER BY does: absent first, then by value, descending reversed. */
    static int compareKeys(NodeValue[] x, NodeValue[] y, int[] direction) {
        for (int i = 0; i < direction.length; i++) {
            int c = BindingComparator.compareNodesRaw(x[i], y[i]) * direction[i];
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
