package org.guidegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.graph.GraphDelta;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.graph.GuideLoader;
import org.guidegraph.source.GuideSources;
import org.guidegraph.synth.SyntheticGuide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-running a query for the rows a change reaches, and merging them into the kept rows, gives the rows of a whole
 * run: the same rows in the same order.
 */
class PartialRerunTest {

    private static final String PROLOGUE = "PREFIX : <https://example.org/>\n";

    private static final String DATA = """
            @prefix : <https://example.org/> .
            :a1 a :Cell ; :row :f1 ; :col :x ; :level :yes ; :note "one" .
            :a2 a :Cell ; :row :f1 ; :col :y ; :level :no .
            :a3 a :Cell ; :row :f2 ; :col :x ; :level :yes ; :note "three" .
            :a4 a :Cell ; :row :f2 ; :col :y ; :level :partial .
            :f1 :label "First" ; :order 1 .
            :f2 :label "Second" ; :order 2 .
            :x :label "X" ; :order 1 .
            :y :label "Y" ; :order 2 .
            :yes :label "Yes" . :no :label "No" . :partial :label "Partial" .
            """;

    private static final String CELLS = """
            SELECT ?row ?rowLabel ?rowOrder ?col ?colLabel ?colOrder ?levelLabel ?note WHERE {
              ?cell a :Cell ; :row ?row ; :col ?col ; :level ?level .
              ?row :label ?rowLabel ; :order ?rowOrder .
              ?col :label ?colLabel ; :order ?colOrder .
              ?level :label ?levelLabel .
              OPTIONAL { ?cell :note ?note }
            }
            ORDER BY ?rowOrder ?colOrder ?row ?col
            """;

    private static Dataset dataset(String turtle) {
        Model m = ModelFactory.createDefaultModel();
        m.read(new StringReader(turtle), null, "TTL");
        return DatasetFactory.wrap(m);
    }

    private static GraphDelta delta(Dataset before, Dataset after) {
        Set<Triple> removed = new HashSet<>();
        Set<Triple> added = new HashSet<>();
        before.getDefaultModel().getGraph().find().forEach(t -> {
            if (!after.getDefaultModel().getGraph().contains(t)) {
                removed.add(t);
            }
        });
        after.getDefaultModel().getGraph().find().forEach(t -> {
            if (!before.getDefaultModel().getGraph().contains(t)) {
                added.add(t);
            }
        });
        return new GraphDelta(removed, added, false);
    }

    /** Runs {@code select} on {@code before}, then in part after the edit; returns the partial rows. */
    private static QueryRows assertPartialRunGivesWholeRun(String select, String before, UnaryOperator<String> edit) {
        Query q = QueryFactory.create(PROLOGUE + select);
        PartialRerun plan = PartialRerun.of(q);
        assertNotNull(plan, "the query splits by a pivot");
        Dataset was = dataset(before);
        Dataset now = dataset(edit.apply(before));
        QueryRows kept = NamedQueries.runWhole(q, plan, was);
        QueryRows part = NamedQueries.rerunPart(plan, kept, delta(was, now), now);
        assertNotNull(part, "re-run in part");
        QueryRows whole = NamedQueries.runWhole(q, plan, now);
        assertEquals(whole.all(), part.all());
        assertEquals(whole.withPivots().pivots(), part.withPivots().pivots());
        assertEquals(QueryRows.class, part.getClass());
        return part;
    }

    @Test
    void aChangedNoteReplacesTheRowsOfItsCellOnly() {
        QueryRows part = assertPartialRunGivesWholeRun(CELLS, DATA, d -> d.replace("\"one\"", "\"one, changed\""));
        assertEquals("one, changed", part.all().get(0).get("note").asLiteral().getLexicalForm());
    }

    @Test
    void anOptionalThatStopsOrStartsMatchingChangesItsRow() {
        assertPartialRunGivesWholeRun(CELLS, DATA, d -> d.replace(" ; :note \"three\"", ""));
        assertPartialRunGivesWholeRun(CELLS, DATA,
                d -> d.replace(":level :partial .", ":level :partial ; :note \"4\" ."));
    }

    @Test
    void aChangedSortKeyMovesRowsToWhereAWholeRunPutsThem() {
        assertPartialRunGivesWholeRun(CELLS, DATA, d -> d.replace(":f1 :label \"First\" ; :order 1",
                ":f1 :label \"First\" ; :order 3"));
        assertPartialRunGivesWholeRun(CELLS, DATA,
                d -> d.replace(":a2 a :Cell ; :row :f1 ;", ":a2 a :Cell ; :row :f2 ;"));
    }

