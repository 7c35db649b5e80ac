package org.guidegraph.query;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * ORDER BY as Jena orders, with each row's sort keys worked out once. Jena's sort evaluates every key of both rows
 * on each comparison (parsing a number's lexical form each time); at tens of thousands of rows that is most of a
 * query's time. Here the keys are evaluated once per row, then rows are compared with Jena's own comparison of
 * values (absent first, {@code NodeValue.compareAlways}, descending reversed) and, on a tie, Jena's syntactic
 * comparison of the whole rows — the same total order, so the same results in the same order.
 */
public final class KeyedSort extends OpExecutor {

    /** Installs this executor for one query execution: {@code builder.set(ARQConstants.sysOpExecutorFactory, ...)}. */
    public static final OpExecutorFactory FACTORY = KeyedSort::new;

    private KeyedSort(ExecutionContext cxt) {
        super(cxt);
    }

    private record Row(Binding binding, NodeValue[] keys) {
    }

    @Override
    protected QueryIterator execute(OpOrder opOrder, QueryIterator input) {
        List<SortCondition> conditions = opOrder.getConditions();
        int n = conditions.size();
        int[] direction = new int[n];
        for (int i = 0; i < n; i++) {
            direction[i] = conditions.get(i).getDirection() == Query.ORDER_DESCENDING ? -1 : 1;
        }
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
                rows.add(new Row(b, keys));
            }
        } finally {
            sub.close();
        }
        rows.sort((x, y) -> {
            for (int i = 0; i < n; i++) {
                int c = BindingComparator.compareNodesRaw(x.keys()[i], y.keys()[i]) * direction[i];
                if (c != 0) {
                    return c;
                }
            }
            return BindingComparator.compareBindingsSyntactic(x.binding(), y.binding());
        });
        List<Binding> sorted = new ArrayList<>(rows.size());
        rows.forEach(r -> sorted.add(r.binding()));
        return QueryIterPlainWrapper.create(sorted.iterator(), execCxt);
    }
}
