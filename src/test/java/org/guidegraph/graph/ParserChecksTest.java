package org.guidegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shared.JenaException;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.source.GuideSources;
import org.guidegraph.source.SourceFile;
import org.guidegraph.source.SourceKind;
import org.junit.jupiter.api.Test;

/** The loader reports what Jena's checking parser reports, at the same places, whichever way it parses a file. */
class ParserChecksTest {

    private static final String PREFIXES = """
            @prefix ex: <https://example.org/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
            """;

    private static GuideSources sources(String... nameAndText) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            files.add(new SourceFile(nameAndText[i], SourceKind.GRAPH,
                    nameAndText[i + 1].getBytes(StandardCharsets.UTF_8), false));
        }
        return GuideSources.of(Path.of("."), files);
    }

    /** What Jena's parser, checking, says of each file, as "file:line:col message". */
    private static List<String> checkingParser(String... nameAndText) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            String file = nameAndText[i];
            ErrorHandler h = new ErrorHandler() {
                @Override
                public void warning(String message, long line, long col) {
                    out.add(file + ":" + line + ":" + col + " " + message.replace('\n', ' ').strip());
                }

                @Override
                public void error(String message, long line, long col) {
                    warning(message, line, col);
                }

                @Override
                public void fatal(String message, long line, long col) {
                    warning(message, line, col);
                    throw new RiotException(message);
                }
            };
            try {
                RDFParser.create().source(new ByteArrayInputStream(nameAndText[i + 1].getBytes(StandardCharsets.UTF_8)))
                        .lang(Lang.TURTLE).base(GuideLoader.BASE).errorHandler(h).checking(true)
                        .parse(StreamRDFLib.sinkNull());
            } catch (RiotException e) {
                // reported above
            } catch (JenaException e) {
                out.add(file + ":0:0 " + e.getMessage().replace('\n', ' ').strip());
            }
        }
        return out;
    }

    private static List<String> reported(GuideGraph g) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : g.loadProblems()) {
            out.add(d.file() + ":" + d.line() + ":" + d.column() + " " + d.message().replaceFirst("^Turtle syntax: ", ""));
        }
        return out;
    }

    private static void assertReportedAsTheCheckingParser(String... nameAndText) {
        List<String> expected = new ArrayList<>(checkingParser(nameAndText));
        List<String> actual = new ArrayList<>(reported(GuideLoader.load(sources(nameAndText))));
        // the loader lists files in path order
        expected.sort(java.util.Comparator.comparing(d -> d.substring(0, d.indexOf(':'))));
        actual.sort(java.util.Comparator.comparing(d -> d.substring(0, d.indexOf(':'))));
        assertEquals(expected, actual);
    }

    @Test
    void aLiteralNotValidForItsDatatypeIsReportedWhereItIsWrittenInEveryFileThatWritesIt() {
        String bad = PREFIXES + "ex:a ex:count 3 ;\n    ex:size \"three\"^^xsd:integer .\n";
        assertFalse(checkingParser("content/graph/a.ttl", bad).isEmpty(), "the case has something to report");
        assertReportedAsTheCheckingParser("content/graph/a.ttl", bad, "content/graph/b.ttl", bad,
                "content/graph/c.ttl", PREFIXES + "ex:c ex:size \"3\"^^xsd:integer .\n");
    }

    @Test
    void badIrisLanguageDatatypesAndBaseIrisAreReportedAsTheCheckingParserReportsThem() {
        assertReportedAsTheCheckingParser(
                "content/graph/iri.ttl", PREFIXES + "ex:a ex:link <http://example.org/a%zz> .\n",
                "content/graph/lang.ttl", PREFIXES + "ex:b ex:label \"no tag\"^^rdf:langString .\n",
                "content/graph/base.ttl", "@base <http://example.org/base/> .\n" + PREFIXES + "<x> ex:p <y%zz> .\n",
                "content/graph/badbase.ttl", "@base <http://example.org/a%zz/> .\n" + PREFIXES + "<x> ex:p ex:q .\n",
                "content/graph/prefix.ttl", "@prefix bad: <http://example.org/b%zz/> .\n" + PREFIXES + "ex:c ex:p 1 .\n",
                "content/graph/fine.ttl", PREFIXES + "ex:d ex:p \"x\"@en-gb , 2.5 , \"2024-01-01\"^^xsd:date .\n");
    }

    @Test
    void aFileThatTurnsBadAfterAReloadIsReportedAndAGoodOneIsNot() {
        String good = PREFIXES + "ex:a ex:size \"3\"^^xsd:integer .\n";
        String bad = PREFIXES + "ex:a ex:size \"3\"^^xsd:integer , \"x\"^^xsd:integer .\n";
        GuideLoader.Reuse reuse = new GuideLoader.Reuse();
        assertEquals(List.of(), reported(GuideLoader.load(sources("content/graph/a.ttl", good), reuse)));
        List<String> expected = checkingParser("content/graph/a.ttl", bad);
        assertFalse(expected.isEmpty(), "the case has something to report");
        assertEquals(expected, reported(GuideLoader.load(sources("content/graph/a.ttl", bad), reuse)));
    }
}
