package org.guidegraph.render;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;

/** Turns RDF terms of query results into plain maps that templates read: value, iri, href, datatype. */
final class Cells {

    private Cells() {
    }

    /**
     * The cell for a term on a page: {@code value} (lexical form or IRI), {@code iri} (IRIs only), {@code href}
     * (a relative link: to the entity's page for guide entities, the IRI itself for web links), {@code datatype},
     * {@code lang}, and {@code blank} for blank nodes.
     */
    static Map<String, Object> cell(RDFNode node, String fromPath, PagePlan plan) {
        Map<String, Object> c = new LinkedHashMap<>();
        if (node.isURIResource()) {
            String iri = node.asResource().getURI();
            c.put("value", iri);
            c.put("iri", iri);
            String page = plan.pathOf(iri);
            if (page != null) {
                c.put("href", Links.relative(fromPath, page));
            } else if (iri.startsWith("http://") || iri.startsWith("https://")) {
                c.put("href", iri);
            }
        } else if (node.isAnon()) {
            c.put("value", "");
            c.put("blank", Boolean.TRUE);
        } else {
            Literal l = node.asLiteral();
            c.put("value", l.getLexicalForm());
            c.put("datatype", l.getDatatypeURI());
            if (!l.getLanguage().isEmpty()) {
                c.put("lang", l.getLanguage());
            }
        }
        return c;
    }

    /** Stable identity of a term for comparing results between runs. */
    static String key(RDFNode node) {
        if (node.isAnon()) {
            return "_:";
        }
        return node.toString();
    }
}
