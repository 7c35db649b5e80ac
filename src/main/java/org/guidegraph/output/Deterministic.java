package org.guidegraph.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.vocabulary.RDF;

/**
 * RDF written the same way every time. Jena's writers follow hash order and blank-node labels that change from run
 * to run; this writes subjects, predicates and objects sorted, nests blank nodes used once, and names the others
 * by their place in that order.
 */
public final class Deterministic {

    private Deterministic() {
    }

    /** The model as Turtle, sorted. */
    public static String turtle(Model m) {
        StringBuilder sb = new StringBuilder();
        Map<String, String> prefixes = new TreeMap<>(m.getNsPrefixMap());
        prefixes.forEach((p, ns) -> sb.append("@prefix ").append(p).append(": <").append(ns).append("> .\n"));
        if (!prefixes.isEmpty()) {
            sb.append('\n');
        }
        Writer w = new Writer(m);
        for (Resource s : w.topSubjects()) {
            sb.append(w.term(s)).append(w.body(s, 1)).append(" .\n\n");
        }
        return sb.toString();
    }

    /**
     * The model as flat JSON-LD: a context of the model's prefixes and a {@code @graph} of node objects sorted by
     * id, properties sorted, values sorted, blank nodes named by their place in the sorted Turtle.
     */
    public static String jsonld(Model m) {
        Map<Resource, String> blankIds = blankIds(m);
        Map<String, String> compacted = new HashMap<>();
        Map<String, String> prefixes = new TreeMap<>(m.getNsPrefixMap());
        StringBuilder sb = new StringBuilder("{\n  \"@context\": {");
        boolean first = true;
        for (Map.Entry<String, String> e : prefixes.entrySet()) {
            if (e.getKey().isEmpty()) {
                continue;
            }
            sb.append(first ? "\n" : ",\n").append("    ").append(json(e.getKey())).append(": ").append(json(e.getValue()));
            first = false;
        }
        sb.append("\n  },\n  \"@graph\": [");
        Map<String, Resource> subjects = new TreeMap<>();
        for (Resource r : m.listSubjects().toList()) {
            subjects.put(id(r, blankIds), r);
        }
        boolean firstNode = true;
        for (Map.Entry<String, Resource> e : subjects.entrySet()) {
            Map<String, List<String>> props = new TreeMap<>();
            for (Statement st : e.getValue().listProperties().toList()) {
                String key = st.getPredicate().equals(RDF.type) ? "@type"
                        : compacted.computeIfAbsent(st.getPredicate().getURI(), iri -> compact(iri, m));
                String value;
                if (key.equals("@type")) {
                    value = json(compacted.computeIfAbsent(st.getObject().asResource().getURI(),
                            iri -> compact(iri, m)));
                } else if (st.getObject().isLiteral()) {
                    var l = st.getObject().asLiteral();
                    value = "{\"@value\": " + json(l.getLexicalForm())
                            + (!l.getLanguage().isEmpty() ? ", \"@language\": " + json(l.getLanguage())
                                    : l.getDatatypeURI().equals("http://www.w3.org/2001/XMLSchema#string") ? ""
                                            : ", \"@type\": " + json(compact(l.getDatatypeURI(), m)))
                            + "}";
                } else {
                    value = "{\"@id\": " + json(id(st.getObject().asResource(), blankIds)) + "}";
                }
                props.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
            sb.append(firstNode ? "\n" : ",\n").append("    {\"@id\": ").append(json(e.getKey()));
            firstNode = false;
            for (Map.Entry<String, List<String>> p : props.entrySet()) {
                List<String> values = p.getValue();
                values.sort(Comparator.naturalOrder());
                sb.append(",\n      ").append(json(p.getKey())).append(": [").append(String.join(", ", values)).append(']');
            }
            sb.append('}');
        }
        sb.append("\n  ]\n}\n");
        return sb.toString();
    }

    /** Blank node ids by their place in the sorted Turtle (b1, b2, …), as {@link #sortedCopy} labels them. */
    private static Map<Resource, String> blankIds(Model m) {
        Writer w = new Writer(m);
        w.turtleLabels();
        Map<Resource, String> ids = new HashMap<>();
        int n = 0;
        for (Resource b : w.bnodeOrder) {
            ids.put(b, "b" + (++n));
        }
        return ids;
    }

    private static String id(Resource r, Map<Resource, String> blankIds) {
        if (!r.isAnon()) {
            return r.getURI();
        }
        String id = blankIds.get(r);
        return "_:" + (id != null ? id : r.getId().getLabelString());
    }

    private static String compact(String iri, Model m) {
        String s = m.shortForm(iri);
        return s.equals(iri) || s.startsWith(":") ? iri : s;
    }

    private static String json(String s) {
        return JsonText.quote(s);
    }

    /** A copy of the model whose blank nodes are labelled by their place in the sorted order (b1, b2, …). */
    public static Model sortedCopy(Model m) {
        Writer w = new Writer(m);
        w.turtleLabels();
        Map<Resource, Node> relabel = new HashMap<>();
        int[] n = {0};
        for (Resource b : w.bnodeOrder) {
            relabel.put(b, NodeFactory.createBlankNode("b" + (++n[0])));
        }
        Model copy = ModelFactory.createDefaultModel();
        copy.setNsPrefixes(m.getNsPrefixMap());
        for (Statement s : m.listStatements().toList()) {
            Resource subj = s.getSubject().isAnon()
                    ? copy.wrapAsResource(relabel.getOrDefault(s.getSubject(), s.getSubject().asNode()))
                    : s.getSubject();
            RDFNode obj = s.getObject().isAnon()
                    ? copy.asRDFNode(relabel.getOrDefault(s.getObject().asResource(), s.getObject().asNode()))
                    : s.getObject();
            copy.add(subj, s.getPredicate(), obj);
        }
        return copy;
    }

    private static final class Writer {
        private final Model m;
        private final PrefixMapping pm;
        private final Map<Resource, Integer> refs = new HashMap<>();
        private final Map<Resource, String> labels = new LinkedHashMap<>();
        private final java.util.LinkedHashSet<Resource> bnodeOrder = new java.util.LinkedHashSet<>();
        private final Map<Node, String> iriText = new HashMap<>();

        Writer(Model m) {
            this.m = m;
            this.pm = m;
            for (Statement s : m.listStatements().toList()) {
                if (s.getObject().isAnon()) {
                    refs.merge(s.getObject().asResource(), 1, Integer::sum);
                }
            }
        }

        boolean nested(Resource r) {
            return r.isAnon() && refs.getOrDefault(r, 0) == 1;
        }

        List<Resource> topSubjects() {
            List<Resource> iris = new ArrayList<>();
            List<Resource> blanks = new ArrayList<>();
            for (Resource s : m.listSubjects().toList()) {
                if (s.isURIResource()) {
                    iris.add(s);
                } else if (!nested(s)) {
                    blanks.add(s);
                }
            }
            iris.sort(Comparator.comparing(Resource::getURI));
            blanks.sort(Comparator.comparing(b -> body(b, 1)));
            for (Resource b : blanks) {
                label(b);
            }
            List<Resource> all = new ArrayList<>(iris);
            all.addAll(blanks);
            return all;
        }

        /** Orders blank nodes as the sorted Turtle shows them: top subjects first, then nested, depth first. */
        void turtleLabels() {
            for (Resource s : topSubjects()) {
                if (s.isAnon()) {
                    noteBnode(s);
                }
                walk(s);
            }
        }

        private void walk(Resource s) {
            List<Statement> sts = new ArrayList<>(s.listProperties().toList());
            sts.sort(Comparator.comparing((Statement st) -> st.getPredicate().getURI())
                    .thenComparing(st -> term(st.getObject())));
            for (Statement st : sts) {
                if (st.getObject().isAnon()) {
                    Resource b = st.getObject().asResource();
                    if (!bnodeOrder.contains(b)) {
                        noteBnode(b);
                        walk(b);
                    }
                }
            }
        }

        private void noteBnode(Resource b) {
            if (!bnodeOrder.contains(b)) {
                bnodeOrder.add(b);
            }
        }

        private String label(Resource b) {
            return labels.computeIfAbsent(b, k -> "_:b" + (labels.size() + 1));
        }

        String term(RDFNode n) {
            if (n.isAnon()) {
                Resource b = n.asResource();
                if (nested(b)) {
                    String body = body(b, 2);
                    return body.isEmpty() ? "[]" : "[" + body + " ]";
                }
                return label(b);
            }
            if (n.isURIResource() && n.asResource().getURI().equals(RDF.type.getURI())) {
                return "a";
            }
            if (n.isURIResource()) {
                // Finding an IRI's prefix tries every prefix; the same IRIs come back thousands of times.
                return iriText.computeIfAbsent(n.asNode(), node -> FmtUtils.stringForNode(node, pm));
            }
            return FmtUtils.stringForNode(n.asNode(), pm);
        }

        String body(Resource s, int depth) {
            Map<String, List<String>> byPredicate = new TreeMap<>(Comparator
                    .comparing((String p) -> !p.equals(RDF.type.getURI())).thenComparing(p -> p));
            Map<String, String> predicateText = new HashMap<>();
            for (Statement st : s.listProperties().toList()) {
                String p = st.getPredicate().getURI();
                predicateText.put(p, term(st.getPredicate()));
                byPredicate.computeIfAbsent(p, k -> new ArrayList<>()).add(term(st.getObject()));
            }
            String indent = "    ".repeat(depth);
            StringBuilder sb = new StringBuilder();
            boolean first = true;
            for (Map.Entry<String, List<String>> e : byPredicate.entrySet()) {
                List<String> objects = e.getValue();
                objects.sort(Comparator.naturalOrder());
                sb.append(first ? "\n" + indent : " ;\n" + indent);
                sb.append(predicateText.get(e.getKey())).append(' ').append(String.join(" , ", objects));
                first = false;
            }
            return sb.toString();
        }
    }
}
