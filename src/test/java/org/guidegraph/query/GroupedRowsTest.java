package org.guidegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.rdf.model.RDFNode;
import org.guidegraph.TestGuides;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.graph.GuideLoader;
import org.guidegraph.source.GuideSources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rows looked up by the value of a variable give what filtering every row would, in the query's order. */
class GroupedRowsTest {

    private static final String NS = "https://guidegraph.org/guides/static-site-generators/";
    private static NamedQueries queries;

    @BeforeAll
    static void load() throws Exception {
        GuideGraph g = GuideLoader.load(GuideSources.read(TestGuides.SECOND));
        Map<String, String> prefixes = new TreeMap<>(g.ontology().getNsPrefixMap());
        prefixes.putAll(g.content().getNsPrefixMap());
        queries = NamedQueries.load(g.sources(), g.dataset(), prefixes, new Diagnostics());
    }

    @Test
    void rowsWhereEqualsFilteringEveryRowInOrder() {
        String feature = NS + "feature/runtime";
        assertEquals(filter(queries.rows("matrix", null), "feature", feature),
                queries.rowsWhere("matrix", List.of("feature"), List.of(feature)));
        assertEquals(3, queries.rowsWhere("matrix", List.of("feature"), List.of(feature)).size());
    }

    @Test
    void rowsWhereTwoVariablesFindsOneMatrixCell() {
        List<Map<String, RDFNode>> cell = queries.rowsWhere("matrix", List.of("feature", "approach"),
                List.of(NS + "feature/runtime", NS + "approach/jekyll"));
        assertEquals(1, cell.size());
        assertEquals("Ruby", cell.get(0).get("value").asLiteral().getLexicalForm());
    }

    @Test
    void rowsWhereOfAnUnknownOrMissingValueIsEmpty() {
        assertTrue(queries.rowsWhere("matrix", List.of("feature"), List.of(NS + "feature/nothing")).isEmpty());
        assertTrue(queries.rowsWhere("matrix", List.of("feature"), java.util.Arrays.asList((String) null)).isEmpty());
    }

    @Test
    void firstRowsKeepsTheFirstRowOfEachValueInOrder() {
        List<Map<String, RDFNode>> firsts = queries.firstRows("categories", "category");
        List<String> categories = new ArrayList<>();
        for (Map<String, RDFNode> row : queries.rows("categories", null)) {
            String c = row.get("category").asResource().getURI();
            if (!categories.contains(c)) {
                categories.add(c);
            }
        }
        assertEquals(categories, firsts.stream().map(r -> r.get("category").asResource().getURI()).toList());
        assertEquals(List.of(NS + "category/performance", NS + "category/authoring", NS + "category/hosting"),
                categories);
    }

    private static List<Map<String, RDFNode>> filter(List<Map<String, RDFNode>> rows, String var, String iri) {
        return rows.stream().filter(r -> r.get(var) != null && r.get(var).isURIResource()
                && r.get(var).asResource().getURI().equals(iri)).toList();
    }
}
