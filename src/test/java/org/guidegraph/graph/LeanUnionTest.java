package org.guidegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.mem2.GraphMem2Fast;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;

class LeanUnionTest {

    private static final String EX = "https://example.org/";

    private static Graph graph(String turtle) {
        Graph g = new GraphMem2Fast();
        RDFParser.create().source(new StringReader("@prefix ex: <" + EX + "> .\n" + turtle)).lang(Lang.TURTLE)
                .parse(g);
        return g;
    }

    private static Node ex(String local) {
        return NodeFactory.createURI(EX + local);
    }

    private static Node integer(String lexical) {
        return NodeFactory.createLiteralDT(lexical, XSDDatatype.XSDinteger);
    }

    // a triple in both graphs, subjects in one graph only, and a subject in both with different triples
    private final Graph left = graph("ex:Class ex:label \"a class\" . ex:shared ex:p 1 . ex:both ex:p 1 , 2 .");
    private final Graph right = graph("ex:a ex:p 1 ; ex:q ex:b . ex:b ex:p 2 . ex:both ex:p 2 , 3 . "
            + "ex:shared ex:p 1 .");

    @Test
    void findsWhatJenasUnionFindsInTheSameOrderForEveryKindOfPattern() {
        Graph lean = new LeanUnion(left, right);
        Graph jena = new Union(left, right);
        List<Triple> patterns = List.of(Triple.ANY, Triple.create(ex("both"), Node.ANY, Node.ANY),
                Triple.create(ex("shared"), Node.ANY, Node.ANY), Triple.create(Node.ANY, ex("p"), Node.ANY),
                Triple.create(Node.ANY, Node.ANY, integer("2")),
                Triple.create(ex("a"), ex("q"), ex("b")), Triple.create(ex("none"), Node.ANY, Node.ANY));
        for (Triple pattern : patterns) {
            List<Triple> expected = jena.find(pattern).toList();
            assertEquals(expected, lean.find(pattern).toList(), "find " + pattern);
            assertEquals(pattern.getSubject().equals(ex("none")), expected.isEmpty(), "find " + pattern);
        }
    }

    @Test
    void countsATripleOfBothGraphsOnce() {
        Graph lean = new LeanUnion(left, right);
        assertEquals(1, lean.find(ex("shared"), Node.ANY, Node.ANY).toList().size());
        assertEquals(3, lean.find(ex("both"), Node.ANY, Node.ANY).toList().size());
        assertEquals(left.size() + right.size() - 2, lean.size());
    }

    @Test
    void holdsATripleIfEitherGraphDoes() {
        Graph lean = new LeanUnion(left, right);
        assertTrue(lean.contains(ex("Class"), Node.ANY, Node.ANY));
        assertTrue(lean.contains(ex("b"), ex("p"), integer("2")));
        assertFalse(lean.contains(ex("b"), ex("p"), integer("3")));
    }
}
