package org.guidegraph.check;

import java.util.List;

import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.graph.GuideGraph;

/**
 * Validates ontology and content against the SHACL shapes found in {@code ontology/}. Each result names the focus
 * node, the path and the place where the node is written; a shape's {@code sh:message} says what to do.
 */
final class ShaclCheck implements Check {

    @Override
    public String name() {
        return "shapes";
    }

    @Override
    public void run(GuideGraph g, List<Diagnostic> out) {
        Shapes shapes = Shapes.parse(g.ontology().getGraph());
        if (shapes.numShapes() == 0) {
            out.add(Diagnostic.warning(SourcePosition.ofFile("ontology"), "no SHACL shapes found",
                    "put sh:NodeShape definitions in ontology/shapes.ttl"));
            return;
        }
        ValidationReport report = ShaclValidator.get().validate(shapes, g.union().getGraph());
        for (ReportEntry e : report.getEntries()) {
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
