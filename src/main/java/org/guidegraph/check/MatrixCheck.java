package org.guidegraph.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.graph.GG;
import org.guidegraph.graph.GuideGraph;

/** The comparison matrix is complete: exactly one assessment for every approach × feature. */
final class MatrixCheck implements Check {

    @Override
    public String name() {
        return "matrix";
    }

    @Override
    public boolean needsCompleteGraph() {
        return true;
    }

    @Override
    public java.util.Set<org.apache.jena.graph.Node> reads() {
        return java.util.Set.of(RDF.type.asNode(), GG.approach.asNode(), GG.feature.asNode());
    }

    @Override
    public void run(GuideGraph g, List<Diagnostic> out) {
        Model m = g.content();
        List<Resource> approaches = sorted(m.listResourcesWithProperty(RDF.type, GG.Approach).toList());
        List<Resource> features = sorted(m.listResourcesWithProperty(RDF.type, GG.Feature).toList());
        Map<String, List<Resource>> cells = new HashMap<>();
        for (Resource a : m.listResourcesWithProperty(RDF.type, GG.Assessment).toList()) {
            Statement ap = a.getProperty(GG.approach);
            Statement fe = a.getProperty(GG.feature);
            if (ap != null && fe != null && ap.getObject().isURIResource() && fe.getObject().isURIResource()) {
                cells.computeIfAbsent(key(ap.getResource(), fe.getResource()), k -> new ArrayList<>()).add(a);
            }
        }
        for (Resource f : features) {
            for (Resource a : approaches) {
                List<Resource> found = cells.getOrDefault(key(a, f), List.of());
                if (found.isEmpty()) {
                    out.add(Diagnostic.error(whereMissing(g, cells, f),
                            "no assessment of feature " + Terms.named(g, f) + " for approach " + Terms.named(g, a),
                            "add a gg:Assessment with gg:approach " + Terms.id(g, a) + " and gg:feature "
                                    + Terms.id(g, f) + " — every approach × feature cell of the matrix needs one"));
                } else if (found.size() > 1) {
                    List<Resource> dup = sorted(found);
                    for (Resource extra : dup.subList(1, dup.size())) {
                        out.add(Diagnostic.error(Terms.positionOf(g, extra), "feature " + Terms.named(g, f)
                                + " is assessed more than once for approach " + Terms.named(g, a) + ": "
                                + Terms.id(g, dup.get(0)) + " and " + Terms.id(g, extra),
                                "keep one assessment per approach × feature"));
                    }
                }
            }
        }
    }

    /** Near the feature's other cells, where an author would add the missing one; else at the feature. */
    private static SourcePosition whereMissing(GuideGraph g, Map<String, List<Resource>> cells, Resource feature) {
        String suffix = " " + feature.getURI();
        return cells.entrySet().stream()
                .filter(e -> e.getKey().endsWith(suffix))
                .flatMap(e -> e.getValue().stream())
                .map(r -> Terms.positionOf(g, r))
                .min(Comparator.naturalOrder())
                .orElseGet(() -> Terms.positionOf(g, feature));
    }

    private static String key(Resource approach, Resource feature) {
        return approach.getURI() + " " + feature.getURI();
    }

    private static List<Resource> sorted(List<Resource> list) {
        List<Resource> copy = new ArrayList<>(list.stream().filter(Resource::isURIResource).toList());
        copy.sort(Comparator.comparing(Resource::getURI));
        return copy;
    }
}
