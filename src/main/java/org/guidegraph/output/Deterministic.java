package org.guidegraph.output;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;

/**
 * RDF written the same way every time. Jena's writers follow hash order and blank-node labels that change from run
 * to run; this writes subjects, predicates and objects sorted, nests blank nodes used once, and names the others
 * by their place in that order.
 *
 * <p>The writers stream: a graph of half a million triples is written subject by subject, never held as one
 * string. They only read the graph, so several may write the same graph at once from different threads.
 */
public final class Deterministic {

    private static final String TYPE = RDF.type.getURI();
    private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";

    private Deterministic() {
    }

    /** The model as Turtle, sorted. */
    public static String turtle(Model m) {
        StringWriter sw = new StringWriter();
        write(() -> turtle(m.getGraph(), m, sw));
        return sw.toString();
    }

    /** Writes the model as sorted Turtle to {@code out}. */
    public static void turtle(Model m, Writer out) throws IOException {
        turtle(m.getGraph(), m, out);
    }

    /** Writes the graph as sorted Turtle to {@code out}, with the prefixes of {@code pm}. */
    static void turtle(Graph g, PrefixMapping pm, Writer out) throws IOException {
        Map<String, String> prefixes = new TreeMap<>(pm.getNsPrefixMap());
        for (Map.Entry<String, String> e : prefixes.entrySet()) {
            out.append("@prefix ").append(e.getKey()).append(": <").append(e.getValue()).append("> .\n");
        }
        if (!prefixes.isEmpty()) {
            out.append('\n');
        }
        TurtleTerms w = new TurtleTerms(g, pm);
        for (Node s : w.topSubjects()) {
            out.append(w.term(s)).append(w.body(s, 1)).append(" .\n\n");
        }
    }

    /**
     * The model as flat JSON-LD: a context of the model's prefixes and a {@code @graph} of node objects sorted by
     * id, properties sorted, values sorted, blank nodes named by their place in the sorted Turtle.
     */
    public static String jsonld(Model m) {
        StringWriter sw = new StringWriter();
        write(() -> jsonld(m, sw));
        return sw.toString();
    }

