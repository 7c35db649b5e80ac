package org.guidegraph.output;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.guidegraph.graph.GuideGraph;

/**
 * The description of one entity of a guide, as linked-data clients get it: the statements about the entity and,
 * nested, those about the blank nodes it leads to (a concise bounded description). Entities are the IRIs
 * {@code {guide}KIND/SLUG}; their descriptions are published beside their pages as {@code KIND/SLUG.ttl}.
 */
public final class EntityDescriptions {

    /** The slug of an entity IRI, as pages use it (one or more path segments of URL-safe characters). */
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*");

    /** Entities per task: enough to make a task worth scheduling, few enough to keep both cores busy to the end. */
    private static final int BATCH = 500;

    private EntityDescriptions() {
    }

    /**
     * The site path (without extension) of an entity IRI, e.g. {@code approach/llm-d} for
     * {@code {guide}approach/llm-d}, or empty if the IRI is not an entity of the guide.
     */
    public static Optional<String> pathOf(String namespace, String iri) {
        if (namespace == null || namespace.isEmpty() || !iri.startsWith(namespace)) {
            return Optional.empty();
        }
        String rest = iri.substring(namespace.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1 || !SLUG.matcher(rest).matches()) {
            return Optional.empty();
        }
        return Optional.of(rest);
    }

    /** The entity's statements and those of the blank nodes reachable from it, with the model's prefixes. */
    public static Model describe(Model graph, Resource entity) {
        Model out = ModelFactory.createDefaultModel();
        out.setNsPrefixes(graph.getNsPrefixMap());
        Set<Resource> seen = new HashSet<>();
        Deque<Resource> todo = new ArrayDeque<>();
        todo.add(entity);
        while (!todo.isEmpty()) {
            Resource r = todo.pop();
            if (!seen.add(r)) {
                continue;
            }
            for (Statement s : graph.listStatements(r, null, (org.apache.jena.rdf.model.RDFNode) null).toList()) {
                out.add(s);
                if (s.getObject().isAnon()) {
                    todo.add(s.getObject().asResource());
                }
            }
        }
        return out;
    }

    /** The entities of a graph (subjects whose IRI is an entity IRI of the namespace), by site path. */
    public static Map<String, Resource> entities(Model graph, String namespace) {
        Map<String, Resource> out = new TreeMap<>();
        for (Node r : Tasks.subjects(graph.getGraph())) {
            if (r.isURI()) {
                pathOf(namespace, r.getURI()).ifPresent(p -> out.put(p, graph.wrapAsResource(r)));
            }
        }
        return out;
    }

    /**
     * Writes {@code KIND/SLUG.ttl} into {@code site} for every entity of the guide's content, in sorted Turtle;
     * returns the files written (site-relative), sorted.
     */
    public static List<String> write(GuideGraph g, Path site) throws IOException {
        List<String> files = files(g);
        Tasks.join(write(g, files, site, Runnable::run));
        return files;
    }

    /** The files {@link #write(GuideGraph, Path)} writes (site-relative, {@code KIND/SLUG.ttl}), sorted. */
    public static List<String> files(GuideGraph g) {
        List<String> files = new ArrayList<>();
        entities(g.content(), g.namespace().orElse("")).keySet().forEach(p -> files.add(p + ".ttl"));
        return files;
    }

    /**
     * Writes {@code files} (from {@link #files}) as {@link #write(GuideGraph, Path)} does, in batches run by
     * {@code executor}; each file's bytes are the same whichever thread writes it.
     */
    public static CompletableFuture<Void> write(GuideGraph g, List<String> files, Path site, Executor executor)
            throws IOException {
        return write(g, files, site, false, executor);
    }