    @Test
    void aLabelManyRowsShareChangesEachOfThem() {
        assertPartialRunGivesWholeRun(CELLS, DATA, d -> d.replace(":yes :label \"Yes\"", ":yes :label \"Oui\""));
    }

    @Test
    void cellsThatAppearOrDisappearAreAddedOrDropped() {
        assertPartialRunGivesWholeRun(CELLS, DATA, d -> d + ":a5 a :Cell ; :row :f1 ; :col :x ; :level :no .\n");
        assertPartialRunGivesWholeRun(CELLS, DATA, d -> d.replace(":a3 a :Cell ;", ":a3 a :Other ;"));
    }

    @Test
    void rowsThatTieOnEveryKeyAreOrderedAsAWholeRunOrdersThem() {
        String byRow = CELLS.replace("ORDER BY ?rowOrder ?colOrder ?row ?col", "ORDER BY ?rowOrder");
        assertPartialRunGivesWholeRun(byRow, DATA, d -> d.replace("\"one\"", "\"zzz\""));
        assertPartialRunGivesWholeRun(byRow, DATA, d -> d.replace("\"three\"", "\"a\""));
        assertPartialRunGivesWholeRun(byRow, DATA, d -> d.replace(":level :no .", ":level :partial ."));
    }

    @Test
    void aNotExistsThatStartsMatchingRemovesTheRow() {
        String withoutAccelerated = """
                SELECT ?row ?col WHERE {
                  ?cell a :Cell ; :row ?row ; :col ?col ; :level ?level .
                  FILTER NOT EXISTS { ?cell :point ?p . ?p :accelerator ?any }
                }
                ORDER BY ?row ?col
                """;
        String data = DATA + ":a4 :point :p4 . :a1 :point :p1 . :p1 :accelerator :gpu .\n";
        assertPartialRunGivesWholeRun(withoutAccelerated, data, d -> d + ":p4 :accelerator :gpu .\n");
        assertPartialRunGivesWholeRun(withoutAccelerated, data, d -> d.replace(":p1 :accelerator :gpu .", ""));
    }

    @Test
    void aSubqueryJoinedBeforeThePivotsPatternIsReachedThroughItsOwnPatterns() {
        String disagreements = """
                SELECT ?row ?col ?needLabel ?levelLabel WHERE {
                  { SELECT ?need ?row ?col ?needLabel ?dl WHERE {
                      ?need :about ?row ; :label ?needLabel ; :detail ?d . ?d :col ?col ; :level ?dl . } }
                  ?cell a :Cell ; :row ?row ; :col ?col ; :level ?level .
                  ?level :label ?levelLabel .
                  FILTER (?dl != ?level)
                }
                ORDER BY ?row ?col ?needLabel
                """;
        String data = DATA + ":n1 :about :f1 ; :label \"Need one\" ; :detail :d1 , :d2 .\n"
                + ":d1 :col :x ; :level :no . :d2 :col :y ; :level :no .\n";
        assertPartialRunGivesWholeRun(disagreements, data,
                d -> d.replace(":d1 :col :x ; :level :no", ":d1 :col :x ; :level :yes"));
        assertPartialRunGivesWholeRun(disagreements, data,
                d -> d.replace(":d2 :col :y ; :level :no", ":d2 :col :y ; :level :yes"));
        assertPartialRunGivesWholeRun(disagreements, data, d -> d.replace("\"Need one\"", "\"Need 1\""));
        assertPartialRunGivesWholeRun(disagreements, data, d -> d.replace(
                ":a2 a :Cell ; :row :f1 ; :col :y ; :level :no",
                ":a2 a :Cell ; :row :f1 ; :col :y ; :level :yes"));
    }

    @Test
    void aCountInAGroupedSubqueryIsReachedThroughItsGroupKey() {
        String uses = """
                SELECT ?level ?levelLabel ?uses WHERE {
                  ?level :label ?levelLabel .
                  OPTIONAL { { SELECT ?level (COUNT(?cell) AS ?n) WHERE { ?cell :level ?level } GROUP BY ?level } }
                  BIND (COALESCE(?n, 0) AS ?uses)
                }
                ORDER BY ?levelLabel ?level
                """;
        assertPartialRunGivesWholeRun(uses, DATA, d -> d.replace(":level :no .", ":level :yes ."));
        assertPartialRunGivesWholeRun(uses, DATA, d -> d.replace(":level :partial .", ":level :other ."));
        assertPartialRunGivesWholeRun(uses, DATA, d -> d + ":maybe :label \"Maybe\" . :a9 :level :maybe .\n");
    }

