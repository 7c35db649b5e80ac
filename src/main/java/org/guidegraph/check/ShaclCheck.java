package org.guidegraph.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shacl.validation.ValidationProc;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.graph.GraphDelta;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.internal.Workers;

/**
 * Validates ontology and content against the SHACL shapes found in {@code ontology/}. Each result names the focus
 * node, the path and the place where the node is written; a shape's {@code sh:message} says what to do.
 *
 * <p>The focus nodes of each shape are validated in chunks on several threads, each chunk with its own validation
 * context over the same read-only graph. After a change, only the focus nodes the change can reach are validated
 * again, when the shapes are {@linkplain ShapeReach#local local}.
 */
final class ShaclCheck {

    /** Focus nodes validated by one task: enough to outweigh a task's cost, few enough to share the work out. */
    private static final int CHUNK = 2_000;

    private ShaclCheck() {
    }

    /** The shapes of the guide's ontology, or empty (with a warning in {@code out}) if it has none. */
    static Shapes shapes(GuideGraph g, List<Diagnostic> out) {
        Shapes shapes = Shapes.parse(g.ontology().getGraph());
        if (shapes.numShapes() == 0) {
            out.add(Diagnostic.warning(SourcePosition.ofFile("ontology"), "no SHACL shapes found",
                    "put sh:NodeShape definitions in ontology/shapes.ttl"));
        }
        return shapes;
    }

    /** The data the shapes validate: ontology and content in one graph. */
    static Graph data(GuideGraph g) {
        return g.dataset().getDefaultModel().getGraph();
    }

    /** Every result of the shapes over the whole graph, in the order of the shapes and their focus nodes. */
    static List<ReportEntry> validate(Shapes shapes, Graph data, ExecutorService pool) {
        List<CompletableFuture<List<ReportEntry>>> parts = new ArrayList<>();
        for (Shape shape : shapes) {
            List<Node> focus = new ArrayList<>(VLib.focusNodes(data, shape));
            for (int from = 0; from < focus.size(); from += CHUNK) {
                List<Node> chunk = focus.subList(from, Math.min(focus.size(), from + CHUNK));
                parts.add(CompletableFuture.supplyAsync(() -> validate(shapes, data, shape, chunk), pool));
            }
        }
        List<ReportEntry> out = new ArrayList<>();
        for (CompletableFuture<List<ReportEntry>> part : parts) {
            out.addAll(Workers.join(part));
        }
        return out;
    }

    private static List<ReportEntry> validate(Shapes shapes, Graph data, Shape shape, Collection<Node> focus) {
        ValidationContext context = ValidationContext.create(shapes, data);
        for (Node n : focus) {
            ValidationProc.execValidateShape(context, data, shape, n);
        }
        return new ArrayList<>(context.generateReport().getEntries());
    }

    /**
     * The results over the changed graph, from the results {@code before} over the graph {@code delta} runs from
     * (same shapes): those of untouched focus nodes are kept, the nodes the change can reach are validated again.
     * Null if the shapes look further than {@link ShapeReach#local} allows or the class hierarchy changed.
     * {@code reached[0]} is set to the number of nodes validated again.
     */
    static List<ReportEntry> revalidate(Shapes shapes, Graph data, GraphDelta delta, List<ReportEntry> before,
            int[] reached) {
        if (!ShapeReach.local(shapes)) {
            return null;
        }
        Set<Node> nodes = new HashSet<>();
        for (Set<Triple> side : List.of(delta.removed(), delta.added())) {
            for (Triple t : side) {
                if (t.getPredicate().equals(RDFS.subClassOf.asNode())) {
                    return null; // class targets and sh:class follow the hierarchy through every node
                }
                nodes.add(t.getSubject());
                if (!t.getObject().isLiteral()) {
                    nodes.add(t.getObject());
                }
                if (t.getPredicate().equals(RDF.type.asNode())) {
                    // sh:class on a value looks at the value's types: the nodes that point at it see the change
                    data.find(Node.ANY, Node.ANY, t.getSubject()).forEachRemaining(l -> nodes.add(l.getSubject()));
                }
            }
        }
        List<ReportEntry> out = new ArrayList<>();
        for (ReportEntry e : before) {
            if (!nodes.contains(e.focusNode())) {
                out.add(e);
            }
        }
        reached[0] = nodes.size();
        for (Node n : nodes) {
            ValidationContext context = ValidationContext.create(shapes, data);
            for (Shape shape : shapes) {
                if (VLib.isFocusNode(shape, n, data)) {
                    ValidationProc.execValidateShape(context, data, shape, n);
                }
            }
            out.addAll(context.generateReport().getEntries());
        }
        return out;
    }

    /** The diagnostics of the results, in {@code g}: where each focus node is written now, and its name now. */
    static void report(GuideGraph g, List<ReportEntry> entries, List<Diagnostic> out) {
        for (ReportEntry e : entries) {
            RDFNode focus = g.union().asRDFNode(e.focusNode());
            SourcePosition at = position(g, focus, e.resultPath());
            if (g.brokenFiles().contains(at.file())) {
                continue; // the node's file was not read whole: the syntax error says why
            }
            String path = e.resultPath() == null ? "" : " " + pathText(g, e.resultPath());
            String subject = focus.isAnon() ? Terms.id(g, focus) : Terms.named(g, focus.asResource());
            String message = subject + path + ": " + e.message().strip();
            out.add(e.severity() == Severity.Violation
                    ? Diagnostic.error(at, message, "")
                    : Diagnostic.warning(at, message, ""));
        }
    }

    private static SourcePosition position(GuideGraph g, RDFNode focus, Path path) {
        if (focus.isURIResource() && path instanceof P_Link link) {
            SourcePosition p = g.index().pair(focus.asResource().getURI(), link.getNode().getURI());
            if (p != null) {
                return p;
            }
        }
        return Terms.positionOf(g, focus);
    }

    private static String pathText(GuideGraph g, Path path) {
        if (path instanceof P_Link link && link.getNode().isURI()) {
            return Terms.id(g, link.getNode().getURI());
        }
        return path.toString();
    }
}
