package org.guidegraph.query;

import org.guidegraph.diagnostic.Diagnostic;

/** A query that cannot be parsed or run, with the diagnostic that says where and why. */
public final class QueryProblem extends Exception {

    private final transient Diagnostic diagnostic;

    public QueryProblem(Diagnostic diagnostic) {
        super(diagnostic.format());
        this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
