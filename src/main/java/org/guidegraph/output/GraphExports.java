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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
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
     * Writes the same files as {@link #write(GuideGraph, Path, String, String)}, the work shared out as tasks run by
     * {@code executor}; returns once they are written, with the files written.
     */
    public static CompletableFuture<List<String>> write(GuideGraph g, Path site, String baseUrl,
            String endpointPath, Executor executor) {
        try {
            write(new WriteReuse.Plan(g, null), site, baseUrl, endpointPath, executor);
            return CompletableFuture.completedFuture(FILES);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Writes the exports of {@code plan}'s graph: again only the subjects it names changed, the others copied from
     * the previous site's files; all of them when it names none. The calling thread writes the files while
     * {@code executor} renders (the caller must not be one of its threads). Returns the layout of {@code graph.ttl}
     * and {@code graph.jsonld} for the next build, or null when they were written whole by {@link Deterministic}
     * (blank nodes shared or in cycles).
     */
    static SortedExports.Layout write(WriteReuse.Plan plan, Path site, String baseUrl, String endpointPath,
            Executor executor) throws IOException {
        CompletableFuture<Void> voidTtl = CompletableFuture.runAsync(
                () -> stream(site.resolve("void.ttl"), out -> out.write(voidDescription(plan, baseUrl, endpointPath))),
                executor);
        PrefixMapping pm = new PrefixMappingImpl().setNsPrefixes(plan.prefixes).lock();
        SortedExports.Earlier earlier = plan.exportChanges == null ? null
                : new SortedExports.Earlier(plan.before.layout, plan.previousSite.resolve("graph.ttl"),
                        plan.previousSite.resolve("graph.jsonld"), plan.exportChanges);
        int blanks = earlier == null ? plan.blankNodes() : 0;
        SortedExports.Layout layout = earlier == null && blanks < 0 ? null
                : SortedExports.write(plan.union, earlier == null ? plan.subjects() : List.of(), pm,
                        site.resolve("graph.ttl"), site.resolve("graph.jsonld"), earlier, blanks, executor);
        if (layout == null) {
            // Blank nodes shared or in cycles: the whole graph, as Deterministic writes it.
            Model all = ModelFactory.createModelForGraph(plan.union);
            all.setNsPrefixes(plan.prefixes);
            CompletableFuture<Void> jsonld = CompletableFuture.runAsync(
                    () -> stream(site.resolve("graph.jsonld"), out -> Deterministic.jsonld(all, out)), executor);
            stream(site.resolve("graph.ttl"), out -> Deterministic.turtle(all, out));
            Tasks.join(jsonld);
        }
        Tasks.join(voidTtl);
        return layout;
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

    private static String voidDescription(WriteReuse.Plan plan, String baseUrl, String endpointPath) {
        GuideGraph g = plan.graph;
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
                }).orElse("guide")), tripleCount(plan), plan.entityCount(), ns, baseUrl, baseUrl, baseUrl,
                endpointPath.startsWith("/") ? endpointPath.substring(1) : endpointPath);
    }

    /** Triples in ontology and content together, a triple in both counted once (as the union graph counts). */
    private static long tripleCount(WriteReuse.Plan plan) {
        return plan.graph.ontology().size() + plan.graph.content().size() - plan.overlap().size();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
