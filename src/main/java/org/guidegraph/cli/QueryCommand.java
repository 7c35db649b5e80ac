package org.guidegraph.cli;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.graph.GuideLoader;
import org.guidegraph.query.QueryProblem;
import org.guidegraph.query.ResultFormat;
import org.guidegraph.query.SparqlQueries;
import org.guidegraph.source.GuideSources;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guidegraph query}: runs SPARQL over a guide's graph (ontology and content). */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Runs a SPARQL query over the guide's graph (ontology + content) and prints the results.",
        footer = {"", "Examples:",
                "  guidegraph query 'SELECT ?a WHERE { ?a a gg:Approach } ORDER BY ?a'",
                "  guidegraph query path/to/guide --file templates/queries/matrix.rq --format csv",
                "The guide's prefixes (gg:, rdfs:, …) are predeclared."})
final class QueryCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "[GUIDE_DIR] SPARQL",
            description = "Optional guide folder (default .), then the query text unless --file is given.")
    List<String> args = List.of();

    @Option(names = "--file", paramLabel = "F.rq", description = "Read the query from this file.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, tsv, json or ttl (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        ResultFormat fmt;
        try {
            fmt = ResultFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "unknown --format '" + format
                    + "': use one of table, csv, tsv, json, ttl");
        }
        String dirArg = null;
        String text;
        String source;
        if (file != null) {
            if (args.size() > 1) {
                throw new CommandLine.ParameterException(cl, "give either SPARQL text or --file, not both");
            }
            dirArg = args.isEmpty() ? null : args.get(0);
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(cl, "--file " + file + " does not exist");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
            source = file.toString().replace('\\', '/');
        } else {
            if (args.isEmpty()) {
                throw new CommandLine.ParameterException(cl, "no query: give SPARQL text or --file F.rq");
            }
            dirArg = args.size() == 2 ? args.get(0) : null;
            text = args.get(args.size() - 1);
            source = "(query)";
        }
        Path guideDir = GuideDir.resolve(cl, dirArg == null ? null : Path.of(dirArg));
        GuideGraph graph = GuideLoader.load(GuideSources.read(guideDir));
        for (Diagnostic d : graph.loadProblems()) {
            cl.getErr().println(d.format());
        }
        Query query;
        String prologue = prologue(graph);
        try {
            query = SparqlQueries.parse(prologue, text, source, 1);
        } catch (QueryProblem e) {
            cl.getErr().println(e.diagnostic().format());
            return Main.PROBLEMS;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (QueryExecution qe = QueryExecutionFactory.create(query, graph.dataset())) {
            fmt.write(qe, out);
        }
        cl.getOut().print(out.toString(StandardCharsets.UTF_8));
        cl.getOut().flush();
        return graph.loadProblems().stream().anyMatch(Diagnostic::isError) ? Main.PROBLEMS : 0;
    }

    /** PREFIX lines for every prefix the guide's files declare, so queries can use them without repeating them. */
    private static String prologue(GuideGraph graph) {
        StringBuilder sb = new StringBuilder();
        Map<String, String> prefixes = new java.util.TreeMap<>(graph.ontology().getNsPrefixMap());
        prefixes.putAll(graph.content().getNsPrefixMap());
        prefixes.forEach((p, ns) -> sb.append("PREFIX ").append(p).append(": <").append(ns).append(">\n"));
        return sb.toString();
    }
}
