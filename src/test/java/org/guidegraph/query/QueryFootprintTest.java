package org.guidegraph.query;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.guidegraph.graph.GraphDelta;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** Which changed triples can reach a query's results: every pattern of its algebra counts, EXISTS included. */
class QueryFootprintTest {

    private static final String GG = "https://guidegraph.org/ns#";
    private static final String PROLOGUE = "PREFIX gg: <" + GG + ">\nPREFIX rdfs: <" + RDFS.getURI() + ">\n";
    private static final Node A = NodeFactory.createURI("https://example.org/a");
    private static final Node B = NodeFactory.createURI("https://example.org/b");

    private static QueryFootprint footprint(String where) {
        return QueryFootprint.of(QueryFactory.create(PROLOGUE + "SELECT * WHERE { " + where + " }"));
    }

    private static Triple t(Node s, String predicate, Node o) {
        return Triple.create(s, NodeFactory.createURI(predicate), o);
    }

    private static boolean reaches(String where, Triple changed) {
        return footprint(where).canMatchAny(List.of(changed));
    }

    @Test
    void aTripleWithAnotherPredicateCannotReachABasicGraphPattern() {
        String where = "?x a gg:Approach ; rdfs:label ?l";
        assertFalse(reaches(where, t(A, GG + "note", B)));
        assertTrue(reaches(where, t(A, RDFS.label.getURI(), NodeFactory.createLiteralString("A"))));
    }

    @Test
    void aConstantObjectRulesOutTriplesWithAnotherObject() {
        String where = "?x a gg:Approach";
        assertFalse(reaches(where, t(A, RDF.type.getURI(), NodeFactory.createURI(GG + "Feature"))));
        assertTrue(reaches(where, t(A, RDF.type.getURI(), NodeFactory.createURI(GG + "Approach"))));
    }

    @Test
    void patternsInsideOptionalUnionMinusSubqueriesAndBindCount() {
        Triple note = t(A, GG + "note", B);
        assertTrue(reaches("?x a gg:A OPTIONAL { ?x gg:note ?n }", note));
        assertTrue(reaches("{ ?x a gg:A } UNION { ?x gg:note ?n }", note));
        assertTrue(reaches("?x a gg:A MINUS { ?x gg:note ?n }", note));
        assertTrue(reaches("{ SELECT ?x WHERE { ?x gg:note ?n } }", note));
        assertTrue(reaches("?x a gg:A BIND (EXISTS { ?x gg:note ?n } AS ?has)", note));
        assertFalse(reaches("?x a gg:A VALUES ?n { 1 2 } BIND (?n + 1 AS ?m)", note));
    }

    @Test
    void theGraphPatternOfFilterExistsAndNotExistsIsSeen() {
        Triple accelerator = t(A, GG + "accelerator", B);
        assertTrue(reaches("?x gg:level ?l FILTER NOT EXISTS { ?x gg:accelerator ?any }", accelerator));
        assertTrue(reaches("?x gg:level ?l FILTER (?l != gg:none && EXISTS { ?x gg:accelerator ?any })",
                accelerator));
        assertFalse(reaches("?x gg:level ?l FILTER (?l != gg:none)", accelerator));
    }

    @Test
    void aVariablePredicateMakesEveryChangeCount() {
        QueryFootprint f = footprint("?s ?p ?o");
        assertTrue(f.isUnbounded());
        assertTrue(f.canMatchAny(List.of(t(A, GG + "anything", B))));
    }

    @Test
    void aPathCountsTheTriplesOfItsPredicatesWhateverTheirEnds() {
        String where = "gg:root (gg:option/gg:leadsTo)+ ?q";
        assertTrue(reaches(where, t(A, GG + "leadsTo", B)));
        assertTrue(reaches(where, t(A, GG + "option", B)));
        assertFalse(reaches(where, t(A, GG + "note", B)));
    }

    @Test
    void aPathThatMayBeEmptyBetweenVariablesMatchesEveryNodeSoEveryChangeCounts() {
        assertTrue(footprint("?root (gg:option/gg:leadsTo)* ?q").isUnbounded());
        assertFalse(footprint("gg:root (gg:option/gg:leadsTo)* gg:end").isUnbounded());
        assertTrue(footprint("?root (gg:option/gg:leadsTo)* ?q OPTIONAL { ?q a gg:Question }").isUnbounded(),
                "an OPTIONAL class does not narrow");
    }

    @Test
    void aPathThatMayBeEmptyToANodeOfARequiredClassCountsItsPredicatesAndThatClass() {
        Graph graph = GraphFactory.createDefaultGraph();
        graph.add(Triple.create(A, RDF.type.asNode(), NodeFactory.createURI(GG + "Assessment")));
        String where = "?t gg:root ?root . ?root (gg:option/gg:leadsTo)* ?q . ?q a gg:Question ; gg:text ?text";
        assertFalse(footprint(where).isUnbounded());
        assertFalse(footprint(where).canChange(new GraphDelta(Set.of(), Set.of(t(A, GG + "note", B)), false), graph));
        assertTrue(reaches(where, t(A, GG + "leadsTo", B)));
        assertTrue(reaches(where, Triple.create(A, RDF.type.asNode(), NodeFactory.createURI(GG + "Question"))),
                "a node that becomes a question is a walk of length zero from itself");
    }

    @Test
    void aChangeOfANodeWithoutTheClassARequiredPatternGivesItCannotReachTheResults() {
        Graph graph = GraphFactory.createDefaultGraph();
        graph.add(Triple.create(A, RDF.type.asNode(), NodeFactory.createURI(GG + "Assessment")));
        GraphDelta note = new GraphDelta(Set.of(), Set.of(t(A, GG + "note", B)), false);
        assertFalse(footprint("?o a gg:Outcome OPTIONAL { ?o gg:note ?n }").canChange(note, graph));
        assertFalse(footprint("?o a gg:Outcome ; gg:note ?n").canChange(note, graph));
        assertFalse(footprint("?o a gg:Outcome FILTER EXISTS { ?o gg:note ?n }").canChange(note, graph));
        assertTrue(footprint("?a a gg:Assessment OPTIONAL { ?a gg:note ?n }").canChange(note, graph));
        assertTrue(footprint("?o a gg:Outcome OPTIONAL { ?x gg:note ?n }").canChange(note, graph),
                "?x is not the outcome");
        assertTrue(footprint("{ ?o a gg:Outcome } UNION { ?o gg:note ?n }").canChange(note, graph));
        assertTrue(footprint("?o gg:note ?n OPTIONAL { ?o a gg:Outcome }").canChange(note, graph),
                "an OPTIONAL class does not narrow");
        assertTrue(footprint("?o a gg:Outcome { SELECT (COUNT(?x) AS ?c) WHERE { ?x gg:note ?n } }")
                .canChange(note, graph));
    }

    @Test
    void aRemovedClassCountsAsTheNodesClassBeforeTheChange() {
        Graph graph = GraphFactory.createDefaultGraph();
        Triple outcome = Triple.create(A, RDF.type.asNode(), NodeFactory.createURI(GG + "Outcome"));
        GraphDelta both = new GraphDelta(Set.of(outcome, t(A, GG + "note", B)), Set.of(), false);
        assertTrue(footprint("?o a gg:Outcome OPTIONAL { ?o gg:note ?n }").canChange(both, graph));
    }

    @Test
    void noChangeReachesNothing() {
        assertFalse(footprint("?s ?p ?o").canMatchAny(List.of()));
    }
}
