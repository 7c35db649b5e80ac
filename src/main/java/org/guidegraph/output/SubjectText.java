package org.guidegraph.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;

/**
 * The text {@link Deterministic} writes for one IRI subject of a graph whose blank nodes form trees (each blank node
 * the object of exactly one triple, reached from an IRI subject): its Turtle block, and its JSON-LD node objects
 * once its blank nodes are numbered. In such a graph a subject's text depends only on its own triples and those of
 * the blank nodes under it (and the prefixes), so each subject can be written alone, in any thread, and reused by
 * the next build while those triples stay the same.
 */
final class SubjectText {

    private static final String TYPE = RDF.type.getURI();
    private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
    private static final Comparator<String> PREDICATE_ORDER = Comparator
            .comparing((String p) -> !p.equals(TYPE)).thenComparing(p -> p);

    private final Graph g;
    private final PrefixMapping pm;
    private final SerializationContext cxt;
    private final Map<Node, String> iriText = new ConcurrentHashMap<>();
    private final Map<String, String> compacted = new ConcurrentHashMap<>();

    SubjectText(Graph g, PrefixMapping pm) {
        this.g = g;
        this.pm = pm;
        // One context for all terms (see Deterministic.TurtleTerms); only used for IRIs and literals.
        this.cxt = FmtUtils.sCxt(pm);
    }

    /**
     * One subject's Turtle block ({@code subject body .} and a blank line) and the blank nodes under it in the order
     * {@link Deterministic} numbers them: depth first, a node's blank objects by predicate, then by their text.
     */
    record Unit(String turtle, List<Node> blanks) {
    }

    /** The Turtle block of IRI subject {@code s}: {@code subject body .} and a blank line. */
    String turtle(Node s) {
        Map<Node, String> nested = new HashMap<>();
        return term(s, nested) + body(s, 1, nested) + " .\n\n";
    }

    /** The prefix lines {@link Deterministic} starts a Turtle file with, and a blank line if there are any. */
    static String prefixLines(PrefixMapping pm) {
        Map<String, String> prefixes = new TreeMap<>(pm.getNsPrefixMap());
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : prefixes.entrySet()) {
            sb.append("@prefix ").append(e.getKey()).append(": <").append(e.getValue()).append("> .\n");
        }
        if (!prefixes.isEmpty()) {
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The Turtle block of IRI subject {@code s} and its blank nodes in numbering order. */
    Unit unit(Node s) {
        Map<Node, String> nested = new HashMap<>();
        String turtle = term(s, nested) + body(s, 1, nested) + " .\n\n";
        List<Node> blanks = new ArrayList<>();
        walk(s, nested, blanks);
        return new Unit(turtle, blanks);
    }

    private void walk(Node s, Map<Node, String> nested, List<Node> out) {
        List<Triple> withBlanks = null;
        ExtendedIterator<Triple> it = g.find(s, Node.ANY, Node.ANY);
        try {
            while (it.hasNext()) {
                Triple t = it.next();
                if (t.getObject().isBlank()) {
                    if (withBlanks == null) {
                        withBlanks = new ArrayList<>();
                    }
                    withBlanks.add(t);
                }
            }
        } finally {
            it.close();
        }
        if (withBlanks == null) {
            return;
        }
        withBlanks.sort(Comparator.comparing((Triple t) -> t.getPredicate().getURI())
                .thenComparing(t -> term(t.getObject(), nested)));
        for (Triple t : withBlanks) {
            out.add(t.getObject());
            walk(t.getObject(), nested, out);
        }
    }

    private String term(Node n, Map<Node, String> nested) {
        if (n.isBlank()) {
            String known = nested.get(n);
            if (known == null) {
                String body = body(n, 2, nested);
                known = body.isEmpty() ? "[]" : "[" + body + " ]";
                nested.put(n, known);
            }
            return known;
        }
        if (n.isURI() && n.getURI().equals(TYPE)) {
            return "a";
        }
        if (n.isURI()) {
            return iriText.computeIfAbsent(n, node -> FmtUtils.stringForNode(node, cxt));
        }
        return FmtUtils.stringForNode(n, cxt);
    }

    private String body(Node s, int depth, Map<Node, String> nested) {
        Map<String, List<String>> byPredicate = new TreeMap<>(PREDICATE_ORDER);
        Map<String, String> predicateText = new HashMap<>();
        ExtendedIterator<Triple> it = g.find(s, Node.ANY, Node.ANY);
        try {
            while (it.hasNext()) {
                Triple t = it.next();
                String p = t.getPredicate().getURI();
                predicateText.computeIfAbsent(p, k -> term(t.getPredicate(), nested));
                byPredicate.computeIfAbsent(p, k -> new ArrayList<>()).add(term(t.getObject(), nested));
            }
        } finally {
            it.close();
        }
        return Deterministic.predicateObjectList(predicateText, byPredicate, depth);
    }

    /**
     * The JSON-LD node object of {@code x} (an IRI subject or a numbered blank node) as {@link Deterministic#jsonld}
     * writes it, without the separator before it; {@code blankId} gives the id of a blank node ({@code _:bN}).
     */
    String jsonObject(Node x, String id, Function<Node, String> blankId) {
        Map<String, List<String>> props = new TreeMap<>();
        ExtendedIterator<Triple> it = g.find(x, Node.ANY, Node.ANY);
        try {
            while (it.hasNext()) {
                Triple t = it.next();
                Node o = t.getObject();
                boolean type = t.getPredicate().getURI().equals(TYPE);
                String key = type ? "@type" : compact(t.getPredicate().getURI());
                String value;
                if (type) {
                    value = JsonText.quote(compact(o.getURI()));
                } else if (o.isLiteral()) {
                    String lang = o.getLiteralLanguage();
                    value = "{\"@value\": " + JsonText.quote(o.getLiteralLexicalForm())
                            + (!lang.isEmpty() ? ", \"@language\": " + JsonText.quote(lang)
                                    : o.getLiteralDatatypeURI().equals(XSD_STRING) ? ""
                                            : ", \"@type\": "
                                                    + JsonText.quote(compact(o.getLiteralDatatypeURI())))
                            + "}";
                } else {
                    value = "{\"@id\": " + JsonText.quote(o.isBlank() ? blankId.apply(o) : o.getURI()) + "}";
                }
                props.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        } finally {
            it.close();
        }
        StringBuilder sb = new StringBuilder("    {\"@id\": ").append(JsonText.quote(id));
        for (Map.Entry<String, List<String>> p : props.entrySet()) {
            List<String> values = p.getValue();
            values.sort(Comparator.naturalOrder());
            sb.append(",\n      ").append(JsonText.quote(p.getKey())).append(": [")
                    .append(String.join(", ", values)).append(']');
        }
        return sb.append('}').toString();
    }

    private String compact(String iri) {
        return compacted.computeIfAbsent(iri, k -> {
            String s = pm.shortForm(k);
            return s.equals(k) || s.startsWith(":") ? k : s;
        });
    }
}
