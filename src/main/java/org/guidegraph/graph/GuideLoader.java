package org.guidegraph.graph;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.shared.JenaException;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sys.JenaSystem;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.internal.Workers;
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

    /**
     * Loads ontology and content files from the sources. Files are parsed in parallel; their triples, prefixes and
     * problems are then taken in file order, so the graph is the same whichever file finishes first. Positions are
     * indexed when a diagnostic first needs one.
     */
    public static GuideGraph load(GuideSources sources) {
        return load(sources, new Reuse());
    }

    /**
     * What one load leaves for the next of the same guide (a regeneration after an edit): the files as parsed and,
     * once a diagnostic has asked, their positions. A load through it parses only the files whose bytes changed.
     * It holds the last load only, so its memory is one guide's worth.
     */
    public static final class Reuse {
        private volatile Map<SourceFile, Parsed> parsed = Map.of();
        private volatile Map<SourceFile, SourceIndex.Part> positions = Map.of();
        /** The graph of the last good build and the files it was read from: what {@link GuideGraph#delta()} is to. */
        private volatile GuideGraph base;
        private volatile Map<SourceFile, Parsed> baseParsed = Map.of();
        private volatile GuideGraph loaded;
        private volatile Map<SourceFile, Parsed> loadedParsed = Map.of();

        /**
         * Makes {@code graph}, the last one loaded through this, the one the next load's {@link GuideGraph#delta()}
         * is measured from: called once a build from it succeeded. A graph whose build failed is not a base, so the
         * delta after a failed build still runs from the last good one. A graph not loaded through this (read from a
         * remote endpoint) leaves no base: the next delta is unknown.
         */
        public void commit(GuideGraph graph) {
            boolean ours = graph == loaded;
            base = ours ? loaded : null;
            baseParsed = ours ? loadedParsed : Map.of();
        }
    }

    /** As {@link #load(GuideSources)}, reusing what the previous load through {@code reuse} read. */
    public static GuideGraph load(GuideSources sources, Reuse reuse) {
        // Jena initialises itself on first use, from the static initialisers of its classes; started on two parser
        // threads at once, that deadlocks. So it happens here, before any thread starts.
        JenaSystem.init();
        Model ontology = ModelFactory.createDefaultModel();
        Model content = ModelFactory.createDefaultModel();
        RDFParser.create();
        List<SourceFile> files = sources.all().stream()
                .filter(f -> f.kind() == SourceKind.ONTOLOGY || f.kind() == SourceKind.GRAPH)
                .toList();
        ExecutorService pool = Workers.pool("load", Workers.cores());
        Map<SourceFile, Parsed> earlier = reuse.parsed;
        Map<SourceFile, Parsed> now = new HashMap<>();
        try {
            List<CompletableFuture<Parsed>> parsed = new ArrayList<>();
            for (SourceFile f : files) {
                Parsed known = earlier.get(f);
                parsed.add(known != null ? CompletableFuture.completedFuture(known)
                        : CompletableFuture.supplyAsync(() -> parse(f), pool));
            }
            List<Diagnostic> problems = new ArrayList<>();
            Set<String> broken = new HashSet<>();
            for (int i = 0; i < files.size(); i++) {
                SourceFile f = files.get(i);
                Parsed p = Workers.join(parsed.get(i));
                p.addTo(f.kind() == SourceKind.ONTOLOGY ? ontology : content);
                problems.addAll(p.problems);
                if (p.broken) {
                    broken.add(f.path());
                }
                now.put(f, p);
            }
            GraphDelta delta = reuse.base == null ? null
                    : delta(reuse.baseParsed, now, reuse.base, ontology, content);
            reuse.parsed = now;
            GuideGraph graph = new GuideGraph(sources, ontology, content,
                    new SourceIndex(() -> positions(files, reuse)), problems, broken, delta);
            reuse.loaded = graph;
            reuse.loadedParsed = now;
            return graph;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The triples of the files that were read again, added or removed, compared with what the graph before and the
     * graph now hold (a triple may be written in more than one file).
     */
    private static GraphDelta delta(Map<SourceFile, Parsed> earlier, Map<SourceFile, Parsed> now, GuideGraph before,
            Model ontology, Model content) {
        Set<Triple> removed = new HashSet<>();
        Set<Triple> added = new HashSet<>();
        boolean ontologyChanged = false;
        for (Map.Entry<SourceFile, Parsed> e : earlier.entrySet()) {
            if (now.get(e.getKey()) != e.getValue()) {
                removed.addAll(e.getValue().triples);
                ontologyChanged |= e.getKey().kind() == SourceKind.ONTOLOGY;
            }
        }
        for (Map.Entry<SourceFile, Parsed> e : now.entrySet()) {
            if (earlier.get(e.getKey()) != e.getValue()) {
                added.addAll(e.getValue().triples);
                ontologyChanged |= e.getKey().kind() == SourceKind.ONTOLOGY;
            }
        }
        Graph o = ontology.getGraph();
        Graph c = content.getGraph();
        Graph ob = before.ontology().getGraph();
        Graph cb = before.content().getGraph();
        removed.removeIf(t -> o.contains(t) || c.contains(t));
        added.removeIf(t -> ob.contains(t) || cb.contains(t));
        return new GraphDelta(removed, added, ontologyChanged);
    }

    /**
     * Where things are written in the files, in file order: made only when a diagnostic asks (a second pass over
     * each file, files in parallel), and kept for files whose bytes do not change.
     */
    private static List<SourceIndex.Part> positions(List<SourceFile> files, Reuse reuse) {
        Map<SourceFile, SourceIndex.Part> earlier = reuse.positions;
        List<SourceIndex.Part> parts = files.parallelStream()
                .map(f -> earlier.containsKey(f) ? earlier.get(f) : TurtlePositions.index(f.path(), f.text()))
                .toList();
        Map<SourceFile, SourceIndex.Part> now = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            now.put(files.get(i), parts.get(i));
        }
        reuse.positions = now;
        return parts;
    }



    /** What the parser made of one file, in the order it said it. */
    private static final class Parsed implements StreamRDF {
        final List<Triple> triples = new ArrayList<>();
        final List<String[]> prefixes = new ArrayList<>();
        final List<Diagnostic> problems = new ArrayList<>();
        boolean broken;

        @Override
        public void start() {
        }

        @Override
        public void triple(Triple triple) {
            triples.add(triple);
        }

        @Override
        public void quad(Quad quad) {
            // Turtle has no quads.
        }

        @Override
        public void base(String base) {
        }

        @Override
        public void prefix(String prefix, String iri) {
            prefixes.add(new String[] {prefix, iri});
        }

        @Override
        public void finish() {
        }

        /** Adds the triples and prefixes to {@code m} as parsing straight into it would have. */
        void addTo(Model m) {
            Graph g = m.getGraph();
            for (Triple t : triples) {
                g.add(t);
            }
            for (String[] p : prefixes) {
                try {
                    g.getPrefixMapping().setNsPrefix(p[0], p[1]);
                } catch (JenaException e) {
                    // as Jena's parser does when it reads into a graph: a prefix the mapping refuses is left out
                }
            }
        }
    }

    private static Parsed parse(SourceFile f) {
        Parsed out = new Parsed();
        List<Diagnostic> problems = out.problems;
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(String message, long line, long col) {
                problems.add(Diagnostic.warning(at(f, line, col), clean(message), ""));
            }

            @Override
            public void error(String message, long line, long col) {
                out.broken = true;
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
                    .parse(out);
        } catch (RiotException e) {
            out.broken = true;
            // reported through the handler
        }
        return out;
    }

    private static SourcePosition at(SourceFile f, long line, long col) {
        return new SourcePosition(f.path(), (int) Math.max(line, 0), (int) Math.max(col, 0));
    }

    private static String clean(String message) {
        return message.replace('\n', ' ').strip();
    }
}