    @Test
    void aPatternJoinedWithNothingReachesEveryRow() {
        String crossed = """
                SELECT ?row ?col ?flag WHERE {
                  ?cell a :Cell ; :row ?row ; :col ?col .
                  OPTIONAL { :settings :flag ?flag }
                }
                ORDER BY ?row ?col ?flag
                """;
        assertPartialRunGivesWholeRun(crossed, DATA, d -> d + ":settings :flag true .\n");
    }

    @Test
    void queriesWhoseRowsDoNotSplitByOneVariableAreRunWhole() {
        for (String q : new String[] {
                "SELECT ?row (COUNT(?cell) AS ?n) WHERE { ?cell :row ?row } GROUP BY ?row ORDER BY ?row",
                "SELECT ?row WHERE { ?cell :row ?row } ORDER BY ?row LIMIT 1",
                "SELECT DISTINCT ?row WHERE { ?cell :row ?row } ORDER BY ?row",
                "SELECT ?row WHERE { ?cell :row/:label ?row } ORDER BY ?row",
                "SELECT ?row WHERE { ?cell :row ?row }",
                "SELECT ?row WHERE { ?cell :row ?row } ORDER BY ?hidden",
                "SELECT ?row WHERE { { ?cell :row ?row } UNION { ?cell :col ?row } } ORDER BY ?row",
                "SELECT ?row WHERE { ?cell :row ?row { SELECT ?row WHERE { ?row :order ?o } LIMIT 1 } } ORDER BY ?row",
        }) {
            assertNull(PartialRerun.of(QueryFactory.create(PROLOGUE + q)), q);
        }
    }

    /** The named queries of a synthetic guide after each kind of edit, run in part, equal those of a whole run. */
    @Test
    void everyNamedQueryOfAGuideMatchesAWholeRunAfterEachKindOfEdit(@TempDir Path guide) throws IOException {
        SyntheticGuide.write(new SyntheticGuide.Spec(4, 60, 30, 5, 7), guide);
        Path matrix = firstFile(guide.resolve("content/graph/matrix"));
        Path features = firstFile(guide.resolve("content/graph/features"));
        Path needs = firstFile(guide.resolve("content/graph/needs"));
        Map<String, Edit> edits = new LinkedHashMap<>();
        edits.put("note", new Edit(matrix, t -> replaceNth(t, "gg:note \"", "gg:note \"Changed: ", 3)));
        edits.put("level", new Edit(matrix, t -> {
            int at = t.indexOf("gg:level gg:");
            int end = t.indexOf(" ;", at);
            String level = t.substring(at, end).equals("gg:level gg:No") ? "gg:level gg:Yes" : "gg:level gg:No";
            return t.substring(0, at) + level + t.substring(end);
        }));
        edits.put("feature label", new Edit(features, t -> replaceNth(t, "rdfs:label \"", "rdfs:label \"Renamed ", 2)));
        edits.put("feature order", new Edit(features, t -> replaceNth(t, "gg:order ", "gg:order 9", 1)));
        edits.put("need detail level", new Edit(needs, t -> t.replaceFirst("gg:level gg:(Yes|No|Partial)",
                "gg:level gg:Informational")));
        edits.put("need label", new Edit(needs, t -> replaceNth(t, "rdfs:label \"", "rdfs:label \"Renamed ", 1)));

        GuideLoader.Reuse files = new GuideLoader.Reuse();
        ParsedQueries parsed = new ParsedQueries();
        GuideGraph base = GuideLoader.load(GuideSources.read(guide), files);
        NamedQueries first = queries(base, parsed);
        first.prefetch(2, Optional.empty());
        parsed.keep(first);
        files.commit(base);
        List<String> inPart = new ArrayList<>();
        for (Map.Entry<String, Edit> e : edits.entrySet()) {
            Path file = e.getValue().file();
            parsed.keptRows().values().forEach(PartialRerunTest::groupEveryWay);
            String before = Files.readString(file);
            String after = e.getValue().change().apply(before);
            assertTrue(!after.equals(before), e.getKey() + ": the edit changes the file");
            Files.writeString(file, after);
            GuideGraph changed = GuideLoader.load(GuideSources.read(guide), files);
            NamedQueries incremental = queries(changed, parsed);
            incremental.prefetch(2, changed.delta());
            GuideGraph fresh = GuideLoader.load(GuideSources.read(guide));
            NamedQueries whole = queries(fresh, new ParsedQueries());
            for (NamedQuery q : whole.all().values()) {
                if (q.query().isSelectType()) {
                    assertSameRows(whole.results(q.name()).all(), incremental.results(q.name()).all(),
                            e.getKey() + ": query " + q.name());
                    if (incremental.rerunInPart(q.name())) {
                        inPart.add(e.getKey() + "/" + q.name());
                        assertChangesAreSeen(parsed.keptRows().get(q.name()), incremental.results(q.name()),
                                e.getKey() + ": query " + q.name());
                    }
                }
            }
            parsed.keep(incremental);
            files.commit(changed);
        }
        assertTrue(inPart.contains("note/matrix"), inPart.toString());
        assertTrue(inPart.contains("level/approach-assessments"), inPart.toString());
        assertTrue(inPart.contains("need detail level/feature-disagreements"), inPart.toString());
    }

