package org.guidegraph.diagram;

import java.io.InputStream;
import java.nio.file.Path;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.guidegraph.graph.GG;

/** The decision-tree fixtures of {@code src/test/resources/diagram/} and generated trees. */
final class Fixtures {

    static final String SERVING = "https://example.org/guides/serving/";
    static final String SERVING_TREE = SERVING + "decision/tree";
    /** Where engines may write during tests (J2V8's native library), under Maven's target folder. */
    static final Path WORK_DIR = Path.of("target", "diagram-work");

    private Fixtures() {
    }

    /** The model of a fixture file, with the ontology's outcome statuses. */
    static Model model(String... files) {
        Model m = ModelFactory.createDefaultModel();
        for (String f : files) {
            read(m, f);
        }
        return m;
    }

    static Model serving() {
        return model("serving.ttl", "statuses.ttl");
    }

    static DecisionTreeView servingTree() {
        return DecisionTreeQuery.builtIn().tree(serving(), SERVING_TREE).orElseThrow();
    }

    /** Relative page links as the site plans them: {@code {kind}/{slug}.html}. */
    static String href(String iri) {
        return iri.startsWith(SERVING) ? iri.substring(SERVING.length()) + ".html" : null;
    }

    private static void read(Model m, String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/diagram/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + file);
            }
            RDFDataMgr.read(m, in, SERVING, Lang.TURTLE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A full tree of another guide: {@code depth} levels of questions, each with {@code breadth} options, the last
     * level's options leading to outcomes. Options are written in reverse so order must come from gg:order.
     */
    static Model generated(String base, int depth, int breadth) {
        Model m = ModelFactory.createDefaultModel();
        Resource tree = m.createResource(base + "decision/tree").addProperty(RDF.type, GG.DecisionTree)
                .addProperty(RDFS.label, "Generated tree");
        Resource root = question(m, base, "q", depth, breadth);
        tree.addProperty(GG.root, root);
        return m;
    }

    private static Resource question(Model m, String base, String path, int levels, int breadth) {
        Resource q = m.createResource(base + "decision/" + path).addProperty(RDF.type, GG.Question)
                .addProperty(GG.text, "Question " + path + "?");
        for (int i = breadth; i >= 1; i--) {
            String child = path + "-" + i;
            Resource target = levels == 1
                    ? m.createResource(base + "decision/o" + child.substring(1)).addProperty(RDF.type, GG.Outcome)
                            .addProperty(RDFS.label, "Outcome " + child)
                            .addProperty(GG.text, "Do " + child)
                    : question(m, base, child, levels - 1, breadth);
            q.addProperty(GG.option, m.createResource().addProperty(RDFS.label, "Answer " + i)
                    .addLiteral(GG.order, m.createTypedLiteral(i)).addProperty(GG.leadsTo, target));
        }
        return q;
    }
}
