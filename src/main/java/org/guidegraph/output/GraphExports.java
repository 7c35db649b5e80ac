package org.guidegraph.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.rdf.model.ModelFactory;
import org.guidegraph.graph.GuideGraph;

/**
 * The guide's graph as files of the site: {@code graph.ttl}, {@code graph.jsonld} and a VoID description
 * ({@code void.ttl}). Output is deterministic: statements are written in a sorted order.
 */
public final class GraphExports {

    private GraphExports() {
    }

    /** Writes the exports into {@code site}; returns the files written (site-relative). */
    public static List<String> write(GuideGraph g, Path site, String baseUrl, String endpointPath)
            throws IOException {
        // A view of both graphs (a triple in both is seen once), not a copy: copying every triple into a new
        // indexed graph cost as much as writing it out.
        Model all = ModelFactory.createModelForGraph(new Union(g.ontology().getGraph(), g.content().getGraph()));
        Map<String, String> prefixes = new TreeMap<>(g.ontology().getNsPrefixMap());
        prefixes.putAll(g.content().getNsPrefixMap());
        all.setNsPrefixes(prefixes);
        List<String> written = new ArrayList<>();
        Files.writeString(site.resolve("graph.ttl"), Deterministic.turtle(all), StandardCharsets.UTF_8);
        written.add("graph.ttl");
        Files.writeString(site.resolve("graph.jsonld"), Deterministic.jsonld(all), StandardCharsets.UTF_8);
        written.add("graph.jsonld");
        String ns = g.namespace().orElse(baseUrl);
        String voidTtl = """
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
                }).orElse("guide")), all.size(), entityCount(g), ns, baseUrl, baseUrl, baseUrl,
                endpointPath.startsWith("/") ? endpointPath.substring(1) : endpointPath);
        Files.writeString(site.resolve("void.ttl"), voidTtl, StandardCharsets.UTF_8);
        written.add("void.ttl");
        return written;
    }

    private static long entityCount(GuideGraph g) {
        String ns = g.namespace().orElse("");
        return g.content().listSubjects().toList().stream()
                .filter(r -> r.isURIResource() && !ns.isEmpty() && r.getURI().startsWith(ns)).count();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
