package org.guidegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Triple;
import org.guidegraph.source.GuideSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphDeltaTest {

    private static final String P = "@prefix ex: <https://example.org/> .\n";

    @TempDir
    Path dir;

    private void write(String name, String turtle) throws IOException {
        Path f = dir.resolve("content/graph").resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, P + turtle);
    }

    private GuideGraph load(GuideLoader.Reuse reuse) throws IOException {
        return GuideLoader.load(GuideSources.read(dir), reuse);
    }

    private static Set<String> strings(Set<Triple> ts) {
        return ts.stream().map(t -> t.getSubject().getLocalName() + " " + t.getObject().getLiteralLexicalForm()).collect(Collectors.toSet());
    }

    @Test
    void firstLoadHasNoDelta() throws IOException {
        write("a.ttl", "ex:a ex:p 1 .\n");
        assertTrue(load(new GuideLoader.Reuse()).delta().isEmpty());
    }

    @Test
    void deltaHoldsTheChangedTriplesOfTheEditedFileOnly() throws IOException {
        write("a.ttl", "ex:a ex:p 1 . ex:b ex:p 2 .\n");
        write("b.ttl", "ex:c ex:p 3 .\n");
        GuideLoader.Reuse reuse = new GuideLoader.Reuse();
        reuse.commit(load(reuse));
        write("a.ttl", "ex:a ex:p 1 . ex:b ex:p 20 .\n");
        GraphDelta d = load(reuse).delta().orElseThrow();
        assertEquals(Set.of("b 2"), strings(d.removed()));
        assertEquals(Set.of("b 20"), strings(d.added()));
        assertFalse(d.ontologyChanged());
        assertEquals(1, d.subjects().size());
    }

    @Test
    void aTripleStillWrittenInAnotherFileIsNotRemoved() throws IOException {
        write("a.ttl", "ex:a ex:p 1 .\n");
        write("b.ttl", "ex:a ex:p 1 .\n");
        GuideLoader.Reuse reuse = new GuideLoader.Reuse();
        reuse.commit(load(reuse));
        Files.delete(dir.resolve("content/graph/b.ttl"));
        assertTrue(load(reuse).delta().orElseThrow().isEmpty());
    }

    @Test
    void afterAFailedBuildTheDeltaRunsFromTheLastGoodGraph() throws IOException {
        write("a.ttl", "ex:a ex:p 1 .\n");
        GuideLoader.Reuse reuse = new GuideLoader.Reuse();
        reuse.commit(load(reuse));
        write("a.ttl", "ex:a ex:p 2 .\n");
        load(reuse); // not committed: its build failed
        write("a.ttl", "ex:a ex:p 3 .\n");
        GraphDelta d = load(reuse).delta().orElseThrow();
        assertEquals(Set.of("a 1"), strings(d.removed()));
        assertEquals(Set.of("a 3"), strings(d.added()));
    }
}
