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
        if (node.isURIResource()) {
            String iri = node.asResource().getURI();
            String page = plan.pathOf(iri);
            return new Cell(iri, iri, page != null ? Links.relative(fromPath, page)
                    : iri.startsWith("http://") || iri.startsWith("https://") ? iri : null, null, null, false);
        } else if (node.isAnon()) {
            return new Cell("", null, null, null, null, true);
        }
        Literal l = node.asLiteral();
        String lang = l.getLanguage();
        return new Cell(l.getLexicalForm(), null, null, l.getDatatypeURI(), lang.isEmpty() ? null : lang, false);
    }

    /**
     * A cell: a read-only map of the keys that are set, in the order {@code value, iri, href, datatype, lang,
     * blank}. Pages read tens of thousands of cells, a few keys each; fields answer faster than a hash map.
     */
    private static final class Cell extends java.util.AbstractMap<String, Object> {
        private static final String[] KEYS = {"value", "iri", "href", "datatype", "lang", "blank"};
        private final Object[] values;

        Cell(String value, String iri, String href, String datatype, String lang, boolean blank) {
            values = new Object[] {value, iri, href, datatype, lang, blank ? Boolean.TRUE : null};
        }

        private static int slot(Object key) {
            if (key instanceof String k) {
                switch (k) {
                    case "value": return 0;
                    case "iri": return 1;
                    case "href": return 2;
                    case "datatype": return 3;
                    case "lang": return 4;
                    case "blank": return 5;
                    default: return -1;
                }
            }
            return -1;
        }

        @Override
        public Object get(Object key) {
            int i = slot(key);
            return i < 0 ? null : values[i];
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < KEYS.length; i++) {
                if (values[i] != null) {
                    m.put(KEYS[i], values[i]);
                }
            }
            return java.util.Collections.unmodifiableMap(m).entrySet();
        }
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
            return made.computeIfAbsent((String) variable, v -> cell(node, fromPath, plan));
        }

        /**
         * What the cell of {@code variable} stands for, as a template would read it: its {@code iri}, else its
         * {@code value} (a literal's lexical form, empty for a blank node); null if the variable is unbound.
         */
        Object key(String variable) {
            RDFNode node = terms.get(variable);
            if (node == null) {
                return null;
            }
            if (node.isURIResource()) {
                return node.asResource().getURI();
            }
            return node.isAnon() ? "" : node.asLiteral().getLexicalForm();
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
