package org.guidegraph.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.guidegraph.graph.GuideGraph;

/**
 * The guide's graph as files of the site: {@code graph.ttl}, {@code graph.jsonld} and a VoID description
 * ({@code void.ttl}). Output is deterministic: statements are written in a sorted order.
 */
public final class GraphExports {

    /** The files written, site-relative. */
    public static final List<String> FILES = List.of("graph.ttl", "graph.jsonld", "void.ttl");

    private GraphExports() {
    }

    /** Writes the exports into {@code site}; returns the files written (site-relative). */
    public static List<String> write(GuideGraph g, Path site, String baseUrl, String endpointPath)
            throws IOException {
        return Tasks.join(write(g, site, baseUrl, endpointPath, Runnable::run));
    }

    /**
     * Writes the same files as {@link #write(GuideGraph, Path, String, String)}, each file a task run by
     * {@code executor}; the future gives the files written.
     */
    public static CompletableFuture<List<String>> write(GuideGraph g, Path site, String baseUrl,
            String endpointPath, Executor executor) {
        // A view of both graphs (a triple in both is seen once), not a copy: copying every triple into a new
        // indexed graph cost as much as writing it out.
        Model all = ModelFactory.createModelForGraph(new Union(g.ontology().getGraph(), g.content().getGraph()));
        Map<String, String> prefixes = new TreeMap<>(g.ontology().getNsPrefixMap());
        prefixes.putAll(g.content().getNsPrefixMap());
        all.setNsPrefixes(prefixes);
        // The biggest first, so that the smaller tasks fill in around it.
        CompletableFuture<Void> jsonld = CompletableFuture.runAsync(
                () -> stream(site.resolve("graph.jsonld"), out -> Deterministic.jsonld(all, out)), executor);
        CompletableFuture<Void> turtle = CompletableFuture.runAsync(
                () -> stream(site.resolve("graph.ttl"), out -> Deterministic.turtle(all, out)), executor);
        CompletableFuture<Void> voidTtl = CompletableFuture.runAsync(
                () -> stream(site.resolve("void.ttl"), out -> out.write(voidDescription(g, baseUrl, endpointPath))),
                executor);
        return CompletableFuture.allOf(turtle, jsonld, voidTtl)
                .thenApply(v -> FILES);
    }

    private interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private static void stream(Path file, Content content) {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            content.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String voidDescription(GuideGraph g, String baseUrl, String endpointPath) {
        String ns = g.namespace().orElse(baseUrl);
        return """
                @prefix void: <http://rdfs.org/ns/void#> .
                @prefix dcterms: <http://purl.org/dc/terms/> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

                <%s> a void:Dataset ;
                    dcterms:title "%s" ;
                    void:triples "%d"^^xsd:integer ;
                    void:entities "%d"^^xsd:integer ;
                    void:uriSpace "%s" ;
                    void:dataDump <%sgraph.ttl> , <%sgraph.jsonld> ;
                    void:sparqlEndpoint <%s%s> ;
                    void:vocabulary <https://guidegraph.org/ns#> .
                """.formatted(ns + "void", escape(g.guide().map(r -> {
                    var t = r.getProperty(org.apache.jena.vocabulary.DCTerms.title);
                    return t == null ? r.getURI() : t.getString();
                }).orElse("guide")), tripleCount(g), entityCount(g), ns, baseUrl, baseUrl, baseUrl,
                endpointPath.startsWith("/") ? endpointPath.substring(1) : endpointPath);
    }

    /** Triples in ontology and content together, a triple in both counted once (as the union graph counts). */
    private static long tripleCount(GuideGraph g) {
        Graph ontology = g.ontology().getGraph();
        Graph content = g.content().getGraph();
        long both = 0;
        ExtendedIterator<Triple> it = ontology.find(Node.ANY, Node.ANY, Node.ANY);
        try {
            while (it.hasNext()) {
                if (content.contains(it.next())) {
                    both++;
                }
            }
        } finally {
            it.close();
        }
        return ontology.size() + content.size() - both;
    }

    private static long entityCount(GuideGraph g) {
        String ns = g.namespace().orElse("");
        return Tasks.subjects(g.content().getGraph()).stream()
                .filter(r -> r.isURI() && !ns.isEmpty() && r.getURI().startsWith(ns)).count();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