    /**
     * What rows made by a partial re-run say changed since the rows they were made from (worked out from the rows
     * that changed) includes every change a comparison of all rows finds.
     */
    private static void assertChangesAreSeen(QueryRows before, QueryRows after, String what) {
        QueryRows unlinked = new QueryRows(new ArrayList<>(after.all()));
        Set<String> entities = after.entitiesChangedSince(before);
        assertTrue(entities.containsAll(unlinked.entitiesChangedSince(before)), what);
        assertEquals(unlinked.sameRowsAs(before), after.sameRowsAs(before), what);
        Set<String> variables = new java.util.TreeSet<>();
        before.all().forEach(r -> variables.addAll(r.keySet()));
        after.all().forEach(r -> variables.addAll(r.keySet()));
        for (String v : variables) {
            Set<String> values = new java.util.TreeSet<>();
            for (List<Map<String, RDFNode>> rows : List.of(before.all(), after.all())) {
                for (Map<String, RDFNode> r : rows) {
                    RDFNode n = r.get(v);
                    if (n != null && !n.isAnon()) {
                        values.add(n.isLiteral() ? n.asLiteral().getLexicalForm() : n.asResource().getURI());
                    }
                }
            }
            for (String value : values) {
                assertEquals(unlinked.where(List.of(v), List.of(value)), after.where(List.of(v), List.of(value)),
                        what + ": rows with ?" + v + " = " + value);
                if (v.equals(NamedQuery.THIS)) {
                    assertEquals(unlinked.of(value), after.of(value), what + ": rows of " + value);
                }
                if (unlinked.groupChangedSince(before, List.of(v), List.of(value))) {
                    assertTrue(after.groupChangedSince(before, List.of(v), List.of(value)),
                            what + ": rows with ?" + v + " = " + value + " changed");
                }
                Set<List<String>> groups = after.groupsChangedSince(before, List.of(v));
                if (groups != null) {
                    assertEquals(after.groupChangedSince(before, List.of(v), List.of(value)),
                            groups.contains(List.of(value)), what + ": ?" + v + " = " + value + " among the changed");
                }
            }
        }
    }

    /** Works out every grouping of the rows a page could ask for, as pages of the last build did. */
    private static void groupEveryWay(QueryRows rows) {
        rows.byThis();
        Set<String> variables = new java.util.TreeSet<>();
        rows.all().forEach(r -> variables.addAll(r.keySet()));
        variables.forEach(v -> rows.where(List.of(v), List.of("")));
    }

    /** Rows compared with blank nodes as one term: each load of a file makes its blank nodes anew. */
    private static void assertSameRows(List<Map<String, RDFNode>> expected, List<Map<String, RDFNode>> actual,
            String what) {
        List<String> e = expected.stream().map(PartialRerunTest::withoutBlankNodes).toList();
        List<String> a = actual.stream().map(PartialRerunTest::withoutBlankNodes).toList();
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
            assertEquals(e.get(i), a.get(i), what + ", row " + i);
        }
        assertEquals(e.size(), a.size(), what + ": number of rows");
    }

    private static String withoutBlankNodes(Map<String, RDFNode> row) {
        StringBuilder sb = new StringBuilder();
        row.forEach((k, v) -> sb.append(k).append('=').append(v.isAnon() ? "_:b" : v.toString()).append(' '));
        return sb.toString();
    }

    private static NamedQueries queries(GuideGraph graph, ParsedQueries parsed) {
        Map<String, String> prefixes = new TreeMap<>(graph.ontology().getNsPrefixMap());
        prefixes.putAll(graph.content().getNsPrefixMap());
        return NamedQueries.load(graph.sources(), graph.dataset(), prefixes, new Diagnostics(), parsed);
    }

    private static Path firstFile(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().findFirst().orElseThrow();
        }
    }

    private static String replaceNth(String text, String what, String with, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf(what, at + 1);
        }
        return text.substring(0, at) + with + text.substring(at + what.length());
    }

    private record Edit(Path file, UnaryOperator<String> change) {
    }
}
