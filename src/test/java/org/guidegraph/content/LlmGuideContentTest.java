package org.guidegraph.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.guidegraph.TestGuides;
import org.guidegraph.check.Checker;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.graph.GuideLoader;
import org.guidegraph.source.GuideSources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The LLM-serving guide in content/ says what its source document says. */
class LlmGuideContentTest {

    private static final Path SOURCE = TestGuides.PROJECT.resolve("src/test/resources/source/llm-serving-decision-guide.md");
    private static GuideGraph graph;

    @BeforeAll
    static void load() {
        graph = GuideLoader.load(GuideSources.read(TestGuides.PROJECT));
    }

    @Test
    void theGuidePassesCheckWithoutErrors() {
        Diagnostics ds = Checker.check(graph);
        assertFalse(ds.hasErrors(), () -> ds.sorted().toString());
    }

    @Test
    void everyMatrixCellOfTheSourceIsInTheGraphWithLevelValueAndNote() throws Exception {
        Map<String, String> expected = sourceMatrix();
        assertEquals(45, expected.size(), "the source matrix has 15 features x 3 approaches");
        Map<String, String> actual = new TreeMap<>();
        String q = """
                PREFIX gg: <https://guidegraph.org/ns#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?approach ?feature ?level ?value ?note WHERE {
                  ?cell a gg:Assessment ; gg:approach/rdfs:label ?approach ; gg:feature/rdfs:label ?feature ;
                        gg:level ?level ; gg:value ?value .
                  OPTIONAL { ?cell gg:note ?note }
                } ORDER BY ?approach ?feature""";
        try (QueryExecution qe = QueryExecutionFactory.create(q, graph.dataset())) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                String level = s.getResource("level").getLocalName();
                String note = s.contains("note") ? s.getLiteral("note").getString() : "";
                actual.put(s.getLiteral("feature").getString() + " | " + s.getLiteral("approach").getString(),
                        level + " | " + s.getLiteral("value").getString() + " | " + note);
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void theDecisionTreeHasTheSourcesThreeQuestionsAndFourLeaves() {
        // The source's ASCII tree has three questions and four leaves (SR + ISVC; wait for LLMD GA; llm-d;
        // any approach, starting with the llm-d quickstart).
        assertEquals(3, count("gg:Question"));
        assertEquals(4, count("gg:Outcome"));
        assertEquals(5, count("gg:UseCase"));
        assertEquals(4, count("gg:Need"));
        assertEquals(4, count("gg:Accelerator"));
        assertEquals(10, count("gg:Situation"));
    }

    @Test
    void localPathsAreNeverLinks() {
        String q = """
                PREFIX schema: <https://schema.org/>
                ASK { ?r schema:url ?u FILTER(CONTAINS(STR(?u), "/home/") || !STRSTARTS(STR(?u), "http")) }""";
        try (QueryExecution qe = QueryExecutionFactory.create(q, graph.dataset())) {
            assertFalse(qe.execAsk(), "a local path or relative path was modelled as a web link");
        }
    }

    private static long count(String cls) {
        String q = "PREFIX gg: <https://guidegraph.org/ns#> SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a " + cls + " }";
        try (QueryExecution qe = QueryExecutionFactory.create(q, graph.dataset())) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }

    /** Parses the "Comparison Matrix" table of the source into "feature | approach" -> "Level | value | note". */
    private static Map<String, String> sourceMatrix() throws Exception {
        List<String> lines = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        int start = lines.indexOf("## 📊 Comparison Matrix");
        assertTrue(start > 0, "matrix heading found");
        List<String> approaches = new ArrayList<>();
        Map<String, String> cells = new TreeMap<>();
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("---")) {
                break;
            }
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            String[] cols = line.substring(1, line.length() - 1).split("\\|");
            if (approaches.isEmpty()) {
                for (int c = 1; c < cols.length; c++) {
                    approaches.add(cols[c].strip());
                }
                continue;
            }
            String feature = cols[0].strip().replace("**", "");
            for (int c = 1; c < cols.length; c++) {
                cells.put(feature + " | " + approaches.get(c - 1), parseCell(cols[c].strip()));
            }
        }
        return cells;
    }

    private static final Pattern NOTE = Pattern.compile("^(.*?)\\s*\\(([^()]*)\\)$");

    static String parseCell(String cell) {
        String level = "Informational";
        for (String[] sym : new String[][] {{"✅", "Yes"}, {"⚠️", "Partial"}, {"❌", "No"}}) {
            if (cell.startsWith(sym[0])) {
                level = sym[1];
                cell = cell.substring(sym[0].length()).strip();
            }
        }
        Matcher m = NOTE.matcher(cell);
        return m.matches() ? level + " | " + m.group(1) + " | " + m.group(2) : level + " | " + cell + " | ";
    }
}