    /** Writes the model as flat, sorted JSON-LD to {@code out} (see {@link #jsonld(Model)}). */
    public static void jsonld(Model m, Writer out) throws IOException {
        Graph g = m.getGraph();
        TurtleTerms terms = new TurtleTerms(g, m);
        Map<Node, String> blankIds = blankIds(terms);
        Map<String, String> compacted = new HashMap<>();
        Map<String, String> prefixes = new TreeMap<>(m.getNsPrefixMap());
        out.append("{\n  \"@context\": {");
        boolean first = true;
        for (Map.Entry<String, String> e : prefixes.entrySet()) {
            if (e.getKey().isEmpty()) {
                continue;
            }
            out.append(first ? "\n" : ",\n").append("    ").append(json(e.getKey())).append(": ")
                    .append(json(e.getValue()));
            first = false;
        }
        out.append("\n  },\n  \"@graph\": [");
        Map<String, Node> subjects = new TreeMap<>();
        for (Node r : terms.subjects) {
            subjects.put(id(r, blankIds), r);
        }
        boolean firstNode = true;
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Node> e : subjects.entrySet()) {
            Map<String, List<String>> props = new TreeMap<>();
            ExtendedIterator<Triple> it = g.find(e.getValue(), Node.ANY, Node.ANY);
            try {
                while (it.hasNext()) {
                    Triple t = it.next();
                    Node o = t.getObject();
                    boolean type = t.getPredicate().getURI().equals(TYPE);
                    String key = type ? "@type"
                            : compacted.computeIfAbsent(t.getPredicate().getURI(), iri -> compact(iri, m));
                    String value;
                    if (type) {
                        value = json(compacted.computeIfAbsent(o.getURI(), iri -> compact(iri, m)));
                    } else if (o.isLiteral()) {
                        String lang = o.getLiteralLanguage();
                        value = "{\"@value\": " + json(o.getLiteralLexicalForm())
                                + (!lang.isEmpty() ? ", \"@language\": " + json(lang)
                                        : o.getLiteralDatatypeURI().equals(XSD_STRING) ? ""
                                                : ", \"@type\": " + json(compact(o.getLiteralDatatypeURI(), m)))
                                + "}";
                    } else {
                        value = "{\"@id\": " + json(id(o, blankIds)) + "}";
                    }
                    props.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                }
            } finally {
                it.close();
            }
            sb.setLength(0);
            sb.append(firstNode ? "\n" : ",\n").append("    {\"@id\": ").append(json(e.getKey()));
            firstNode = false;
            for (Map.Entry<String, List<String>> p : props.entrySet()) {
                List<String> values = p.getValue();
                values.sort(Comparator.naturalOrder());
                sb.append(",\n      ").append(json(p.getKey())).append(": [").append(String.join(", ", values))
                        .append(']');
            }
            sb.append('}');
            out.append(sb);
        }
        out.append("\n  ]\n}\n");
    }

    /** Blank node ids by their place in the sorted Turtle (b1, b2, …), as {@link #sortedCopy} labels them. */
    private static Map<Node, String> blankIds(TurtleTerms w) {
        w.turtleLabels();
        Map<Node, String> ids = new HashMap<>();
        int n = 0;
        for (Node b : w.bnodeOrder) {
            ids.put(b, "b" + (++n));
        }
        return ids;
    }

    private static String id(Node r, Map<Node, String> blankIds) {
        if (!r.isBlank()) {
            return r.getURI();
        }
        String id = blankIds.get(r);
        return "_:" + (id != null ? id : r.getBlankNodeLabel());
    }

    private static String compact(String iri, PrefixMapping m) {
        String s = m.shortForm(iri);
        return s.equals(iri) || s.startsWith(":") ? iri : s;
    }

    private static String json(String s) {
        return JsonText.quote(s);
    }

    /** A copy of the model whose blank nodes are labelled by their place in the sorted order (b1, b2, …). */
    public static Model sortedCopy(Model m) {
        TurtleTerms w = new TurtleTerms(m.getGraph(), m);
        w.turtleLabels();
        Map<Node, Node> relabel = new HashMap<>();
        int[] n = {0};
        for (Node b : w.bnodeOrder) {
            relabel.put(b, NodeFactory.createBlankNode("b" + (++n[0])));
        }
        Model copy = ModelFactory.createDefaultModel();
        copy.setNsPrefixes(m.getNsPrefixMap());
        for (Statement s : m.listStatements().toList()) {
            Resource subj = s.getSubject().isAnon()
                    ? copy.wrapAsResource(relabel.getOrDefault(s.getSubject().asNode(), s.getSubject().asNode()))
                    : s.getSubject();
            RDFNode obj = s.getObject().isAnon()
                    ? copy.asRDFNode(relabel.getOrDefault(s.getObject().asNode(), s.getObject().asNode()))
                    : s.getObject();
            copy.add(subj, s.getPredicate(), obj);
        }
        return copy;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void write(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
    }

    /** The Turtle text of a graph's terms and subjects, and the order in which it names blank nodes. */
    private static final class TurtleTerms {
        private static final Comparator<String> PREDICATE_ORDER = Comparator
                .comparing((String p) -> !p.equals(TYPE)).thenComparing(p -> p);

        private final Graph g;
        private final SerializationContext cxt;
        private final Map<Node, Integer> refs = new HashMap<>();
        private final List<Node> subjects = new ArrayList<>();
        private final Set<Node> withBlankObjects = new HashSet<>();
        private final Map<Node, String> labels = new LinkedHashMap<>();
        private final LinkedHashSet<Node> bnodeOrder = new LinkedHashSet<>();
        private final Map<Node, String> iriText = new HashMap<>();

        /** Reads the graph once: how often each blank node is an object, and the distinct subjects. */
        TurtleTerms(Graph g, PrefixMapping pm) {
            this.g = g;
            // One context for all terms: a new one per term (what FmtUtils does when given prefixes) costs more
            // than the formatting. It is only used for IRIs and literals, so its blank-node labels never matter.
            this.cxt = FmtUtils.sCxt(pm);
            Set<Node> seen = new HashSet<>();
            Node last = null;
            ExtendedIterator<Triple> it = g.find(Node.ANY, Node.ANY, Node.ANY);
            try {
                while (it.hasNext()) {
                    Triple t = it.next();
                    Node s = t.getSubject();
                    if (t.getObject().isBlank()) {
                        refs.merge(t.getObject(), 1, Integer::sum);
                        withBlankObjects.add(s);
                    }
                    // A graph lists a subject's triples together, so most triples skip the set.
                    if (!s.equals(last) && seen.add(s)) {
                        subjects.add(s);
                    }
                    last = s;
                }
            } finally {
                it.close();
            }
        }

        List<Triple> properties(Node s) {
            return g.find(s, Node.ANY, Node.ANY).toList();
        }

        boolean nested(Node r) {
            return r.isBlank() && refs.getOrDefault(r, 0) == 1;
        }

        List<Node> topSubjects() {
            List<Node> iris = new ArrayList<>();
            List<Node> blanks = new ArrayList<>();
            for (Node s : subjects) {
                if (s.isURI()) {
                    iris.add(s);
                } else if (!nested(s)) {
                    blanks.add(s);
                }
            }
            iris.sort(Comparator.comparing(Node::getURI));
            blanks.sort(Comparator.comparing(b -> body(b, 1)));
            for (Node b : blanks) {
                label(b);
            }
            List<Node> all = new ArrayList<>(iris);
            all.addAll(blanks);
            return all;
        }

        /** Orders blank nodes as the sorted Turtle shows them: top subjects first, then nested, depth first. */
        void turtleLabels() {
            for (Node s : topSubjects()) {
                if (s.isBlank()) {
                    bnodeOrder.add(s);
                }
                walk(s);
            }
        }

        private void walk(Node s) {
            // Only the blank objects matter here; most subjects have none and need no sorting.
            if (!withBlankObjects.contains(s)) {
                return;
            }
            List<Triple> sts = properties(s);
            sts.sort(Comparator.comparing((Triple t) -> t.getPredicate().getURI())
                    .thenComparing(t -> term(t.getObject())));
            for (Triple t : sts) {
                Node b = t.getObject();
                if (b.isBlank() && !bnodeOrder.contains(b)) {
                    bnodeOrder.add(b);
                    walk(b);
                }
            }
        }

        private String label(Node b) {
            return labels.computeIfAbsent(b, k -> "_:b" + (labels.size() + 1));
        }

        String term(Node n) {
            if (n.isBlank()) {
                if (nested(n)) {
                    String body = body(n, 2);
                    return body.isEmpty() ? "[]" : "[" + body + " ]";
                }
                return label(n);
            }
            if (n.isURI() && n.getURI().equals(TYPE)) {
                return "a";
            }
            if (n.isURI()) {
                // Finding an IRI's prefix tries every prefix; the same IRIs come back thousands of times.
                return iriText.computeIfAbsent(n, node -> FmtUtils.stringForNode(node, cxt));
            }
            return FmtUtils.stringForNode(n, cxt);
        }

        String body(Node s, int depth) {
            Map<String, List<String>> byPredicate = new TreeMap<>(PREDICATE_ORDER);
            Map<String, String> predicateText = new HashMap<>();
            ExtendedIterator<Triple> it = g.find(s, Node.ANY, Node.ANY);
            try {
                while (it.hasNext()) {
                    Triple t = it.next();
                    String p = t.getPredicate().getURI();
                    predicateText.computeIfAbsent(p, k -> term(t.getPredicate()));
                    byPredicate.computeIfAbsent(p, k -> new ArrayList<>()).add(term(t.getObject()));
                }
            } finally {
                it.close();
            }
            return predicateObjectList(predicateText, byPredicate, depth);
        }
    }

    /**
     * A Turtle predicate-object list, one predicate per line at {@code depth} indents, in the order of
     * {@code byPredicate}, each predicate's objects sorted.
     */
    static String predicateObjectList(Map<String, String> predicateText, Map<String, List<String>> byPredicate,
            int depth) {
        String indent = "    ".repeat(depth);
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Map.Entry<String, List<String>> e : byPredicate.entrySet()) {
            List<String> objects = e.getValue();
            objects.sort(Comparator.naturalOrder());
            sb.append(first ? "\n" : " ;\n").append(indent);
            sb.append(predicateText.get(e.getKey())).append(' ');
            for (int i = 0; i < objects.size(); i++) {
                if (i > 0) {
                    sb.append(" , ");
                }
                sb.append(objects.get(i));
            }
            first = false;
        }
        return sb.toString();
    }
}
