package org.guidegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.guidegraph.TestGuides;
import org.guidegraph.source.GuideSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A load through {@link GuideLoader.Reuse} after edits gives the graph a load from scratch gives. */
class ReusedLoadTest {

    @TempDir
    Path guide;

    @Test
    void aReloadAfterEditsEqualsALoadFromScratchAndLeavesThePreviousGraphUntouched() throws IOException {
        for (String f : new String[] {"content", "ontology"}) {
            copy(TestGuides.PROJECT.resolve(f), guide.resolve(f));
        }
        GuideLoader.Reuse reuse = new GuideLoader.Reuse();
        GuideGraph first = GuideLoader.load(GuideSources.read(guide), reuse);
        first.dataset();
        reuse.commit(first);
        Model contentBefore = ModelFactory.createDefaultModel().add(first.content());
        Model datasetBefore = ModelFactory.createDefaultModel().add(first.dataset().getDefaultModel());
        var prefixesBefore = first.content().getNsPrefixMap();

        Path matrix = guide.resolve("content/graph/matrix.ttl");
        String text = Files.readString(matrix);
        Files.writeString(matrix, "@prefix extra: <https://example.org/extra#> .\n"
                + text.replace("gg:note \"Alpha\" ;", "gg:note \"Alpha, changed\" ;"));
        Files.delete(guide.resolve("content/graph/summary.ttl"));
        Files.writeString(guide.resolve("content/graph/more.ttl"), """
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix ex: <https://example.org/more#> .
                ex:thing rdfs:label "A thing" ; rdfs:comment [ rdfs:label "a blank node" ] .
                """);
        GuideGraph reloaded = GuideLoader.load(GuideSources.read(guide), reuse);
        GuideGraph scratch = GuideLoader.load(GuideSources.read(guide));

        assertTrue(reloaded.delta().isPresent());
        assertSame(scratch.ontology(), reloaded.ontology());
        assertSame(scratch.content(), reloaded.content());
        assertSame(scratch.dataset().getDefaultModel(), reloaded.dataset().getDefaultModel());
        assertEquals(scratch.size(), reloaded.size());

        assertTrue(first.content().getGraph().isIsomorphicWith(contentBefore.getGraph()), "previous content");
        assertTrue(first.dataset().getDefaultModel().getGraph().isIsomorphicWith(datasetBefore.getGraph()),
                "previous dataset");
        assertEquals(prefixesBefore, first.content().getNsPrefixMap(), "previous prefixes");
        assertTrue(!reloaded.content().getNsPrefixMap().equals(prefixesBefore), "the new prefix is seen");
    }

    private static void assertSame(Model expected, Model actual) {
        Graph e = expected.getGraph();
        Graph a = actual.getGraph();
        assertEquals(e.size(), a.size());
        assertTrue(e.isIsomorphicWith(a), "isomorphic");
        assertEquals(expected.getNsPrefixMap(), actual.getNsPrefixMap(), "prefixes");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
