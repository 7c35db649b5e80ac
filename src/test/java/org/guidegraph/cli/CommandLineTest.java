package org.guidegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.guidegraph.TestGuides;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void checkOfAValidGuideExitsZeroWithASummary() {
        TestGuides.Run run = TestGuides.cli("check", TestGuides.MINIMAL.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().matches("checked 3 files, \\d+ triples, 10 entities: 0 errors, 0 warnings\\R"), run.out());
    }

    @Test
    void checkOfAGuideWithErrorsExitsOne() {
        TestGuides.Run run = TestGuides.cli("check", TestGuides.INVALID.resolve("missing-level").toString());
        assertEquals(1, run.exit());
    }

    @Test
    void unknownOptionIsAUsageErrorExitingTwo() {
        TestGuides.Run run = TestGuides.cli("check", "--no-such-option");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Unknown option: '--no-such-option'"), run.err());
    }

    @Test
    void missingCommandIsAUsageError() {
        TestGuides.Run run = TestGuides.cli();
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("a command is required"), run.err());
    }

    @Test
    void guideDirWithoutContentIsAUsageErrorNamingTheFix() {
        TestGuides.Run run = TestGuides.cli("check", TestGuides.GUIDES.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("has no content/ folder"), run.err());
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        TestGuides.Run run = TestGuides.cli("--help");
        assertEquals(0, run.exit());
        for (String word : new String[] {"check", "query", "build", "Exit codes: 0 ok, 1 problems found, 2 usage error"}) {
            assertTrue(run.out().contains(word), "help mentions " + word + ":\n" + run.out());
        }
    }

    @Test
    void eachCommandHasItsOwnHelp() {
        TestGuides.Run run = TestGuides.cli("query", "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("--format"), run.out());
    }

    @Test
    void versionNamesTheTool() {
        TestGuides.Run run = TestGuides.cli("--version");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("guidegraph "), run.out());
    }

    @Test
    void queryPrintsSelectResultsAsCsv() {
        TestGuides.Run run = TestGuides.cli("query", TestGuides.MINIMAL.toString(),
                "SELECT ?label WHERE { ?a a gg:Approach ; rdfs:label ?label } ORDER BY ?label", "--format", "csv");
        assertEquals(0, run.exit(), run.err());
        assertEquals("label\r\nThe Only Approach\r\n", run.out());
    }

    @Test
    void queryReadsAFileAndPrintsJson() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("q", ".rq");
        java.nio.file.Files.writeString(f, "ASK { ?g a gg:Guide }");
        TestGuides.Run run = TestGuides.cli("query", TestGuides.MINIMAL.toString(), "--file", f.toString(),
                "--format", "json");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("\"boolean\" : true"), run.out());
    }

    @Test
    void malformedQueryReportsLineAndColumnAndExitsOne() {
        TestGuides.Run run = TestGuides.cli("query", TestGuides.MINIMAL.toString(),
                "SELECT ?a WHERE {\n  ?a a gg:Approach\n  ORDER BY ?a");
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("(query):3:3: error: SPARQL syntax:"), run.err());
    }

    @Test
    void unknownFormatIsAUsageErrorListingTheFormats() {
        TestGuides.Run run = TestGuides.cli("query", TestGuides.MINIMAL.toString(), "ASK {}", "--format", "xls");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("use one of table, csv, tsv, json, ttl"), run.err());
    }

    @Test
    void newCreatesAGuideThatPassesCheck(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        java.nio.file.Path dir = tmp.resolve("my-guide");
        TestGuides.Run made = TestGuides.cli("new", dir.toString(), "--title", "Which \"database\"?");
        assertEquals(0, made.exit(), made.err());
        TestGuides.Run checked = TestGuides.cli("check", dir.toString());
        assertEquals(0, checked.exit(), checked.out());
        assertTrue(checked.out().endsWith("0 errors, 0 warnings\n") || checked.out().endsWith("0 errors, 0 warnings\r\n"),
                checked.out());
        TestGuides.Run title = TestGuides.cli("query", dir.toString(), "SELECT ?t WHERE { ?g a gg:Guide ; dcterms:title ?t } ORDER BY ?t",
                "--format", "csv");
        assertTrue(title.out().contains("\"Which \"\"database\"\"?\""), title.out());
    }

    @Test
    void newRefusesAFolderThatIsNotEmpty() {
        TestGuides.Run run = TestGuides.cli("new", TestGuides.MINIMAL.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("exists and is not an empty folder"), run.err());
    }
}
