package org.guidegraph.check;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.source.SourceKind;

/**
 * Every predicate and class the content uses is declared in the ontology, so a typo such as {@code gg:notee} is an
 * error with a suggestion instead of a silently ignored triple.
 */
final class VocabularyCheck implements Check {

    @Override
    public String name() {
        return "vocabulary";
    }

    @Override
    public void run(GuideGraph g, List<Diagnostic> out) {
        Set<String> known = new TreeSet<>();
        g.ontology().listSubjects().forEachRemaining(r -> {
            if (r.isURIResource()) {
                known.add(r.getURI());
            }
        });
        known.add(RDF.type.getURI());
        Set<String> predicates = new TreeSet<>();
        Set<String> classes = new TreeSet<>();
        // Triples, not statements: half a million Statement objects cost more than the check itself.
        g.content().getGraph().find().forEachRemaining(t -> {
            predicates.add(t.getPredicate().getURI());
            Node o = t.getObject();
            if (t.getPredicate().equals(RDF.type.asNode()) && o.isURI()) {
                classes.add(o.getURI());
            }
        });
        String ns = g.namespace().orElse(null);
        for (String p : predicates) {
            if (!known.contains(p)) {
                report(g, out, p, "property", g.index().predicateUses(p), known);
            }
        }
        for (String c : classes) {
            if (!known.contains(c) && (ns == null || !c.startsWith(ns))) {
                report(g, out, c, "class", g.index().classUses(c), known);
            }
        }
    }

    /**
     * A change cannot make a term unknown by removing triples (the ontology is the same), only by adding a triple
     * whose predicate or class the ontology does not define: if the graph before had no unknown term and the added
     * triples bring none, there is none.
     */
    @Override
    public List<Diagnostic> afterChange(GuideGraph g, org.guidegraph.graph.GraphDelta delta, List<Diagnostic> before) {
        if (!before.isEmpty()) {
            return null;
        }
        org.apache.jena.graph.Graph ontology = g.ontology().getGraph();
        String ns = g.namespace().orElse(null);
        for (org.apache.jena.graph.Triple t : delta.added()) {
            if (!g.content().getGraph().contains(t)) {
                continue; // a triple of the ontology that the content does not hold
            }
            Node p = t.getPredicate();
            if (!p.equals(RDF.type.asNode()) && !ontology.contains(p, Node.ANY, Node.ANY)) {
                return null;
            }
            Node o = t.getObject();
            if (p.equals(RDF.type.asNode()) && o.isURI() && !ontology.contains(o, Node.ANY, Node.ANY)
                    && (ns == null || !o.getURI().startsWith(ns))) {
                return null;
            }
        }
        return List.of();
    }

    private static void report(GuideGraph g, List<Diagnostic> out, String iri, String what,
            java.util.List<SourcePosition> uses, Set<String> known) {
        String suggestion = closest(iri, known);
        String hint = suggestion == null
                ? "declare it in ontology/ with rdfs:label and rdfs:comment, or use a term the ontology defines"
                : "did you mean " + Terms.id(g, suggestion) + "?";
        boolean any = false;
        for (SourcePosition at : uses) {
            if (isContent(g, at.file())) {
                out.add(Diagnostic.error(at, "unknown " + what + " " + Terms.id(g, iri)
                        + ": the ontology does not define it", hint));
                any = true;
            }
        }
        if (!any) {
            out.add(Diagnostic.error(Terms.positionOf(g, null), "unknown " + what + " " + Terms.id(g, iri)
                    + ": the ontology does not define it", hint));
        }
    }

    private static boolean isContent(GuideGraph g, String file) {
        var f = g.sources().get(file);
        return f != null && f.kind() == SourceKind.GRAPH;
    }

    /** The known term in the same namespace nearest by edit distance, if it is close enough to be a typo. */
    static String closest(String iri, Set<String> known) {
        String ns = namespaceOf(iri);
        String local = iri.substring(ns.length()).toLowerCase(java.util.Locale.ROOT);
        record Candidate(String term, int distance) {
        }
        return known.stream()
                .filter(k -> namespaceOf(k).equals(ns))
                .map(k -> new Candidate(k, editDistance(local, k.substring(ns.length()).toLowerCase(java.util.Locale.ROOT))))
                .filter(c -> c.distance() <= (local.length() <= 3 ? 0 : Math.max(1, local.length() / 4)))
                .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::term))
                .map(Candidate::term)
                .orElse(null);
    }

    private static String namespaceOf(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(0, cut + 1);
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
