package org.guidegraph.serve;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.web.HttpSC;

/**
 * Fuseki's query operation with a cap on result rows: a query without a LIMIT, or with a larger one, is run with
 * {@code LIMIT maxRows} (Fuseki has no such setting of its own). The response then says so in the
 * {@code X-Row-Limit} header. A query stopped by the timeout gets 503 with a message that says which limit it hit.
 */
final class CappedQuery extends SPARQL_QueryDataset {

    static final String ROW_LIMIT_HEADER = "X-Row-Limit";

    private final long maxRows;
    private final long timeoutMillis;

    CappedQuery(long maxRows, long timeoutMillis) {
        this.maxRows = maxRows;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query query, String queryString) {
        try {
            return super.executeQuery(action, exec, query, queryString);
        } catch (QueryCancelledException e) {
            throw timedOut();
        }
    }

    @Override
    protected void sendResults(HttpAction action, QueryExecResult result, Prologue prologue) {
        try {
            super.sendResults(action, result, prologue);
        } catch (QueryCancelledException e) {
            throw timedOut();
        }
    }

    /** Fuseki says only "Query timed out"; say after how long, and what to do. */
    private RuntimeException timedOut() {
        ServletOps.error(HttpSC.SERVICE_UNAVAILABLE_503, "Query timed out: it ran longer than " + timeoutMillis
                + " ms and was stopped (the server's --query-timeout). Narrow its patterns or add a LIMIT.");
        return new IllegalStateException("unreachable");
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        if (query.isAskType()) {
            return;
        }
        if (!query.hasLimit() || query.getLimit() > maxRows) {
            query.setLimit(maxRows);
            action.setResponseHeader(ROW_LIMIT_HEADER, Long.toString(maxRows));
        }
    }
}
