package org.guidegraph.graph;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.source.GuideSources;
import org.guidegraph.source.SourceFile;
import org.guidegraph.source.SourceKind;

/**
 * Reads a guide's Turtle files into a {@link GuideGraph}. Every file is parsed on its own, so a syntax error in one
 * file is reported with its position and the others are still read.
 */
public final class GuideLoader {

    /** Relative IRIs in guide files resolve against this, never against a file path (which would differ by machine). */
    public static final String BASE = "https://guidegraph.org/base/";

    private GuideLoader() {
    }

    /** Loads ontology and content files from the sources. */
    public static GuideGraph load(GuideSources sources) {
        Model ontology = ModelFactory.createDefaultModel();
        Model content = ModelFactory.createDefaultModel();
        SourceIndex index = new SourceIndex();
        List<Diagnostic> problems = new ArrayList<>();
        Set<String> broken = new HashSet<>();
        for (SourceFile f : sources.all()) {
            if (f.kind() != SourceKind.ONTOLOGY && f.kind() != SourceKind.GRAPH) {
                continue;
            }
            // Straight into the target model: a copy per file would hold every triple twice.
            parse(f, f.kind() == SourceKind.ONTOLOGY ? ontology : content, problems, broken);
            TurtlePositions.index(f.path(), f.text(), index);
        }
        return new GuideGraph(sources, ontology, content, index, problems, broken);
    }

    private static void parse(SourceFile f, Model m, List<Diagnostic> problems, Set<String> broken) {
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(String message, long line, long col) {
                problems.add(Diagnostic.warning(at(f, line, col), clean(message), ""));
            }

            @Override
            public void error(String message, long line, long col) {
                broken.add(f.path());
                problems.add(Diagnostic.error(at(f, line, col), "Turtle syntax: " + clean(message),
                        "fix the statement; the rest of this file was not read"));
            }

            @Override
            public void fatal(String message, long line, long col) {
                error(message, line, col);
                throw new RiotException(message);
            }
        };
        try {
            RDFParser.create()
                    .source(new ByteArrayInputStream(f.bytes()))
                    .lang(Lang.TURTLE)
                    .base(BASE)
                    .errorHandler(handler)
                    .parse(m);
        } catch (RiotException e) {
            broken.add(f.path());
            // reported through the handler
        }
    }

    private static SourcePosition at(SourceFile f, long line, long col) {
        return new SourcePosition(f.path(), (int) Math.max(line, 0), (int) Math.max(col, 0));
    }

    private static String clean(String message) {
        return message.replace('\n', ' ').strip();
    }
}
