package org.guidegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

class PivotsTest {

    private static Node uri(String local) {
        return NodeFactory.createURI("https://example.org/" + local);
    }

    private static void assertHashesMatch(Pivots p) {
        for (int i = 0; i < p.size(); i++) {
            assertEquals(p.get(i) == null ? 0 : p.get(i).hashCode(), p.hashAt(i), "hash of row " + i);
        }
    }

    @Test
    void holdsTheValuesOfAListWithTheirHashesRowsWithoutAPivotIncluded() {
        List<Node> values = Arrays.asList(uri("a"), null, NodeFactory.createLiteralString("b"), uri("a"));
        Pivots p = Pivots.of(values);
        assertEquals(values, p);
        assertHashesMatch(p);
        assertSame(p, Pivots.of(p));
    }

    @Test
    void rangesAndInsertionsGiveWhatTheSameEditsOfAListGive() {
        Pivots before = Pivots.of(List.of(uri("a"), uri("b"), uri("c"), uri("d"), uri("e")));
        Pivots.Builder b = new Pivots.Builder(1);
        b.addRange(before, 0, 2);
        b.addRange(before, 3, 5);
        b.insert(1, uri("x"));
        b.insert(0, uri("y"));
        b.add(uri("z"));
        List<Node> expected = new ArrayList<>(List.of(uri("a"), uri("b"), uri("d"), uri("e")));
        expected.add(1, uri("x"));
        expected.add(0, uri("y"));
        expected.add(uri("z"));
        assertEquals(uri("x"), b.get(2));
        Pivots after = b.build();
        assertEquals(expected, after);
        assertHashesMatch(after);
        assertEquals(List.of(uri("a"), uri("b"), uri("c"), uri("d"), uri("e")), before, "the source is unchanged");
    }

    @Test
    void refusesRowsOutsideItsRange() {
        Pivots p = Pivots.of(List.of(uri("a")));
        assertThrows(IndexOutOfBoundsException.class, () -> p.get(1));
        assertThrows(IndexOutOfBoundsException.class, () -> p.hashAt(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> new Pivots.Builder(2).addRange(p, 0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> new Pivots.Builder(2).insert(1, uri("b")));
    }
}
