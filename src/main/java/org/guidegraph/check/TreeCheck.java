package org.guidegraph.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.graph.GG;
import org.guidegraph.graph.GuideGraph;

/**
 * Decision trees are sound: every question has options, every option leads to a question or an outcome, every path
 * ends in an outcome, there are no cycles, and no question or outcome is unreachable from a tree's root.
 */
final class TreeCheck implements Check {

    @Override
    public String name() {
        return "decision tree";
    }

    @Override
    public boolean needsCompleteGraph() {
        return true;
    }

    @Override
    public void run(GuideGraph g, List<Diagnostic> out) {
        Model m = g.content();
        List<Resource> trees = m.listResourcesWithProperty(RDF.type, GG.DecisionTree).toList();
        Set<Resource> reached = new HashSet<>();
        for (Resource tree : trees) {
            Statement root = tree.getProperty(GG.root);
            if (root == null || !root.getObject().isResource()) {
                out.add(Diagnostic.error(Terms.positionOf(g, tree), "decision tree " + Terms.named(g, tree)
                        + " has no gg:root", "give it gg:root with its first gg:Question"));
                continue;
            }
            walk(g, root.getResource(), new LinkedHashSet<>(), reached, out);
        }
        List<Resource> nodes = new ArrayList<>();
        nodes.addAll(m.listResourcesWithProperty(RDF.type, GG.Question).toList());
        nodes.addAll(m.listResourcesWithProperty(RDF.type, GG.Outcome).toList());
        nodes.sort(Comparator.comparing(r -> r.isURIResource() ? r.getURI() : r.getId().toString()));
        for (Resource n : nodes) {
            if (!reached.contains(n)) {
                out.add(Diagnostic.error(Terms.positionOf(g, n), (isQuestion(n) ? "question " : "outcome ")
                        + Terms.named(g, n) + " cannot be reached from the root of any decision tree",
                        "link it with gg:leadsTo from an option, or remove it"));
            }
        }
    }

    private void walk(GuideGraph g, Resource node, LinkedHashSet<Resource> path, Set<Resource> reached,
            List<Diagnostic> out) {
        if (path.contains(node)) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (Resource r : path) {
                in |= r.equals(node);
                if (in) {
                    cycle.add(Terms.id(g, r));
                }
            }
            cycle.add(Terms.id(g, node));
            out.add(Diagnostic.error(Terms.positionOf(g, node), "decision tree has a cycle: "
                    + String.join(" → ", cycle), "every path must end in a gg:Outcome"));
            return;
        }
        boolean seen = !reached.add(node);
        if (isOutcome(node)) {
            return;
        }
        if (!isQuestion(node)) {
            out.add(Diagnostic.error(Terms.positionOf(g, node), Terms.named(g, node)
                    + " is reached by gg:leadsTo but is neither a gg:Question nor a gg:Outcome",
                    "type it as gg:Question or gg:Outcome"));
            return;
        }
        if (seen) {
            return;
        }
        List<Statement> options = node.listProperties(GG.option).toList();
        if (options.isEmpty()) {
            out.add(Diagnostic.error(Terms.positionOf(g, node), "question " + Terms.named(g, node)
                    + " has no options, so the path ends without an outcome",
                    "add gg:option [ rdfs:label \"…\" ; gg:leadsTo … ]"));
            return;
        }
        path.add(node);
        for (Statement s : options) {
            RDFNode option = s.getObject();
            if (!option.isResource()) {
                continue; // shapes report the literal
            }
            List<Statement> targets = option.asResource().listProperties(GG.leadsTo).toList();
            if (targets.isEmpty()) {
                out.add(Diagnostic.error(Terms.positionOf(g, option), "an option of question "
                        + Terms.named(g, node) + " leads nowhere", "give the option gg:leadsTo a question or an outcome"));
            }
            for (Statement t : targets) {
                if (t.getObject().isResource()) {
                    walk(g, t.getResource(), path, reached, out);
                }
            }
        }
        path.remove(node);
    }

    private static boolean isQuestion(Resource r) {
        return r.hasProperty(RDF.type, GG.Question);
    }

    private static boolean isOutcome(Resource r) {
        return r.hasProperty(RDF.type, GG.Outcome);
    }
}
