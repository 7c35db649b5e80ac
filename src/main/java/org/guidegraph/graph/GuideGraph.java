package org.guidegraph.graph;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.mem2.GraphMem2Fast;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.source.GuideSources;

/**
 * A guide loaded into memory: the ontology (vocabulary and shapes), the content, where each was written, and the
 * problems met while reading them.
 */
public final class GuideGraph {

    private final GuideSources sources;
    private final Model ontology;
    private final Model content;
    private final Model union;
    private final SourceIndex index;
    private final List<Diagnostic> loadProblems;
    private final Set<String> brokenFiles;
    private final GraphDelta delta;
    private final long generation;
    private final long deltaBase;
    private DatasetSource datasetSource;
    private volatile Dataset dataset;

    GuideGraph(GuideSources sources, Model ontology, Model content, SourceIndex index,
            List<Diagnostic> loadProblems, Set<String> brokenFiles) {
        this(sources, ontology, content, index, loadProblems, brokenFiles, null, 0, 0, null);
    }

    GuideGraph(GuideSources sources, Model ontology, Model content, SourceIndex index,
            List<Diagnostic> loadProblems, Set<String> brokenFiles, GraphDelta delta, long generation,
            long deltaBase, DatasetSource datasetSource) {
        this.generation = generation;
        this.deltaBase = deltaBase;
        this.datasetSource = datasetSource;
        this.sources = sources;
        this.ontology = ontology;
        this.content = content;
        this.union = ModelFactory.createModelForGraph(new LeanUnion(ontology.getGraph(), content.getGraph()));
        this.index = index;
        this.loadProblems = List.copyOf(loadProblems);
        this.brokenFiles = Set.copyOf(brokenFiles);
        this.delta = delta;
    }

    /**
     * What changed since the graph of the last good build loaded through the same {@link GuideLoader.Reuse} (see
     * {@link GuideLoader.Reuse#commit}), or empty when there was none.
     */
    public Optional<GraphDelta> delta() {
        return Optional.ofNullable(delta);
    }

    /**
     * This graph's number among the loads through one {@link GuideLoader.Reuse} (from 1), or 0 for a graph not
     * loaded through one: with {@link #deltaBase()}, it lets later stages tell which graph a delta runs from.
     */
    public long generation() {
        return generation;
    }

    /** The {@link #generation()} of the graph {@link #delta()} runs from, or 0 when there is no delta. */
    public long deltaBase() {
        return delta == null ? 0 : deltaBase;
    }

    public GuideSources sources() {
        return sources;
    }

    /** Vocabulary and shapes. */
    public Model ontology() {
        return ontology;
    }

    /** The guide's own facts. */
    public Model content() {
        return content;
    }

    /** Ontology and content together: what queries see. */
    public Model union() {
        return union;
    }


    /** Where things are written. */
    public SourceIndex index() {
        return index;
    }

    /** Syntax problems met while reading. */
    public List<Diagnostic> loadProblems() {
        return loadProblems;
    }

    /** Files that could not be read whole; their triples may be incomplete. */
    public Set<String> brokenFiles() {
        return brokenFiles;
    }

    /**
     * A dataset over ontology and content, for SPARQL: one in-memory graph holding both, made on first use and
     * shared (a query over a union view checks every triple of the second graph against the first; a copy answers
     * several times faster). The graph is never written after it is made, so it stays true and is safe to read
     * from many threads. After an edit it is a copy of the last good build's graph changed by {@link #delta()}
     * (copying is a few times cheaper than adding every triple again); else a copy of the content with the
     * ontology added.
     */
    public Dataset dataset() {
        Dataset d = dataset;
        if (d == null) {
            synchronized (this) {
                if (dataset == null) {
                    Graph g = datasetSource != null ? datasetSource.make() : null;
                    if (g == null) {
                        g = content.getGraph() instanceof GraphMem2Fast fast ? fast.copy() : copyOf(content.getGraph());
                        ontology.getGraph().find().forEachRemaining(g::add);
                    }
                    datasetSource = null;
                    Model m = ModelFactory.createModelForGraph(g);
                    m.setNsPrefixes(ontology.getNsPrefixMap());
                    m.setNsPrefixes(content.getNsPrefixMap());
                    dataset = DatasetFactory.wrap(m);
                }
                d = dataset;
            }
        }
        return d;
    }

    private static Graph copyOf(Graph from) {
        Graph g = new GraphMem2Fast();
        from.find().forEachRemaining(g::add);
        return g;
    }

    /**
     * Starts making, on a thread of its own, a later load's dataset graph from this one's and the delta between
     * them; null if this graph's dataset was never made (the later one then makes its own from its models).
     */
    synchronized DatasetSource datasetSource(GraphDelta change) {
        Dataset d = dataset;
        if (d == null || !(d.getDefaultModel().getGraph() instanceof GraphMem2Fast from)) {
            return null;
        }
        return new DatasetSource(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            GraphMem2Fast g = from.copy();
            change.removed().forEach(g::delete);
            change.added().forEach(g::add);
            return g;
        }, task -> {
            Thread t = new Thread(task, "guidegraph-dataset");
            t.setDaemon(true);
            t.start();
        }));
    }

    /** A dataset graph being made: a copy of the one before, with the triples of the delta removed and added. */
    record DatasetSource(java.util.concurrent.CompletableFuture<Graph> graph) {
        Graph make() {
            return graph.join();
        }
    }

    /** The guide resource (the one subject typed {@code gg:Guide}), if there is exactly one. */
    public Optional<Resource> guide() {
        List<Resource> guides = content.listResourcesWithProperty(RDF.type, GG.Guide).toList();
        return guides.size() == 1 && guides.get(0).isURIResource() ? Optional.of(guides.get(0)) : Optional.empty();
    }

    /** The IRI prefix of the guide's entities (the guide IRI, which ends with '/'), or empty. */
    public Optional<String> namespace() {
        return guide().map(Resource::getURI);
    }

    /** Number of triples in ontology and content. */
    public long size() {
        return ontology.size() + content.size();
    }
}
