package org.guidegraph.check;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.source.SourceKind;

/** Every entity of the guide that content refers to is defined: a misspelt {@code approach:lmd} is an error. */
final class ReferenceCheck implements Check {

    @Override
    public String name() {
        return "references";
    }

    @Override
    public boolean needsCompleteGraph() {
        return true;
    }

    @Override
    public void run(GuideGraph g, List<Diagnostic> out) {
        String ns = g.namespace().orElse(null);
        if (ns == null) {
            return;
        }
        Model m = g.content();
        Set<String> referenced = new TreeSet<>();
        m.getGraph().find().forEachRemaining(t -> {
            if (t.getObject().isURI() && t.getObject().getURI().startsWith(ns)) {
                referenced.add(t.getObject().getURI());
            }
        });
        for (String iri : referenced) {
            if (m.contains(m.createResource(iri), null)) {
                continue;
            }
            String message = "reference to " + Terms.id(g, iri) + ", which no content file defines";
            String hint = "define it (with rdf:type and rdfs:label) or correct the name";
            boolean any = false;
            for (SourcePosition at : g.index().uses(iri)) {
                if (g.sources().get(at.file()) != null && g.sources().get(at.file()).kind() == SourceKind.GRAPH) {
                    out.add(Diagnostic.error(at, message, hint));
                    any = true;
                }
            }
            if (!any) {
                out.add(Diagnostic.error(Terms.positionOf(g, null), message, hint));
            }
        }
    }
}
