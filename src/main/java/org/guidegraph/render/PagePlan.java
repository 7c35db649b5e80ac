package org.guidegraph.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.graph.GG;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.source.SourceFile;
import org.guidegraph.source.SourceKind;

/**
 * Which pages the site has, decided by the templates present: {@code page-NAME.ftl} gives {@code NAME.html};
 * {@code entity-KIND.ftl} gives {@code KIND/SLUG.html} for every entity whose IRI is {@code {guide}KIND/SLUG};
 * every markdown file in {@code content/pages/} gives a prose page. No page list is kept in code, so another guide
 * with other kinds of entities gets its pages by adding templates.
 */
public final class PagePlan {

    /** Template name prefix for pages of the whole guide. */
    public static final String PAGE_PREFIX = "page-";
    /** Template name prefix for per-entity pages. */
    public static final String ENTITY_PREFIX = "entity-";
    /** Template for prose pages. */
    public static final String PROSE_TEMPLATE = "prose.ftl";

    private final List<PageSpec> pages;
    private final Map<String, String> pathByEntity;
    private final Map<String, PageSpec> byPath = new java.util.HashMap<>();

    private PagePlan(List<PageSpec> pages, Map<String, String> pathByEntity) {
        this.pages = List.copyOf(pages);
        this.pathByEntity = Collections.unmodifiableMap(pathByEntity);
        for (PageSpec p : this.pages) {
            byPath.putIfAbsent(p.path(), p);
        }
    }

    /** Plans the pages of a guide; collisions of output paths are errors. */
    public static PagePlan plan(GuideGraph g, List<ProsePage> prose, Diagnostics out) {
        return plan(g, prose, out, null);
    }

    /**
     * As {@link #plan(GuideGraph, List, Diagnostics)}, returning {@code before} (the plan of the last good build,
     * may be null) when nothing it was made from can have changed since: the same templates, prose pages and
     * ontology, and no type, label or text of a node removed or added by {@code g}'s delta.
     */
    public static PagePlan plan(GuideGraph g, List<ProsePage> prose, Diagnostics out, PagePlan before) {
        List<String> templates = g.sources().ofKind(SourceKind.TEMPLATE).stream().map(SourceFile::name).toList();
        String ns = g.namespace().orElse("");
        if (before != null && before.templates.equals(templates) && before.prose.equals(prose)
                && before.namespace.equals(ns) && g.delta().isPresent() && !g.delta().get().ontologyChanged()
                && g.delta().get().triples().stream().noneMatch(t -> PLANNED.contains(t.getPredicate()))) {
            return before;
        }
        PagePlan plan = planAnew(g, prose, out);
        plan.templates = templates;
        plan.prose = List.copyOf(prose);
        plan.namespace = ns;
        return plan;
    }

    /** The predicates a plan reads from the content: the pages' kinds, titles and type labels come from them. */
    private static final Set<Node> PLANNED = Set.of(RDF.type.asNode(), RDFS.label.asNode(), GG.text.asNode());

    /** What the plan was made from, to tell whether the next build can use it as it is. */
    private List<String> templates = List.of();
    private List<ProsePage> prose = List.of();
    private String namespace = "";

