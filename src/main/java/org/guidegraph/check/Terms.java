package org.guidegraph.check;

import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.graph.GuideGraph;

/** Naming helpers for messages: short IRIs, labels, and the best position to report a node at. */
final class Terms {

    private Terms() {
    }

    /** The IRI in prefixed form when a prefix fits, else in angle brackets; blank nodes as "a blank node". */
    static String id(GuideGraph g, RDFNode node) {
        if (node == null) {
            return "(nothing)";
        }
        if (node.isURIResource()) {
            return id(g, node.asResource().getURI());
        }
        if (node.isAnon()) {
            return "[blank node]";
        }
        return "\"" + node.asLiteral().getLexicalForm() + "\"";
    }

    static String id(GuideGraph g, String iri) {
        String s = g.content().shortForm(iri);
        if (s.equals(iri)) {
            s = g.ontology().shortForm(iri);
        }
        // A prefixed name is only shown when it is one Turtle would accept (no '/' in the local part).
        boolean valid = !s.equals(iri) && !s.substring(s.indexOf(':') + 1).contains("/");
        return valid ? s : "<" + iri + ">";
    }

    /** The label of a resource, or its short id. */
    static String label(GuideGraph g, Resource r) {
        Model m = g.union();
        for (var p : List.of(RDFS.label, SKOS.prefLabel)) {
            Statement s = m.getProperty(r, p);
            if (s != null && s.getObject().isLiteral()) {
                return s.getString();
            }
        }
        return id(g, r);
    }

    /** "label" (id), for messages that must name a thing both ways. */
    static String named(GuideGraph g, Resource r) {
        String label = label(g, r);
        String id = id(g, r);
        return label.equals(id) ? id : "\"" + label + "\" (" + id + ")";
    }

    /**
     * Where a node is written: its definition for an IRI; for a blank node, the place where its parent gives it
     * (walking up to an IRI). Falls back to the first content file.
     */
    static SourcePosition positionOf(GuideGraph g, RDFNode node) {
        SourcePosition p = find(g, node, 0);
        if (p != null) {
            return p;
        }
        return g.sources().all().stream()
                .filter(f -> f.kind() == org.guidegraph.source.SourceKind.GRAPH)
                .findFirst()
                .map(f -> SourcePosition.ofFile(f.path()))
                .orElse(SourcePosition.ofFile("content/graph"));
    }

    private static SourcePosition find(GuideGraph g, RDFNode node, int depth) {
        if (node == null || depth > 8) {
            return null;
        }
        if (node.isURIResource()) {
            return g.index().definition(node.asResource().getURI());
        }
        if (node.isAnon()) {
            var it = g.union().listStatements(null, null, node);
            try {
                while (it.hasNext()) {
                    Statement s = it.next();
                    if (s.getSubject().isURIResource()) {
                        SourcePosition p = g.index().pair(s.getSubject().getURI(), s.getPredicate().getURI());
                        if (p != null) {
                            return p;
                        }
                    }
                    SourcePosition up = find(g, s.getSubject(), depth + 1);
                    if (up != null) {
                        return up;
                    }
                }
            } finally {
                it.close();
            }
        }
        return null;
    }
}
