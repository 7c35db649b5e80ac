package org.guidegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.Test;

class FlatBindingTest {

    /** A row as Jena's basic graph pattern builds it: one variable per binding, each pointing to the one before. */
    private static Binding chain(int variables) {
        Binding b = BindingFactory.root();
        for (int i = 0; i < variables; i++) {
            b = BindingFactory.binding(b, Var.alloc("v" + i), NodeFactory.createURI("https://example.org/" + i));
        }
        return b;
    }

    @Test
    void aFlattenedRowHoldsTheSameVariablesAndTermsAndEqualsTheChain() {
        Binding chain = chain(20);
        Binding flat = FlatBinding.of(chain);
        assertEquals(chain.size(), flat.size());
        for (int i = 0; i < 20; i++) {
            // a Var of the same name that is another object is found too
            assertEquals(chain.get(Var.alloc("v" + i)), flat.get(Var.alloc(new String("v" + i))));
        }
        assertNull(flat.get(Var.alloc("missing")));
        assertFalse(flat.contains(Var.alloc("missing")));
        assertTrue(flat.contains(Var.alloc("v7")));
        assertEquals(chain, flat);
        assertEquals(flat, chain);
        assertEquals(chain.hashCode(), flat.hashCode());
        Map<Var, Node> seen = new LinkedHashMap<>();
        flat.forEach(seen::put);
        assertEquals(20, seen.size());
        seen.forEach((v, n) -> assertEquals(chain.get(v), n));
    }

    @Test
    void aFlatRowIsNotFlattenedAgainAndAnEmptyRowStaysEmpty() {
        Binding flat = FlatBinding.of(chain(3));
        assertSame(flat, FlatBinding.of(flat));
        Binding empty = FlatBinding.of(BindingFactory.root());
        assertTrue(empty.isEmpty());
        assertEquals(0, empty.size());
    }
}
