package org.guidegraph.check;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.graph.GG;
import org.guidegraph.graph.GuideGraph;

/**
 * Warns where a guide disagrees with itself: a "need" section rates an approach differently from the matrix row it
 * discusses, or qualifies a matrix "yes" with a partial or negative point. Both statements stay in the graph, each
 * with its source; the warning tells the author to reconcile them.
 */
final class ConsistencyCheck implements Check {

    private static final Map<String, Integer> RANK = Map.of(
            GG.NS + "Yes", 2, GG.NS + "Partial", 1, GG.NS + "No", 0);

    @Override
    public String name() {
        return "consistency";
    }

    @Override
    public boolean needsCompleteGraph() {
        return true;
    }

    @Override
    public void run(GuideGraph g, List<Diagnostic> out) {
        Model m = g.content();
        run(g, m.listResourcesWithProperty(RDF.type, GG.Need).toList(), out);
    }

    /**
     * What a need says is compared with the matrix cells of its feature only: after a change to a guide that had
     * no contradiction, only the needs the change reaches are compared again (the needs whose own statements, details
     * or points changed, and the needs about a feature whose cells or need links changed).
     */
    @Override
    public List<Diagnostic> afterChange(GuideGraph g, org.guidegraph.graph.GraphDelta delta, List<Diagnostic> before) {
        if (!before.isEmpty()) {
            return null;
        }
        Model m = g.content();
        org.apache.jena.graph.Graph graph = m.getGraph();
        java.util.Set<org.apache.jena.graph.Node> features = new java.util.HashSet<>();
        java.util.Set<Resource> needs = new java.util.HashSet<>();
        for (org.apache.jena.graph.Triple t : delta.triples()) {
            org.apache.jena.graph.Node s = t.getSubject();
            if (t.getPredicate().equals(GG.feature.asNode())) {
                features.add(t.getObject());
            }
            graph.find(s, GG.feature.asNode(), org.apache.jena.graph.Node.ANY)
                    .forEachRemaining(f -> features.add(f.getObject()));
            needs.add(m.wrapAsResource(s));
            // a detail or a point: the need above it
            graph.find(org.apache.jena.graph.Node.ANY, GG.point.asNode(), s).forEachRemaining(d -> {
                needs.add(m.wrapAsResource(d.getSubject()));
                graph.find(org.apache.jena.graph.Node.ANY, GG.detail.asNode(), d.getSubject())
                        .forEachRemaining(n -> needs.add(m.wrapAsResource(n.getSubject())));
            });
            graph.find(org.apache.jena.graph.Node.ANY, GG.detail.asNode(), s)
                    .forEachRemaining(n -> needs.add(m.wrapAsResource(n.getSubject())));
        }
        for (org.apache.jena.graph.Node f : features) {
            graph.find(org.apache.jena.graph.Node.ANY, GG.feature.asNode(), f)
                    .forEachRemaining(n -> needs.add(m.wrapAsResource(n.getSubject())));
        }
        List<Diagnostic> out = new java.util.ArrayList<>();
        run(g, needs.stream().filter(n -> n.hasProperty(RDF.type, GG.Need)).toList(), out);
        return out;
    }

    private void run(GuideGraph g, List<Resource> candidates, List<Diagnostic> out) {
        Model m = g.content();
        List<Resource> needs = candidates.stream()
                .filter(Resource::isURIResource).sorted(Comparator.comparing(Resource::getURI)).toList();
        for (Resource need : needs) {
            Statement fs = need.getProperty(GG.feature);
            if (fs == null || !fs.getObject().isURIResource()) {
                continue;
            }
            Resource feature = fs.getResource();
            for (Statement ds : need.listProperties(GG.detail).toList()) {
                if (!ds.getObject().isResource()) {
                    continue;
                }
                Resource detail = ds.getResource();
                Resource approach = resource(detail, GG.approach);
                Resource needLevel = resource(detail, GG.level);
                Resource cell = assessment(m, approach, feature);
                Resource cellLevel = cell == null ? null : resource(cell, GG.level);
                if (approach == null || cellLevel == null) {
                    continue;
                }
                String where = "the matrix rates " + Terms.named(g, approach) + " on " + Terms.named(g, feature)
                        + " as " + Terms.label(g, cellLevel);
                if (needLevel != null && !needLevel.equals(cellLevel)) {
                    out.add(Diagnostic.warning(Terms.positionOf(g, cell), where + ", but the need "
                            + Terms.named(g, need) + " rates it as " + Terms.label(g, needLevel),
                            "reconcile the two sections of the guide, or note why they differ"));
                }
                Integer cellRank = RANK.get(cellLevel.getURI());
                for (Statement ps : detail.listProperties(GG.point).toList()) {
                    if (!ps.getObject().isResource()) {
                        continue;
                    }
                    Resource pointLevel = resource(ps.getResource(), GG.level);
                    Integer pointRank = pointLevel == null ? null : RANK.get(pointLevel.getURI());
                    if (cellRank != null && pointRank != null && pointRank < cellRank) {
                        Statement text = ps.getResource().getProperty(GG.text);
                        out.add(Diagnostic.warning(Terms.positionOf(g, cell), where + ", but the need "
                                + Terms.named(g, need) + " qualifies it: \""
                                + (text == null ? "" : text.getString()) + "\" (" + Terms.label(g, pointLevel) + ")",
                                "reconcile the two sections of the guide, or note why they differ"));
                    }
                }
            }
        }
    }

    private static Resource resource(Resource r, org.apache.jena.rdf.model.Property p) {
        Statement s = r.getProperty(p);
        return s != null && s.getObject().isURIResource() ? s.getResource() : null;
    }

    private static Resource assessment(Model m, Resource approach, Resource feature) {
        if (approach == null) {
            return null;
        }
        for (Resource a : m.listResourcesWithProperty(GG.feature, feature).toList()) {
            if (a.hasProperty(GG.approach, approach) && a.hasProperty(RDF.type, GG.Assessment)) {
                return a;
            }
        }
        return null;
    }
}
