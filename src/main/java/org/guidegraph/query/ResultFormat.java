package org.guidegraph.query;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

/** How {@code guidegraph query} prints results. */
public enum ResultFormat {
    TABLE, CSV, TSV, JSON, TTL;

    /** Parses a format name, case-insensitively. */
    public static ResultFormat of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Runs the query and writes its result in this format. */
    public void write(QueryExecution qe, OutputStream out) {
        var q = qe.getQuery();
        if (q.isSelectType()) {
            ResultSet rs = qe.execSelect();
            switch (this) {
                case TABLE, TTL -> ResultSetFormatter.out(out, rs, q.getPrologue());
                case CSV -> ResultSetMgr.write(out, rs, ResultSetLang.RS_CSV);
                case TSV -> ResultSetMgr.write(out, rs, ResultSetLang.RS_TSV);
                case JSON -> ResultSetMgr.write(out, rs, ResultSetLang.RS_JSON);
                default -> throw new IllegalStateException();
            }
        } else if (q.isAskType()) {
            boolean b = qe.execAsk();
            switch (this) {
                case JSON -> ResultSetMgr.write(out, b, ResultSetLang.RS_JSON);
                case CSV -> ResultSetMgr.write(out, b, ResultSetLang.RS_CSV);
                case TSV -> ResultSetMgr.write(out, b, ResultSetLang.RS_TSV);
                default -> {
                    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
                    ps.println(b ? "yes" : "no");
                }
            }
        } else {
            Model m = q.isConstructType() ? qe.execConstruct() : qe.execDescribe();
            switch (this) {
                case JSON -> RDFDataMgr.write(out, m, RDFFormat.JSONLD_PRETTY);
                case CSV, TSV -> RDFDataMgr.write(out, m, Lang.NTRIPLES);
                default -> RDFDataMgr.write(out, m, RDFFormat.TURTLE_PRETTY);
            }
        }
    }
}
