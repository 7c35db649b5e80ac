package org.guidegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.guidegraph.TestGuides;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.graph.GraphDelta;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.graph.GuideLoader;
import org.guidegraph.source.GuideSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A build keeps the last good build's rows of the queries no changed triple can reach, and runs the others. */
class KeptRowsTest {

    private static final String GG = "https://guidegraph.org/ns#";
    private static final String NS = "https://guidegraph.org/guides/static-site-generators/";

    private GuideGraph graph;
    private Map<String, String> prefixes;
    private ParsedQueries parsed;
    private NamedQueries first;

    @BeforeEach
    void firstBuild() throws Exception {
        graph = GuideLoader.load(GuideSources.read(TestGuides.SECOND));
        prefixes = new TreeMap<>(graph.ontology().getNsPrefixMap());
        prefixes.putAll(graph.content().getNsPrefixMap());
        parsed = new ParsedQueries();
        first = NamedQueries.load(graph.sources(), graph.dataset(), prefixes, new Diagnostics(), parsed);
        first.prefetch(2, Optional.empty());
        parsed.keep(first);
    }

    private NamedQueries next(Optional<GraphDelta> delta) {
        NamedQueries q = NamedQueries.load(graph.sources(), graph.dataset(), prefixes, new Diagnostics(), parsed);
        q.prefetch(2, delta);
        return q;
    }

    private static GraphDelta added(Triple t) {
        return new GraphDelta(Set.of(), Set.of(t), false);
    }

    private static Triple triple(String s, String p, String o) {
        return Triple.create(NodeFactory.createURI(s), NodeFactory.createURI(p), NodeFactory.createURI(o));
    }

    @Test
    void aChangeNoPatternOfAQueryCanMatchKeepsItsRowsObject() {
        NamedQueries second = next(Optional.of(added(triple(NS + "assessment/x", GG + "note", NS + "y"))));
        assertTrue(second.kept("approaches"));
        assertSame(first.results("approaches"), second.results("approaches"));
        assertSame(first.results("use-case-reasons"), second.results("use-case-reasons"));
    }

    private String anAssessment() {
        return graph.dataset().getDefaultModel().listSubjectsWithProperty(
                org.apache.jena.vocabulary.RDF.type, graph.dataset().getDefaultModel().createResource(GG + "Assessment"))
                .next().getURI();
    }

    @Test
    void aChangeAPatternCanMatchRunsTheQueryAgain() {
        NamedQueries second = next(Optional.of(added(triple(anAssessment(), GG + "note", NS + "y"))));
        assertFalse(second.kept("matrix"));
        assertNotSame(first.results("matrix"), second.results("matrix"));
        assertEquals(first.results("matrix").all(), second.results("matrix").all(), "same graph, same rows");
        assertFalse(second.kept("vocabulary-properties"), "a variable predicate can match any change");
        assertTrue(second.kept("decision-outcomes"), "its notes are the notes of outcomes, not of assessments");
    }

    @Test
    void aChangeOnlyFilterNotExistsCanSeeRunsTheQueryAgain() {
        // feature-disagreements reads gg:accelerator only in FILTER NOT EXISTS
        NamedQueries second = next(Optional.of(added(triple(NS + "point/x", GG + "accelerator", NS + "y"))));
        assertFalse(second.kept("feature-disagreements"));
        assertTrue(second.kept("approaches"));
    }

    @Test
    void anUnknownDeltaOrAChangedOntologyRunsEveryQuery() {
        NamedQueries unknown = next(Optional.empty());
        assertTrue(unknown.all().keySet().stream().noneMatch(unknown::kept));
        NamedQueries ontology = next(Optional.of(new GraphDelta(Set.of(), Set.of(), true)));
        assertTrue(ontology.all().keySet().stream().noneMatch(ontology::kept));
    }

    @Test
    void noChangeKeepsEveryQuery() {
        NamedQueries second = next(Optional.of(new GraphDelta(Set.of(), Set.of(), false)));
        assertTrue(second.all().values().stream().filter(q -> q.query().isSelectType())
                .allMatch(q -> second.kept(q.name())));
    }

    @Test
    void entitiesChangedSinceNamesOnlyTheEntitiesWhoseRowsDiffer() {
        QueryRows before = first.results("feature-assessments");
        String feature = before.byThis().keySet().iterator().next();
        java.util.List<Map<String, org.apache.jena.rdf.model.RDFNode>> rows = new java.util.ArrayList<>(
                before.all());
        rows.removeIf(r -> r.get("this").asResource().getURI().equals(feature));
        assertEquals(Set.of(), before.entitiesChangedSince(before));
        assertEquals(Set.of(feature), new QueryRows(rows).entitiesChangedSince(before));
    }
}
