package org.guidegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.junit.jupiter.api.Test;

class ResultRowTest {

    private static final ResultRow.Columns COLUMNS = new ResultRow.Columns(List.of("this", "label", "note", "order"));

    private static ResultRow row(RDFNode... terms) {
        return new ResultRow(COLUMNS, terms);
    }

    private static Map<String, RDFNode> map(ResultRow r) {
        Map<String, RDFNode> m = new LinkedHashMap<>();
        for (String v : List.of("this", "label", "note", "order")) {
            if (r.get(v) != null) {
                m.put(v, r.get(v));
            }
        }
        return m;
    }

    @Test
    void aRowIsTheMapOfItsBoundVariablesInTheQueryOrder() {
        RDFNode self = ResourceFactory.createResource("https://example.org/g/feature/a");
        RDFNode label = ResourceFactory.createPlainLiteral("A");
        RDFNode order = ResourceFactory.createTypedLiteral(3);
        ResultRow r = row(self, label, null, order);

        assertEquals(3, r.size());
        assertEquals(List.of("this", "label", "order"), new ArrayList<>(r.keySet()));
        assertEquals(label, r.get("label"));
        assertNull(r.get("note"));
        assertFalse(r.containsKey("note"));
        assertNull(r.get("nothing"));
        Map<String, RDFNode> same = new LinkedHashMap<>();
        same.put("this", self);
        same.put("label", label);
        same.put("order", order);
        assertEquals(same, r);
        assertEquals(r, same);
        assertEquals(same.hashCode(), r.hashCode());
        assertEquals(same.toString(), r.toString());
        assertThrows(UnsupportedOperationException.class, () -> r.put("note", label));
    }

    @Test
    void rowsOfTheSameColumnsAreEqualExactlyWhenTheirTermsAre() {
        RDFNode a = ResourceFactory.createPlainLiteral("a");
        RDFNode b = ResourceFactory.createPlainLiteral("b");
        assertEquals(row(a, null, b, null), row(ResourceFactory.createPlainLiteral("a"), null, b, null));
        assertNotEquals(row(a, null, b, null), row(a, b, null, null));
        assertNotEquals(row(a, null, null, null), row(a, null, b, null));
        assertEquals(row(a, b, null, null), map(row(a, b, null, null)));
    }

    @Test
    void aRowLessAVariableHoldsTheOthersInOrder() {
        RDFNode a = ResourceFactory.createPlainLiteral("a");
        RDFNode b = ResourceFactory.createPlainLiteral("b");
        RDFNode c = ResourceFactory.createPlainLiteral("c");
        ResultRow r = row(a, b, null, c).without("label");
        assertEquals(List.of("this", "order"), new ArrayList<>(r.keySet()));
        assertEquals(c, r.get("order"));
        assertNull(r.get("label"));
        assertTrue(row(a, b, null, c).without("nothing").containsKey("label"));
        // rows made less the same variable share their columns, and compare as rows of them
        assertEquals(row(a, null, null, c).without("label"), r);
    }
}