    private static PagePlan planAnew(GuideGraph g, List<ProsePage> prose, Diagnostics out) {
        List<PageSpec> pages = new ArrayList<>();
        Map<String, String> pathByEntity = new TreeMap<>();
        String ns = g.namespace().orElse("");
        Set<String> entityKinds = new TreeSet<>();
        for (SourceFile t : g.sources().ofKind(SourceKind.TEMPLATE)) {
            String name = t.name();
            if (name.startsWith(PAGE_PREFIX)) {
                String page = name.substring(PAGE_PREFIX.length(), name.length() - ".ftl".length());
                pages.add(new PageSpec(page + ".html", name, null, page, title(g, page), null, "Page"));
            } else if (name.startsWith(ENTITY_PREFIX)) {
                entityKinds.add(name.substring(ENTITY_PREFIX.length(), name.length() - ".ftl".length()));
            }
        }
        Model m = g.content();
        Set<String> seen = new HashSet<>();
        // typed subjects of kinds without a template (most of them, in a large guide: matrix cells) are passed
        // over before anything is looked up for them
        java.util.Iterator<Triple> typed = m.getGraph().find(Node.ANY, RDF.type.asNode(), Node.ANY);
        while (typed.hasNext()) {
            Node subject = typed.next().getSubject();
            if (!subject.isURI() || ns.isEmpty()) {
                continue;
            }
            String uri = subject.getURI();
            int slash = uri.indexOf('/', ns.length());
            if (!uri.startsWith(ns) || slash <= ns.length() || slash == uri.length() - 1
                    || !entityKinds.contains(uri.substring(ns.length(), slash)) || !seen.add(uri)) {
                continue;
            }
            String kind = uri.substring(ns.length(), slash);
            String slug = uri.substring(slash + 1);
            if (!slug.matches("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*")) {
                continue;
            }
            Resource r = m.createResource(uri);
            String path = kind + "/" + slug + ".html";
            pages.add(new PageSpec(path, ENTITY_PREFIX + kind + ".ftl", r.getURI(), kind, label(r), null,
                    typeLabel(g, r)));
            pathByEntity.put(r.getURI(), path);
        }
        for (ProsePage p : prose) {
            pages.add(new PageSpec(p.path(), PROSE_TEMPLATE, p.about(), "page", p.title(), p.source(), "Page"));
        }
        pages.sort(Comparator.comparing(PageSpec::path));
        Map<String, PageSpec> byPath = new TreeMap<>();
        for (PageSpec p : pages) {
            PageSpec other = byPath.putIfAbsent(p.path().toLowerCase(java.util.Locale.ROOT), p);
            if (other != null) {
                out.add(Diagnostic.error(new SourcePosition(p.source() != null ? p.source()
                        : "templates/" + p.template(), 0, 0), "two pages would be written to " + p.path()
                        + " (" + describe(other) + " and " + describe(p) + ")",
                        "rename one of them"));
            }
        }
        return new PagePlan(pages, pathByEntity);
    }

    private static String describe(PageSpec p) {
        return p.entity() != null ? "<" + p.entity() + ">" : p.source() != null ? p.source() : p.template();
    }

    private static String label(Resource r) {
        for (var p : List.of(RDFS.label, GG.text)) {
            Statement s = r.getProperty(p);
            if (s != null && s.getObject().isLiteral()) {
                return s.getString();
            }
        }
        String uri = r.getURI();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** The label of the entity's guidegraph class (the first by IRI), else "Page". */
    private static String typeLabel(GuideGraph g, Resource r) {
        return r.listProperties(RDF.type).toList().stream()
                .map(Statement::getObject)
                .filter(o -> o.isURIResource() && o.asResource().getURI().startsWith(GG.NS))
                .map(o -> o.asResource().getURI())
                .sorted()
                .map(c -> {
                    Statement l = g.ontology().getResource(c).getProperty(RDFS.label);
                    return l != null && l.getObject().isLiteral() ? l.getString() : c.substring(GG.NS.length());
                })
                .findFirst()
                .orElse("Page");
    }

    private static String title(GuideGraph g, String page) {
        return page.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + page.substring(1).replace('-', ' ');
    }

    public List<PageSpec> pages() {
        return pages;
    }

    /** The page written to a site path, or null (a lookup: views ask once per linked cell). */
    public PageSpec page(String path) {
        return byPath.get(path);
    }

    /** The site path of an entity's page, or null if it has none. */
    public String pathOf(String iri) {
        return pathByEntity.get(iri);
    }

    public Map<String, String> pathByEntity() {
        return pathByEntity;
    }
}
