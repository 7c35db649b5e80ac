package org.guidegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.guidegraph.TestGuides;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.graph.GuideLoader;
import org.guidegraph.source.GuideSources;
import org.guidegraph.synth.SyntheticGuide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OPTIONALs of one pattern matched per row give exactly the rows, in the order, that Jena's own OPTIONAL gives. */
class OptionalLookupTest {

    @TempDir
    Path tmp;

    private static final String DATA = """
            @prefix : <https://example.org/> .
            :a :p :b , :c ; :q "x"@en , "y"@EN-gb , "z" ; :self :a .
            :b :p :b ; :q "w"@en .
            :c :r :d , :e .
            :d :label "D" .
            :e :label "E" , "E2" .
            """;

    @Test
    void edgeCasesGiveJenasRows() {
        Model m = ModelFactory.createDefaultModel();
        m.read(new StringReader(DATA), null, "TTL");
        Dataset d = DatasetFactory.wrap(m);
        assertTrue(OptionalLookup.inMemory(d.asDatasetGraph().getDefaultGraph()));
        String prologue = "PREFIX : <https://example.org/>\n";
        List<String> queries = List.of(
                // several matches per row, no match, a variable met twice
                "SELECT * { ?s :p ?o OPTIONAL { ?o :p ?o } }",
                "SELECT * { ?s ?p ?o OPTIONAL { ?o :r ?x } }",
                "SELECT * { ?s :p ?o OPTIONAL { ?s :q ?label } } ORDER BY ?s ?o",
                // a language tag, matched as Jena matches it
                "SELECT * { ?s :p ?o OPTIONAL { ?s :q \"x\"@EN } }",
                "SELECT * { ?s :p ?o OPTIONAL { ?s :self ?s } }",
                // OPTIONALs in a row, one reading what the one before bound
                "SELECT * { ?s :p ?o OPTIONAL { ?o :r ?x } OPTIONAL { ?x :label ?l } }",
                // patterns of two and three triples, in the order Jena puts them for each row
                "SELECT * { ?s :p ?o OPTIONAL { ?o :r ?x . ?x :label ?l } }",
                "SELECT * { ?s :p ?o OPTIONAL { ?x :label ?l . ?o :r ?x } }",
                "SELECT * { ?s ?p ?o OPTIONAL { ?x :label ?l . ?o :r ?x . ?s :q ?q } }",
                // not applied row by row: Jena's as ever
                "SELECT * { ?s :p ?o OPTIONAL { ?o :r ?x OPTIONAL { ?x :label ?l } } }",
                "SELECT * { ?s :p ?o OPTIONAL { ?o :q ?l FILTER(lang(?l) = 'en') } }",
                "SELECT ?s (COUNT(?l) AS ?n) { ?s :p ?o OPTIONAL { ?s :q ?l } } GROUP BY ?s ORDER BY ?s");
        for (String q : queries) {
            Query query = QueryFactory.create(prologue + q);
            List<String> jena = rows(d, query, KeyedSort.WITHOUT_LOOKUPS);
            assertEquals(jena, rows(d, query, KeyedSort.FACTORY), q);
        }
        // the first query's rows, as they must be: a row kept alone only when nothing matched
        assertEquals(List.of("?s=https://example.org/a ?o=https://example.org/b ",
                "?s=https://example.org/a ?o=https://example.org/c ",
                "?s=https://example.org/b ?o=https://example.org/b "),
                rows(d, QueryFactory.create(prologue + "SELECT * { ?s :p ?o OPTIONAL { ?o :p ?o } } ORDER BY ?s ?o"),
                        KeyedSort.FACTORY));
    }

    @Test
    void everyNamedQueryOfTheProjectGuideAndASyntheticOneGivesJenasRows() throws IOException {
        Path synthetic = tmp.resolve("synthetic");
        SyntheticGuide.write(new SyntheticGuide.Spec(6, 300, 80, 4, 11), synthetic);
        int compared = 0;
        for (Path guide : List.of(TestGuides.PROJECT, synthetic)) {
            GuideGraph graph = GuideLoader.load(GuideSources.read(guide));
            assertTrue(OptionalLookup.inMemory(graph.dataset().asDatasetGraph().getDefaultGraph()),
                    "the guide's queries run over a graph the lookups apply to");
            Map<String, String> prefixes = new TreeMap<>(graph.ontology().getNsPrefixMap());
            prefixes.putAll(graph.content().getNsPrefixMap());
            NamedQueries queries = NamedQueries.load(graph.sources(), graph.dataset(), prefixes, new Diagnostics());
            for (NamedQuery q : queries.all().values()) {
                if (!q.query().isSelectType()) {
                    continue;
                }
                List<String> jena = rows(graph.dataset(), q.query(), KeyedSort.WITHOUT_LOOKUPS);
                assertEquals(jena, rows(graph.dataset(), q.query(), KeyedSort.FACTORY), guide + ": " + q.name());
                compared += jena.size();
            }
        }
        assertTrue(compared > 8_000, "rows compared: " + compared);
    }

    private static List<String> rows(Dataset d, Query query, OpExecutorFactory executor) {
        List<String> out = new ArrayList<>();
        try (QueryExec exec = QueryExecDatasetBuilder.create().dataset(d.asDatasetGraph()).query(query)
                .set(ARQConstants.sysOpExecutorFactory, executor).build()) {
            RowSet rs = exec.select();
            List<Var> vars = rs.getResultVars();
            while (rs.hasNext()) {
                Binding b = rs.next();
                StringBuilder sb = new StringBuilder();
                for (Var v : vars) {
                    if (b.get(v) != null) {
                        sb.append(v).append('=').append(b.get(v).isBlank() ? "_:b" : b.get(v).toString())
                                .append(' ');
                    }
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