    /**
     * As {@link #write(GuideGraph, List, Path, Executor)}; {@code treeShaped} says that every blank node of the
     * content is the object of exactly one triple (see {@link WriteReuse.Plan#treeShaped}), which lets a
     * description be written as its entity's Turtle block alone.
     */
    static CompletableFuture<Void> write(GuideGraph g, List<String> files, Path site, boolean treeShaped,
            Executor executor) throws IOException {
        String ns = g.namespace().orElse("");
        Map<String, String> prefixes = new TreeMap<>(g.ontology().getNsPrefixMap());
        prefixes.putAll(g.content().getNsPrefixMap());
        Set<Path> dirs = new TreeSet<>();
        for (String file : files) {
            dirs.add(site.resolve(file).getParent());
        }
        for (Path dir : dirs) {
            Files.createDirectories(dir);
        }
        DescriptionWriter writer = new DescriptionWriter(g.content().getGraph(), ns, prefixes, treeShaped);
        List<CompletableFuture<Void>> batches = new ArrayList<>();
        for (int from = 0; from < files.size(); from += BATCH) {
            List<String> batch = files.subList(from, Math.min(files.size(), from + BATCH));
            batches.add(CompletableFuture.runAsync(() -> writer.write(batch, site), executor));
        }
        return CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new));
    }

    /**
     * Puts {@code files} (site-relative) of {@code previousSite} into {@code site} with {@code keep}, in batches
     * run by {@code executor}. A file the previous site lacks is described from {@code g} instead.
     */
    static CompletableFuture<Void> carryOver(GuideGraph g, List<String> files, Path previousSite, Path site,
            SiteWriter.Keep keep, Executor executor) throws IOException {
        if (keep.needsFolders()) {
            Set<Path> dirs = new TreeSet<>();
            for (String file : files) {
                dirs.add(site.resolve(file).getParent());
            }
            for (Path dir : dirs) {
                Files.createDirectories(dir);
            }
        }
        List<CompletableFuture<Void>> batches = new ArrayList<>();
        List<String> missing = Collections.synchronizedList(new ArrayList<>());
        for (int from = 0; from < files.size(); from += BATCH * 4) {
            List<String> batch = files.subList(from, Math.min(files.size(), from + BATCH * 4));
            batches.add(CompletableFuture.runAsync(() -> {
                for (String file : batch) {
                    try {
                        if (!keep.keep(file)) {
                            missing.add(file);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot carry over " + file + ": " + e.getMessage(), e);
                    }
                }
            }, executor));
        }
        return CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).thenCompose(v -> {
            if (missing.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            List<String> sorted = new ArrayList<>(new TreeSet<>(missing));
            try {
                return write(g, sorted, site, executor);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Writes descriptions straight from the graph's triples: the same Turtle as {@link #describe} followed by
     * {@link #usedPrefixesOnly} and {@link Deterministic#turtle(Model)}, without building two models per entity.
     */
    private static final class DescriptionWriter {
        private final Graph graph;
        private final String ns;
        /** The prefixes in order, and their namespaces. */
        private final List<String> names;
        private final List<String> uris;
        /** For each namespace a description uses, the prefixes it starts with, as a set of indexes into names. */
        private final Map<String, BitSet> prefixesOf = new ConcurrentHashMap<>();
        /** Prefix mappings by the prefixes they hold: most descriptions use one of a few sets. Read-only once made. */
        private final Map<BitSet, PrefixMapping> mappings = new ConcurrentHashMap<>();
        /** For tree-shaped content: the text of an entity's block, by the prefixes its description uses. */
        private final Map<PrefixMapping, SubjectText> texts = new ConcurrentHashMap<>();
        private final Map<PrefixMapping, String> headers = new ConcurrentHashMap<>();
        private final boolean treeShaped;

        DescriptionWriter(Graph graph, String ns, Map<String, String> prefixes, boolean treeShaped) {
            this.graph = graph;
            this.ns = ns;
            this.treeShaped = treeShaped;
            this.names = List.copyOf(prefixes.keySet());
            this.uris = List.copyOf(prefixes.values());
        }

        void write(List<String> files, Path site) {
            StringWriter text = new StringWriter();
            for (String file : files) {
                String path = file.substring(0, file.length() - ".ttl".length());
                Node entity = NodeFactory.createURI(ns + path);
                List<Triple> triples = describe(graph, entity);
                text.getBuffer().setLength(0);
                try {
                    PrefixMapping pm = mapping(triples);
                    if (treeShaped && !triples.isEmpty()) {
                        // Every blank node nested once: the description is the entity's block alone.
                        text.append(headers.computeIfAbsent(pm, SubjectText::prefixLines))
                                .append(texts.computeIfAbsent(pm, m -> new SubjectText(graph, m)).turtle(entity));
                    } else {
                        Deterministic.turtle(new TripleList(triples), pm, text);
                    }
                    Files.write(site.resolve(file), text.toString().getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
                }
            }
        }

        /** The prefixes {@link #usedPrefixesOnly} keeps for these triples: those a used namespace starts with. */
        private PrefixMapping mapping(List<Triple> triples) {
            BitSet kept = new BitSet();
            for (Triple t : triples) {
                noteNamespace(t.getSubject(), kept);
                kept.or(prefixesOf(t.getPredicate().getNameSpace()));
                noteNamespace(t.getObject(), kept);
                if (t.getObject().isLiteral() && t.getObject().getLiteralDatatypeURI() != null) {
                    kept.or(prefixesOf(cut(t.getObject().getLiteralDatatypeURI())));
                }
            }
            return mappings.computeIfAbsent(kept, k -> {
                PrefixMapping pm = new PrefixMappingImpl();
                k.stream().forEach(i -> pm.setNsPrefix(names.get(i), uris.get(i)));
                return pm.lock();
            });
        }

        private void noteNamespace(Node n, BitSet kept) {
            if (n.isURI()) {
                kept.or(prefixesOf(cut(n.getURI())));
            }
        }

        private BitSet prefixesOf(String namespace) {
            if (namespace == null) {
                return new BitSet();
            }
            return prefixesOf.computeIfAbsent(namespace, u -> {
                BitSet b = new BitSet();
                for (int i = 0; i < uris.size(); i++) {
                    if (u.startsWith(uris.get(i))) {
                        b.set(i);
                    }
                }
                return b;
            });
        }

        private static String cut(String uri) {
            return uri.substring(0, Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/')) + 1);
        }
    }

    /** The statements of {@link #describe}, as triples. */
    private static List<Triple> describe(Graph graph, Node entity) {
        List<Triple> out = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.add(entity);
        while (!todo.isEmpty()) {
            Node r = todo.pop();
            if (!seen.add(r)) {
                continue;
            }
            ExtendedIterator<Triple> it = graph.find(r, Node.ANY, Node.ANY);
            try {
                while (it.hasNext()) {
                    Triple t = it.next();
                    out.add(t);
                    if (t.getObject().isBlank()) {
                        todo.add(t.getObject());
                    }
                }
            } finally {
                it.close();
            }
        }
        return out;
    }

    /** A few triples as a read-only graph, for the writer. */
    private static final class TripleList extends GraphBase {
        private final List<Triple> triples;

        TripleList(List<Triple> triples) {
            this.triples = triples;
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
            Node s = pattern.getMatchSubject();
            Node p = pattern.getMatchPredicate();
            Node o = pattern.getMatchObject();
            List<Triple> found = new ArrayList<>();
            for (Triple t : triples) {
                if ((s == null || s.equals(t.getSubject())) && (p == null || p.equals(t.getPredicate()))
                        && (o == null || o.equals(t.getObject()))) {
                    found.add(t);
                }
            }
            return WrappedIterator.create(found.iterator());
        }
    }

    /** A copy with only the prefixes its terms use, so a small description does not start with dozens of lines. */
    public static Model usedPrefixesOnly(Model m) {
        Set<String> used = new TreeSet<>();
        m.listStatements().forEach(s -> {
            noteNamespace(s.getSubject(), m, used);
            used.add(s.getPredicate().getNameSpace());
            noteNamespace(s.getObject(), m, used);
            if (s.getObject().isLiteral() && s.getObject().asLiteral().getDatatypeURI() != null) {
                String dt = s.getObject().asLiteral().getDatatypeURI();
                used.add(dt.substring(0, Math.max(dt.lastIndexOf('#'), dt.lastIndexOf('/')) + 1));
            }
        });
        Model copy = ModelFactory.createDefaultModel().add(m);
        copy.clearNsPrefixMap(); // add(Model) copies the prefixes too
        m.getNsPrefixMap().forEach((p, ns) -> {
            boolean isUsed = used.stream().anyMatch(u -> u != null && u.startsWith(ns));
            if (isUsed) {
                copy.setNsPrefix(p, ns);
            }
        });
        return copy;
    }

    private static void noteNamespace(org.apache.jena.rdf.model.RDFNode n, Model m, Set<String> used) {
        if (n.isURIResource()) {
            String uri = n.asResource().getURI();
            used.add(uri.substring(0, Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/')) + 1));
        }
    }
}
