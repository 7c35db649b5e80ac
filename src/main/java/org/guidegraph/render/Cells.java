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

    /**
     * A query row as templates read it: each variable's cell, made when the template first asks for it (a page
     * often reads a few of a row's many variables). Iterates in the row's order; read-only.
     */
    static final class Row extends java.util.AbstractMap<String, Map<String, Object>> {
        private final Map<String, RDFNode> terms;
        private final String fromPath;
        private final PagePlan plan;
        private Map<String, Map<String, Object>> made;

        Row(Map<String, RDFNode> terms, String fromPath, PagePlan plan) {
            this.terms = terms;
            this.fromPath = fromPath;
            this.plan = plan;
        }

        @Override
        public Map<String, Object> get(Object variable) {
            RDFNode node = terms.get(variable);
            if (node == null) {
                return null;
            }
            if (made == null) {
                made = new java.util.HashMap<>();
            }
            return made.computeIfAbsent((String) variable, v -> java.util.Collections.unmodifiableMap(
                    cell(node, fromPath, plan)));
        }

        @Override
        public boolean containsKey(Object variable) {
            return terms.containsKey(variable);
        }

        @Override
        public int size() {
            return terms.size();
        }

        @Override
        public java.util.Set<Entry<String, Map<String, Object>>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public java.util.Iterator<Entry<String, Map<String, Object>>> iterator() {
                    java.util.Iterator<String> names = terms.keySet().iterator();
                    return new java.util.Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return names.hasNext();
                        }

                        @Override
                        public Entry<String, Map<String, Object>> next() {
                            String name = names.next();
                            return new SimpleImmutableEntry<>(name, get(name));
                        }
                    };
                }

                @Override
                public int size() {
                    return terms.size();
                }
            };
        }
    }

    /** Stable identity of a term for comparing results between runs. */
    static String key(RDFNode node) {
        if (node.isAnon()) {
            return "_:";
        }
        return node.toString();
    }
}
