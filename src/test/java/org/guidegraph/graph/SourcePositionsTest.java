package org.guidegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.source.GuideSources;
import org.guidegraph.source.SourceFile;
import org.guidegraph.source.SourceKind;
import org.junit.jupiter.api.Test;

class SourcePositionsTest {

    private static GuideGraph load(String... nameAndText) {
        return GuideLoader.load(sources(nameAndText));
    }

    private static GuideSources sources(String... nameAndText) {
        List<SourceFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            files.add(new SourceFile(nameAndText[i], SourceKind.GRAPH, nameAndText[i + 1].getBytes(StandardCharsets.UTF_8), false));
        }
        return GuideSources.of(Path.of("."), files);
    }

    @Test
    void aReloadThroughReuseGivesTheGraphAndPositionsOfTheFilesAsTheyNowAre() {
        String a = "@prefix ex: <https://example.org/> .\nex:a ex:p \"1\" .\n";
        String b = "@prefix ex: <https://example.org/> .\nex:b ex:p \"2\" .\n";
        GuideLoader.Reuse reuse = new GuideLoader.Reuse();
        GuideGraph first = GuideLoader.load(sources("content/graph/a.ttl", a, "content/graph/b.ttl", b), reuse);
        assertEquals(new SourcePosition("content/graph/b.ttl", 2, 1), first.index().definition("https://example.org/b"));

        String changed = "@prefix ex: <https://example.org/> .\n\n\nex:b ex:p \"3\" .\n";
        GuideSources now = sources("content/graph/a.ttl", a, "content/graph/b.ttl", changed);
        GuideGraph second = GuideLoader.load(now, reuse);
        GuideGraph fresh = GuideLoader.load(now);
        assertTrue(second.content().isIsomorphicWith(fresh.content()), "the same graph as a load from scratch");
        var m = second.content();
        assertTrue(m.contains(m.createResource("https://example.org/b"), m.createProperty("https://example.org/p"), "3"));
        assertTrue(m.contains(m.createResource("https://example.org/a"), null), "the unchanged file is still there");
        assertEquals(new SourcePosition("content/graph/b.ttl", 4, 1), second.index().definition("https://example.org/b"));
        assertEquals(new SourcePosition("content/graph/a.ttl", 2, 1), second.index().definition("https://example.org/a"));
    }

    @Test
    void subjectsPredicatesAndNestedPredicatesAreIndexedAtTheirLineAndColumn() {
        GuideGraph g = load("content/graph/a.ttl", """
                @prefix ex: <https://example.org/> .
                ex:a ex:p "1" ;
                     ex:q [ ex:r ex:b ] .
                ex:b a ex:C .
                """);
        SourceIndex ix = g.index();
        assertEquals(new SourcePosition("content/graph/a.ttl", 2, 1), ix.definition("https://example.org/a"));
        assertEquals(new SourcePosition("content/graph/a.ttl", 3, 6), ix.pair("https://example.org/a", "https://example.org/q"));
        assertEquals(List.of(new SourcePosition("content/graph/a.ttl", 3, 13)), ix.predicateUses("https://example.org/r"));
        assertEquals(List.of(new SourcePosition("content/graph/a.ttl", 4, 8)), ix.classUses("https://example.org/C"));
    }

    @Test
    void aSyntaxErrorIsReportedAtItsLineAndOtherFilesAreStillRead() {
        GuideGraph g = load(
                "content/graph/bad.ttl", "@prefix ex: <https://example.org/> .\nex:a ex:p \"1\" .\nex:b ex:p ex:c ex:d .\n",
                "content/graph/good.ttl", "@prefix ex: <https://example.org/> .\nex:x ex:p \"2\" .\n");
        assertEquals(1, g.loadProblems().size());
        var d = g.loadProblems().get(0);
        assertEquals("content/graph/bad.ttl", d.file());
        assertEquals(3, d.line());
        assertTrue(d.message().startsWith("Turtle syntax:"), d.message());
        assertEquals(java.util.Set.of("content/graph/bad.ttl"), g.brokenFiles());
        var m = g.content();
        assertTrue(m.contains(m.createResource("https://example.org/x"), null), "the other file was read");
        assertTrue(m.contains(m.createResource("https://example.org/a"), null), "statements before the error are kept");
    }

    @Test
    void aBaseIriTheParserCannotUseIsAnErrorOfItsFileAndOtherFilesAreStillRead() {
        GuideGraph g = load(
                "content/graph/bad.ttl", "@base <http://example.org/a%zz/> .\n@prefix ex: <https://example.org/> .\n"
                        + "<x> ex:p ex:q .\n",
                "content/graph/good.ttl", "@prefix ex: <https://example.org/> .\nex:x ex:p \"2\" .\n");
        assertEquals(java.util.Set.of("content/graph/bad.ttl"), g.brokenFiles());
        var errors = g.loadProblems().stream().filter(d -> d.severity() == org.guidegraph.diagnostic.Severity.ERROR)
                .toList();
        assertEquals(1, errors.size(), g.loadProblems().toString());
        assertEquals("content/graph/bad.ttl", errors.get(0).file());
        assertTrue(errors.get(0).message().contains("a%zz"), errors.get(0).message());
        var m = g.content();
        assertTrue(m.contains(m.createResource("https://example.org/x"), null), "the other file was read");
    }
}
