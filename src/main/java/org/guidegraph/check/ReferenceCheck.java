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

    /**
     * A change can leave a reference undefined only where it adds a reference (the object of an added triple) or
     * takes away a definition (the subject of a removed triple): if the graph before had none and none of those
     * is undefined and still referenced, there is none.
     */
    @Override
    public List<Diagnostic> afterChange(GuideGraph g, org.guidegraph.graph.GraphDelta delta, List<Diagnostic> before) {
        String ns = g.namespace().orElse(null);
        if (!before.isEmpty() || ns == null) {
            return null;
        }
        org.apache.jena.graph.Graph content = g.content().getGraph();
        java.util.Set<org.apache.jena.graph.Node> candidates = new java.util.HashSet<>();
        delta.added().forEach(t -> candidates.add(t.getObject()));
        delta.removed().forEach(t -> candidates.add(t.getSubject()));
        for (org.apache.jena.graph.Node n : candidates) {
            if (n.isURI() && n.getURI().startsWith(ns)
                    && content.contains(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY, n)
                    && !content.contains(n, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY)) {
                return null;
            }
        }
        return List.of();
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
