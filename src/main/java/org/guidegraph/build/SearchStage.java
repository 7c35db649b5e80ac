package org.guidegraph.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.render.PagePlan;
import org.guidegraph.search.IndexReuse;
import org.guidegraph.search.SearchDocument;
import org.guidegraph.search.SearchIndex;
import org.guidegraph.search.SiteSections;
import org.guidegraph.search.StaticIndexExporter;

/**
 * The search index: every built page split into sections at its headings, plus the guide's resources, which have
 * no page of their own and are found on the resources page. The static index goes to {@code search/}; the
 * documents are kept for the server's {@code /search}.
 */
final class SearchStage {

    /** Where the static index is written, relative to the site root. */
    static final String FOLDER = "search";

    private static final String RESOURCES = """
            PREFIX gg: <https://guidegraph.org/ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX schema: <https://schema.org/>
            SELECT ?r ?label ?comment ?url ?path ?approachLabel WHERE {
              ?r a gg:Resource ; rdfs:label ?label .
              OPTIONAL { ?r rdfs:comment ?comment }
              OPTIONAL { ?r schema:url ?url }
              OPTIONAL { ?r gg:path ?path }
              OPTIONAL { ?r gg:forApproach/rdfs:label ?approachLabel }
              FILTER(isIRI(?r))
            } ORDER BY ?r ?approachLabel""";

    private SearchStage() {
    }

    /** Pages that are not searched. */
    private static final Set<String> EXCLUDED = Set.of("404.html", "search.html");

    /** Adds the sections of a page just rendered to {@code into}, unless the page is not searched. */
    static void section(String path, String html, Map<String, List<SearchDocument>> into) {
        if (path.endsWith(".html") && !EXCLUDED.contains(path)) {
            into.put(path, org.guidegraph.search.HtmlSections.extract(path, html));
        }
    }

    /**
     * The sections of every searched page of the staged site, by page in path order; pages in {@code unchanged}
     * (carried over by a rebuild) keep the sections given there.
     */
    static Map<String, List<SearchDocument>> sections(Path site, Map<String, List<SearchDocument>> unchanged)
            throws IOException {
        return SiteSections.byPage(site, EXCLUDED, unchanged);
    }

    /**
     * As {@link #sections(Path, Map)} for a site written in place: the pages {@code kept} (site-relative; other
     * files kept may be among them) are in {@code inPlace}, not in {@code site}; with {@code reuse} (may be null),
     * the pages keep the last build's order while they are the same.
     */
    static Map<String, List<SearchDocument>> sections(Path site, Map<String, List<SearchDocument>> unchanged,
            Set<String> kept, Path inPlace, IndexReuse reuse) throws IOException {
        return SiteSections.byPage(site, EXCLUDED, unchanged, kept, inPlace, reuse);
    }

    /** The search documents of the pages' sections (by page, in path order) and of the guide's resources. */
    static List<SearchDocument> documents(GuideGraph graph, PagePlan plan, Map<String, List<SearchDocument>> pages) {
        return documents(graph, plan, pages, null);
    }

    /**
     * As {@link #documents(GuideGraph, PagePlan, Map)}; with {@code regeneration} (may be null), the resources'
     * documents of the last good build are kept while no change since it can reach the resources query.
     */
    static List<SearchDocument> documents(GuideGraph graph, PagePlan plan, Map<String, List<SearchDocument>> pages,
            Regeneration regeneration) {
        List<SearchDocument> docs = new ArrayList<>();
        pages.values().forEach(docs::addAll);
        if (plan.pages().stream().anyMatch(p -> p.path().equals("resources.html"))) {
            docs.addAll(regeneration == null ? resources(graph)
                    : regeneration.resources(graph, RESOURCES_QUERY, () -> resources(graph)));
        }
        return docs;
    }

    /** The resources query, parsed once. */
    static final org.apache.jena.query.Query RESOURCES_QUERY = org.apache.jena.query.QueryFactory.create(RESOURCES);

    /** The guide's resources as search documents, in IRI order. */
    private static List<SearchDocument> resources(GuideGraph graph) {
        List<SearchDocument> docs = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (QueryExecution qe = QueryExecutionFactory.create(RESOURCES_QUERY, graph.dataset())) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                String iri = s.getResource("r").getURI();
                if (!seen.add(iri)) {
                    continue;
                }
                StringBuilder body = new StringBuilder();
                for (String v : List.of("comment", "url", "path", "approachLabel")) {
                    if (s.contains(v)) {
                        body.append(s.get(v).isLiteral() ? s.getLiteral(v).getString()
                                : s.getResource(v).getURI()).append(' ');
                    }
                }
                String title = s.getLiteral("label").getString()
                        + (s.contains("approachLabel") ? " (" + s.getLiteral("approachLabel").getString() + ")" : "");
                docs.add(new SearchDocument(iri, resourceUrl(iri), title, "Resource", body.toString().strip(),
                        SearchDocument.LISTED));
            }
        }
        return List.copyOf(docs);
    }

    /**
     * Where a resource is listed: its id on the resources page, {@code res-} and the last segment of its IRI, as
     * {@code page-resources.ftl} writes it (at the resource's first listing).
     */
    static String resourceUrl(String iri) {
        return "resources.html#res-" + iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
    }

    /**
     * Writes the static index of an index already built (which the server then answers from); with
     * {@code reuse}, the files whose bytes the last published export in {@code previousSite} wrote are
     * kept from there by {@code keep}.
     */
    static void export(SearchIndex index, Path site, IndexReuse reuse, Path previousSite,
            org.guidegraph.output.SiteWriter.Keep keep) throws IOException {
        StaticIndexExporter.defaults().write(index, site.resolve(FOLDER), reuse,
                previousSite == null ? null : previousSite.resolve(FOLDER), keep == null ? null : keep.under(FOLDER));
    }
}
