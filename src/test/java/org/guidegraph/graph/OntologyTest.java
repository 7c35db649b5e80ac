package org.guidegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDFS;
import org.guidegraph.TestGuides;
import org.guidegraph.check.Checker;
import org.guidegraph.source.GuideSources;
import org.junit.jupiter.api.Test;

class OntologyTest {

    @Test
    void everyTermOfTheVocabularyHasALabelAndAComment() {
        Model o = GuideLoader.load(GuideSources.read(TestGuides.PROJECT)).ontology();
        TreeSet<String> missing = new TreeSet<>();
        for (Resource r : o.listSubjects().toList()) {
            if (r.isURIResource() && r.getURI().startsWith(GG.NS)
                    && (!r.hasProperty(RDFS.label) || !r.hasProperty(RDFS.comment))) {
                missing.add(r.getURI());
            }
        }
        assertEquals(new TreeSet<>(), missing, "terms without rdfs:label or rdfs:comment");
    }

    @Test
    void aSecondGuideOnAnotherSubjectPassesCheckWithNoCodeChange() {
        GuideGraph g = GuideLoader.load(GuideSources.read(TestGuides.SECOND));
        var ds = Checker.check(g);
        assertEquals(List.of(), ds.sorted());
        assertTrue(g.content().size() > 50, "the second guide has content");
    }

    @Test
    void aGuideWithoutItsOwnOntologyUsesTheBuiltInOne() {
        GuideSources sources = GuideSources.read(TestGuides.MINIMAL);
        assertTrue(sources.get("ontology/guidegraph.ttl").builtIn());
        assertTrue(sources.get("ontology/shapes.ttl").builtIn());
    }
}
