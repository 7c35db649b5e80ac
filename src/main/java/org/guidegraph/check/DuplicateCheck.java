package org.guidegraph.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.graph.GG;
import org.guidegraph.graph.GuideGraph;

/**
 * No two entities of a main class (approaches, features, categories, use cases, needs, accelerators) share a label (readers could not tell them apart), and no two entities map to the same
 * page path (IRIs that differ only in case would overwrite each other on case-insensitive disks).
 */
final class DuplicateCheck implements Check {

    /** Classes whose entities readers pick from by name; resources or items may repeat a label in another context. */
    private static final java.util.Set<String> DISTINCT_LABELS = java.util.Set.of(
            GG.NS + "Approach", GG.NS + "Feature", GG.NS + "FeatureCategory", GG.NS + "UseCase", GG.NS + "Need",
            GG.NS + "Accelerator", GG.NS + "Situation");

    @Override
    public String name() {
        return "duplicates";
    }

    @Override
    public java.util.Set<org.apache.jena.graph.Node> reads() {
        return java.util.Set.of(RDF.type.asNode(), RDFS.label.asNode());
    }

    @Override
    public void run(GuideGraph g, List<Diagnostic> out) {
        Model m = g.content();
        Map<String, List<Resource>> byLabel = new TreeMap<>();
        Map<String, List<Resource>> byPath = new TreeMap<>();
        String ns = g.namespace().orElse(null);
        for (Statement t : m.listStatements(null, RDF.type, (Resource) null).toList()) {
            Resource r = t.getSubject();
            if (!r.isURIResource() || !t.getObject().isURIResource()) {
                continue;
            }
            for (Statement l : r.listProperties(RDFS.label).toList()) {
                if (l.getObject().isLiteral() && DISTINCT_LABELS.contains(t.getObject().asResource().getURI())) {
                    String key = t.getObject().asResource().getURI() + " "
                            + l.getString().strip().toLowerCase(Locale.ROOT);
                    add(byLabel, key, r);
                }
            }
            if (ns != null && r.getURI().startsWith(ns)) {
                add(byPath, r.getURI().substring(ns.length()).toLowerCase(Locale.ROOT), r);
            }
        }
        for (List<Resource> same : byLabel.values()) {
            if (same.size() > 1) {
                Resource first = same.get(0);
                for (Resource r : same.subList(1, same.size())) {
                    out.add(Diagnostic.error(Terms.positionOf(g, r), "label \"" + Terms.label(g, r) + "\" of "
                            + Terms.id(g, r) + " is also the label of " + Terms.id(g, first),
                            "give each entity of a kind its own rdfs:label"));
                }
            }
        }
        for (List<Resource> same : byPath.values()) {
            if (same.size() > 1) {
                Resource first = same.get(0);
                for (Resource r : same.subList(1, same.size())) {
                    out.add(Diagnostic.error(Terms.positionOf(g, r), Terms.id(g, r) + " and " + Terms.id(g, first)
                            + " differ only in letter case and would get the same page",
                            "use lower-case slugs of [a-z0-9-]"));
                }
            }
        }
    }

    private static void add(Map<String, List<Resource>> map, String key, Resource r) {
        List<Resource> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(r)) {
            list.add(r);
            list.sort(Comparator.comparing(Resource::getURI));
        }
    }
}
