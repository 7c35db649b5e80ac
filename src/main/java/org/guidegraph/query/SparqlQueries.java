package org.guidegraph.query;

import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.query.Dataset;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.SourcePosition;

/** Parses SPARQL with positions in errors and runs it with bound parameters (never by pasting strings). */
public final class SparqlQueries {

    private SparqlQueries() {
    }

    /**
     * Parses a query. A syntax error becomes a {@link QueryProblem} naming {@code file:line:col}.
     *
     * @param prologue PREFIX lines put before the text (each ending in a newline); not counted in positions
     * @param text the query as written
     * @param file where the text comes from, for messages
     * @param firstLine the line of {@code file} on which the text starts (1 for a whole .rq file)
     */
    public static Query parse(String prologue, String text, String file, int firstLine) throws QueryProblem {
        int prologueLines = (int) prologue.chars().filter(c -> c == '\n').count();
        try {
            return QueryFactory.create(prologue + text, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            int[] pos = position(e);
            int line = pos[0] > 0 ? Math.max(pos[0] - prologueLines, 1) + firstLine - 1 : firstLine;
            int col = Math.max(pos[1], 1);
            throw new QueryProblem(Diagnostic.error(new SourcePosition(file, line, col),
                    "SPARQL syntax: " + firstLine(e.getMessage()), "correct the query"));
        }
    }

    /** Starts an execution of {@code query} over {@code dataset} with {@code bindings} substituted for variables. */
    public static QueryExec exec(Dataset dataset, Query query, Map<String, RDFNode> bindings) {
        QueryExecBuilder b = QueryExecDatasetBuilder.create().dataset(dataset.asDatasetGraph()).query(query)
                .set(org.apache.jena.sparql.ARQConstants.sysOpExecutorFactory, KeyedSort.FACTORY);
        for (Map.Entry<String, RDFNode> e : bindings.entrySet()) {
            b = b.substitution(e.getKey(), e.getValue().asNode());
        }
        return b.build();
    }

    private static final java.util.regex.Pattern AT =
            java.util.regex.Pattern.compile("at line (\\d+), column (\\d+)");

    /** The position of the offending token: JavaCC's message names it; the exception's own fields may not. */
    private static int[] position(QueryParseException e) {
        java.util.regex.Matcher m = AT.matcher(e.getMessage() == null ? "" : e.getMessage());
        if (m.find()) {
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        }
        return new int[] {e.getLine(), e.getColumn()};
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot parse the query";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        String first = nl < 0 ? m : m.substring(0, nl);
        // Jena prefixes its message with "Line N, column M: "; the diagnostic already says where.
        return AT.matcher(first.replaceFirst("^Line \\d+, column \\d+: ", "")).replaceAll("")
                .replaceAll("\\s+\\.$", "").strip();
    }
}
