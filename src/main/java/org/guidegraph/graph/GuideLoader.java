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
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.mem2.GraphMem2Fast;
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
        private long generations;

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
        RDFParser.create();
        List<SourceFile> files = sources.all().stream()
                .filter(f -> f.kind() == SourceKind.ONTOLOGY || f.kind() == SourceKind.GRAPH)
                .toList();
        ExecutorService pool = Workers.pool("load", Workers.cores());
        Map<SourceFile, Parsed> earlier = reuse.parsed;
        Map<SourceFile, Parsed> now = new HashMap<>();
        List<Parsed> inOrder = new ArrayList<>();
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
                inOrder.add(p);
                problems.addAll(p.problems);
                if (p.broken) {
                    broken.add(f.path());
                }
                now.put(f, p);
            }
            reuse.parsed = now;
            GuideGraph base = reuse.base;
            Models models = base == null ? null : derive(base, reuse.baseParsed, files, inOrder);
            if (models == null) {
                models = Models.fresh(files, inOrder);
                if (base != null) {
                    models.delta = delta(reuse.baseParsed, now, base, models.ontology, models.content);
                }
            }
            long generation = ++reuse.generations;
            GuideGraph graph = new GuideGraph(sources, models.ontology, models.content,
                    new SourceIndex(() -> positions(files, reuse)), problems, broken, models.delta,
                    generation, base == null ? 0 : base.generation(), models.dataset);
            reuse.loaded = graph;
            reuse.loadedParsed = now;
            return graph;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The models of one load, the delta from the base graph, and how to make the queried dataset's graph. */
    private static final class Models {
        Model ontology;
        Model content;
        GraphDelta delta;
        GuideGraph.DatasetSource dataset;

        /** Models holding every file's triples, added in file order, as parsing straight into them would. */
        static Models fresh(List<SourceFile> files, List<Parsed> parsed) {
            Models m = new Models();
            m.ontology = newModel();
            m.content = newModel();
            for (int i = 0; i < files.size(); i++) {
                Parsed p = parsed.get(i);
                Model into = files.get(i).kind() == SourceKind.ONTOLOGY ? m.ontology : m.content;
                p.addTriplesTo(into.getGraph());
                p.addPrefixesTo(into.getGraph());
            }
            return m;
        }
    }

    /** An empty model over Jena's fast in-memory graph (the kind {@code GraphMem2Fast.copy()} can copy cheaply). */
    static Model newModel() {
        return ModelFactory.createModelForGraph(new GraphMem2Fast());
    }

    /**
     * The models of this load made from the base graph's (the last good build's) and the files that changed since:
     * the content graph is a copy of the base's with the removed triples deleted and the added ones added, the
     * ontology the base's own when no ontology file changed, and the dataset's graph later a copy of the base's
     * changed the same way. The base's graphs are never written: {@code serve} still answers from them. Null when
     * an ontology file changed (the whole graph is built again then).
     */
    private static Models derive(GuideGraph base, Map<SourceFile, Parsed> baseParsed, List<SourceFile> files,
            List<Parsed> parsed) {
        // By path: a file is unchanged when it is still the same parse (comparing the files' bytes again costs more).
        Map<String, Parsed> nowByPath = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            nowByPath.put(files.get(i).path(), parsed.get(i));
        }
        Map<String, Parsed> baseByPath = new HashMap<>();
        baseParsed.forEach((f, p) -> baseByPath.put(f.path(), p));
        Set<Triple> removedCandidates = new HashSet<>();
        Set<Triple> addedCandidates = new HashSet<>();
        for (Map.Entry<SourceFile, Parsed> e : baseParsed.entrySet()) {
            if (nowByPath.get(e.getKey().path()) != e.getValue()) {
                if (e.getKey().kind() == SourceKind.ONTOLOGY) {
                    return null;
                }
                removedCandidates.addAll(e.getValue().triples);
            }
        }
        List<Parsed> unchanged = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            SourceFile f = files.get(i);
            Parsed p = parsed.get(i);
            if (baseByPath.get(f.path()) != p) {
                if (f.kind() == SourceKind.ONTOLOGY) {
                    return null;
                }
                addedCandidates.addAll(p.triples);
            } else if (f.kind() == SourceKind.GRAPH) {
                unchanged.add(p);
            }
        }
        Graph baseContent = base.content().getGraph();
        if (!(baseContent instanceof GraphMem2Fast baseGraph)) {
            return null;
        }
        // A triple of a changed file stays if the file still has it or an unchanged file also writes it (blank
        // nodes belong to one file, so only triples without them can be written twice).
        removedCandidates.removeAll(addedCandidates);
        Set<Triple> ground = new HashSet<>();
        for (Triple t : removedCandidates) {
            if (!t.getSubject().isBlank() && !t.getObject().isBlank()) {
                ground.add(t);
            }
        }
        for (Triple t : ground) {
            for (Parsed p : unchanged) {
                if (p.subjects().contains(t.getSubject()) && p.triples.contains(t)) {
                    removedCandidates.remove(t);
                    break;
                }
            }
        }
        Set<Triple> removed = removedCandidates;
        Set<Triple> added = new HashSet<>();
        for (Triple t : addedCandidates) {
            if (!baseContent.contains(t)) {
                added.add(t);
            }
        }
        Models m = new Models();
        m.ontology = base.ontology();
        Graph ontology = m.ontology.getGraph();
        Set<Triple> removedFromUnion = new HashSet<>();
        removed.forEach(t -> {
            if (!ontology.contains(t)) {
                removedFromUnion.add(t);
            }
        });
        Set<Triple> addedToUnion = new HashSet<>();
        added.forEach(t -> {
            if (!ontology.contains(t)) {
                addedToUnion.add(t);
            }
        });
        m.delta = new GraphDelta(removedFromUnion, addedToUnion, false);
        // the dataset's graph (ontology and content) is copied on another core meanwhile
        m.dataset = base.datasetSource(m.delta);
        GraphMem2Fast content = baseGraph.copy();
        removed.forEach(content::delete);
        added.forEach(content::add);
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).kind() == SourceKind.GRAPH) {
                parsed.get(i).addPrefixesTo(content);
            }
        }
        m.content = ModelFactory.createModelForGraph(content);
        return m;
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
        private Set<Node> subjects;

        /** The subjects of the file's triples, gathered when first asked (the file is kept while unchanged). */
        synchronized Set<Node> subjects() {
            if (subjects == null) {
                Set<Node> s = new HashSet<>();
                triples.forEach(t -> s.add(t.getSubject()));
                subjects = s;
            }
            return subjects;
        }

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

        void addTriplesTo(Graph g) {
            for (Triple t : triples) {
                g.add(t);
            }
        }

        /** Sets the file's prefixes in {@code g}'s mapping, in the order written, as Jena's parser would. */
        void addPrefixesTo(Graph g) {
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
        } catch (JenaException e) {
            // an IRI the parser cannot use at all (a bad @base) stops it without a place
            out.broken = true;
            problems.add(Diagnostic.error(SourcePosition.ofFile(f.path()), "Turtle syntax: " + clean(e.getMessage()),
                    "fix the IRI; the rest of this file was not read"));
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
