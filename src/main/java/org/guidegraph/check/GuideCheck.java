package org.guidegraph.check;

import java.util.List;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.graph.GG;
import org.guidegraph.graph.GuideGraph;

/** A guide has exactly one {@code gg:Guide} resource whose IRI, ending in '/', prefixes all its entities. */
final class GuideCheck implements Check {

    @Override
    public String name() {
        return "guide";
    }

    @Override
    public void run(GuideGraph g, List<Diagnostic> out) {
        List<Resource> guides = g.content().listResourcesWithProperty(RDF.type, GG.Guide).toList();
        if (guides.isEmpty()) {
            out.add(Diagnostic.error(Terms.positionOf(g, null), "no gg:Guide found in content/graph",
                    "declare the guide once, e.g. <https://example.org/my-guide/> a gg:Guide ; dcterms:title \"…\""));
            return;
        }
        if (guides.size() > 1) {
            for (Resource r : guides.subList(1, guides.size())) {
                out.add(Diagnostic.error(Terms.positionOf(g, r), "more than one gg:Guide: " + Terms.id(g, r)
                        + " and " + Terms.id(g, guides.get(0)), "a guide directory holds exactly one guide"));
            }
        }
        for (Resource r : guides) {
            if (!r.isURIResource() || !r.getURI().endsWith("/")) {
                out.add(Diagnostic.error(Terms.positionOf(g, r), "the guide's IRI must end with '/': "
                        + Terms.id(g, r), "its entities' IRIs start with it, e.g. <https://example.org/my-guide/>"));
            }
        }
    }
}
