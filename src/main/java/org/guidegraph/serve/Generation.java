package org.guidegraph.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.guidegraph.graph.GG;
import org.guidegraph.graph.GuideLoader;
import org.guidegraph.search.HtmlSections;
import org.guidegraph.search.SearchDocument;
import org.guidegraph.search.SearchIndex;

/**
 * One built version of the guide as the server answers it: the site folder, the graph behind it (read back from
 * the site's own {@code graph.ttl}, so site and endpoint always agree), and the search index of its pages. A
 * generation never changes; a regeneration makes a new one and the server swaps to it in one step.
 *
 * @param number 1 for the first build, then one more per successful regeneration
 * @param site the built site's folder
 * @param graph ontology and content, read-only by convention
 * @param namespace the guide IRI (the prefix of entity IRIs), or "" if the guide declares none
 * @param search the search index of the site's pages
 */
public record Generation(long number, Path site, Model graph, String namespace, SearchIndex search) {

    /** Reads a built site: its {@code graph.ttl} and the sections of its HTML pages. */
    public static Generation load(long number, Path site) {
        return load(number, site, null);
    }

    /**
     * Reads a built site's {@code graph.ttl} and indexes the search documents its build produced (null: the
     * sections of its HTML pages, for a site whose build is not at hand).
     */
    public static Generation load(long number, Path site, List<SearchDocument> searchDocuments) {
        Model graph = ModelFactory.createDefaultModel();
        Path ttl = site.resolve("graph.ttl");
        if (Files.exists(ttl)) {
            RDFParser.source(ttl).lang(Lang.TURTLE).base(GuideLoader.BASE).parse(graph);
        }
        String ns = guideIri(graph).orElse("");
        List<SearchDocument> docs = searchDocuments == null || searchDocuments.isEmpty() ? documents(site)
                : searchDocuments;
        return new Generation(number, site, graph, ns, SearchIndex.build(docs));
    }

    /**
     * A generation of a site just built, from its build's own graph (the triples its {@code graph.ttl} holds) and
     * search index: nothing is read back from the files.
     */
    public static Generation of(long number, Path site, Model graph, SearchIndex search) {
        return new Generation(number, site, graph, guideIri(graph).orElse(""), search);
    }

    /** The generation of a build: its own graph and index when it has them, else read from the site. */
    public static Generation of(long number, Path site, org.guidegraph.build.BuildResult r) {
        return r.ok() && r.graph() != null && r.searchIndex() != null ? of(number, site, r.graph(), r.searchIndex())
                : load(number, site, r.ok() ? r.searchDocuments() : null);
    }

    /** A dataset over the graph, for the SPARQL endpoint. */
    public Dataset dataset() {
        return DatasetFactory.wrap(graph);
    }

    private static Optional<String> guideIri(Model m) {
        List<Resource> guides = m.listResourcesWithProperty(RDF.type, GG.Guide).toList();
        return guides.size() == 1 && guides.get(0).isURIResource() ? Optional.of(guides.get(0).getURI())
                : Optional.empty();
    }

    /** The search documents of every HTML page of a site (the 404 page excepted), in path order. */
    public static List<SearchDocument> documents(Path site) {
        List<SearchDocument> docs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site)) {
            List<Path> pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            for (Path p : pages) {
                String rel = site.relativize(p).toString().replace('\\', '/');
                if (rel.equals("404.html")) {
                    continue;
                }
                docs.addAll(HtmlSections.extract(rel, Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built site " + site + ": " + e.getMessage(), e);
        }
        return docs;
    }
}
