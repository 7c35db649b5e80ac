package org.guidegraph.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.RDFNode;

/**
 * What a template sees of the guide for one page: named-query results (never the store), links relative to the
 * page, and site-wide values. Templates reach it as {@code gg}. It records which queries the page read, so a
 * rebuild can tell which pages a change affects.
 */
public final class PageModel {

    private final SiteContext site;
    private final PageSpec page;
    private final Set<String> read = new TreeSet<>();
    /** The name under which a page's use of the guide's prefixes is recorded, for precise rebuilds. */
    public static final String PREFIXES = "(prefixes)";

    private final Set<QueryRead> readFor = new java.util.concurrent.ConcurrentSkipListSet<>();
    private final List<org.apache.jena.query.Query> live = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * One named query as a page read it: all its rows (entity and variables null), the rows of one entity, or the
     * rows whose {@code variables} have the given {@code values}.
     *
     * @param query the query's name
     * @param entity the entity IRI the rows were for, or null
     * @param variables the variables the rows were picked by, or null
     * @param values their values (IRIs or lexical forms), or null
     */
    public record QueryRead(String query, String entity, List<String> variables, List<String> values)
            implements Comparable<QueryRead> {

        /** All rows of a query, or (entity not null) one entity's. */
        public QueryRead(String query, String entity) {
            this(query, entity, null, null);
        }

        @Override
        public int compareTo(QueryRead o) {
            int c = query.compareTo(o.query);
            c = c != 0 ? c : String.valueOf(entity).compareTo(String.valueOf(o.entity));
            c = c != 0 ? c : String.valueOf(variables).compareTo(String.valueOf(o.variables));
            return c != 0 ? c : String.valueOf(values).compareTo(String.valueOf(o.values));
        }
    }

    public PageModel(SiteContext site, PageSpec page) {
        this.site = site;
        this.page = page;
    }

    /** The page being rendered. */
    public PageSpec getPage() {
        return page;
    }

    /** The page's title. */
    public String getTitle() {
        return page.title();
    }

    /** The page's site-relative path, e.g. {@code approach/llm-d.html}. */
    public String getPath() {
        return page.path();
    }

    /** The entity kind of the page (e.g. "approach") or the page name. */
    public String getKind() {
        return page.kind();
    }

    /** The relative path back to the site root ("" or "../" …), to prefix asset and page links. */
    public String getRoot() {
        return page.root();
    }

    /** The IRI of the page's entity, or null. */
    public String getEntity() {
        return page.entity();
    }

    /** Site-wide values: title, purpose, date, baseUrl. */
    public Map<String, Object> getSite() {
        return site.site();
    }

    /**
     * The rows of the named query {@code name}: for a query using {@code ?this}, only the rows of this page's
     * entity. Each row maps a variable to a cell with {@code value}, and for IRIs {@code iri} and {@code href}.
     */
    public List<Map<String, Map<String, Object>>> query(String name) {
        return queryFor(name, page.entity());
    }

    /** The rows of a query for another entity's page (e.g. each approach's cells on a comparison). */
    public List<Map<String, Map<String, Object>>> queryFor(String name, String entityIri) {
        read.add(name);
        readFor.add(new QueryRead(name, site.queries().has(name) && site.queries().get(name).perEntity()
                ? entityIri : null));
        return cells(site.queries().rows(name, entityIri));
    }

    /**
     * The rows of a query whose {@code variable} is the IRI (or literal) {@code value}: one group of a list view
     * (the cells of one matrix row, the choices of one use case) without a pass over every row per group.
     */
    public List<Map<String, Map<String, Object>>> queryWhere(String name, String variable, String value) {
        return where(name, List.of(variable), java.util.Arrays.asList(value));
    }

    /** The rows of a query whose two variables have the given values (e.g. the matrix cell of a feature and approach). */
    public List<Map<String, Map<String, Object>>> queryWhere(String name, String variable, String value,
            String variable2, String value2) {
        return where(name, List.of(variable, variable2), java.util.Arrays.asList(value, value2));
    }

    /** Records that the page read the rows of one group (only those: a change elsewhere leaves the page as it is). */
    private List<Map<String, Map<String, Object>>> where(String name, List<String> variables, List<String> values) {
        read.add(name);
        if (values.contains(null) || !site.queries().has(name)) {
            readFor.add(new QueryRead(name, null));
        } else {
            readFor.add(new QueryRead(name, null, variables, List.copyOf(values)));
        }
        return cells(site.queries().rowsWhere(name, variables, values));
    }

    /** The first row of each distinct value of {@code variable}, in the query's order: one row per group. */
    public List<Map<String, Map<String, Object>>> queryFirst(String name, String variable) {
        readWhole(name);
        return cells(site.queries().firstRows(name, variable));
    }

    /**
     * This page's rows of a query in groups that share the value of {@code variable}, in order of first appearance
     * (e.g. a need's details by approach): one pass, where a template would filter every row once per group.
     */
    public List<List<Map<String, Map<String, Object>>>> groups(String name, String variable) {
        return groupBy(query(name), variable);
    }

    /** As {@link #groups(String, String)}, each group split again by {@code variable2}. */
    public List<List<List<Map<String, Map<String, Object>>>>> groups(String name, String variable,
            String variable2) {
        List<List<List<Map<String, Map<String, Object>>>>> out = new ArrayList<>();
        for (List<Map<String, Map<String, Object>>> g : groupBy(query(name), variable)) {
            out.add(groupBy(g, variable2));
        }
        return out;
    }

    /**
     * The number of distinct values of {@code variable} among {@code rows} (rows leaving it unbound not counted):
     * how many features a list of assessments covers, where a template would mark each one in a {@link Seen}.
     */
    public int count(List<Map<String, Map<String, Object>>> rows, String variable) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (Map<String, Map<String, Object>> row : rows) {
            Object v = key(row, variable);
            if (v != null) {
                seen.add(v);
            }
        }
        return seen.size();
    }

    /**
     * For each value of {@code by} among {@code rows} (an IRI, or a literal's lexical form), the number of distinct
     * values of {@code variable} in its rows: one pass, where a template would filter every row once per value.
     */
    public Map<String, Integer> countBy(List<Map<String, Map<String, Object>>> rows, String by, String variable) {
        Map<String, java.util.Set<Object>> seen = new LinkedHashMap<>();
        for (Map<String, Map<String, Object>> row : rows) {
            Object k = key(row, by);
            Object v = key(row, variable);
            if (k != null && v != null) {
                seen.computeIfAbsent(k.toString(), x -> new java.util.HashSet<>()).add(v);
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        seen.forEach((k, vs) -> out.put(k, vs.size()));
        return out;
    }

    /**
     * The rows among {@code rows} whose {@code variable} is one of {@code values} (IRIs, or literals' lexical
     * forms), in their order: one pass in Java, where a template would test every row.
     */
    public List<Map<String, Map<String, Object>>> where(List<Map<String, Map<String, Object>>> rows,
            String variable, List<String> values) {
        java.util.Set<Object> wanted = new java.util.HashSet<>(values);
        List<Map<String, Map<String, Object>>> out = new ArrayList<>();
        for (Map<String, Map<String, Object>> row : rows) {
            Object v = key(row, variable);
            if (v != null && wanted.contains(v)) {
                out.add(row);
            }
        }
        return out;
    }

    /** What a row's cell of {@code variable} stands for (see {@link #key(Map)}), without making the cell. */
    private static Object key(Map<String, Map<String, Object>> row, String variable) {
        return row instanceof Cells.Row r ? r.key(variable) : key(row.get(variable));
    }

    /** What a cell stands for: its IRI, else its value; null for no cell. */
    private static Object key(Map<String, Object> cell) {
        return cell == null ? null : cell.containsKey("iri") ? cell.get("iri") : cell.get("value");
    }

    private static List<List<Map<String, Map<String, Object>>>> groupBy(List<Map<String, Map<String, Object>>> rows,
            String variable) {
        Map<Object, List<Map<String, Map<String, Object>>>> groups = new LinkedHashMap<>();
        for (Map<String, Map<String, Object>> row : rows) {
            Object key = key(row, variable);
            if (key != null) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
        }
        return new ArrayList<>(groups.values());
    }

    /** Notes a live view's query that the page's prose ran (see {@link #liveViews()}). */
    void readLive(org.apache.jena.query.Query query) {
        live.add(query);
    }

    /** The queries of the live views this page's prose ran, in the order it ran them. */
    public List<org.apache.jena.query.Query> liveViews() {
        return List.copyOf(live);
    }

    /** Records that the page depends on every row of a query (grouped lookups read across entities). */
    private void readWhole(String name) {
        read.add(name);
        readFor.add(new QueryRead(name, null));
    }

    private List<Map<String, Map<String, Object>>> cells(List<Map<String, RDFNode>> rows) {
        List<Map<String, Map<String, Object>>> out = new ArrayList<>(rows.size());
        for (Map<String, RDFNode> row : rows) {
            out.add(new Cells.Row(row, page.path(), site.plan()));
        }
        return Collections.unmodifiableList(out);
    }

    /** A new, empty set to mark things a template has listed (see {@link Seen}). */
    public Seen seen() {
        return new Seen();
    }

    /** The relative link from this page to a site path (e.g. "matrix.html") or to an entity IRI's page. */
    public String link(String target) {
        String path = site.plan().pathOf(target);
        return Links.relative(page.path(), path != null ? path : target);
    }

    /** True if the entity IRI has a page of its own. */
    public boolean hasPage(String iri) {
        return site.plan().pathOf(iri) != null;
    }

    /** The link to where the query behind a view is published. */
    public String queryLink(String name) {
        return Links.relative(page.path(), "queries.html") + "#query-" + name;
    }

    /** The link to the published text of a named query. */
    public String querySource(String name) {
        return Links.relative(page.path(), "queries/" + name + ".rq");
    }

    /** The names of all named queries, sorted. */
    public List<String> getQueryNames() {
        return List.copyOf(site.queries().all().keySet());
    }

    /** The SPARQL text of a named query. */
    public String queryText(String name) {
        var q = site.queries().get(name);
        return q == null ? "" : q.text();
    }

    /**
     * The guide's prefixes (of the ontology, then the content, which wins on a clash), sorted by prefix: the same
     * PREFIX lines the named queries are parsed with.
     */
    public Map<String, String> getPrefixes() {
        read.add(PREFIXES);
        readFor.add(new QueryRead(PREFIXES, null));
        Map<String, String> prefixes = new java.util.TreeMap<>(site.graph().ontology().getNsPrefixMap());
        prefixes.putAll(site.graph().content().getNsPrefixMap());
        return Collections.unmodifiableMap(prefixes);
    }

    /** The kinds of entity that have pages of their own ({@code KIND/SLUG.html}), sorted. */
    public List<String> getEntityKinds() {
        Set<String> kinds = new TreeSet<>();
        for (PageSpec p : site.plan().pages()) {
            if (p.entity() != null && p.template().startsWith(PagePlan.ENTITY_PREFIX)) {
                kinds.add(p.kind());
            }
        }
        return List.copyOf(kinds);
    }

    /** Inline markdown (code spans, emphasis, links) to HTML; raw HTML in the text is escaped. */
    public String md(String text) {
        return text == null ? "" : site.markdown().inline(text);
    }

    /** The rendered body of this page's markdown, for prose pages. */
    public String getProse() {
        ProsePage p = site.prose().get(page.path());
        if (p == null) {
            return "";
        }
        return site.markdown().render(p.body(), new LiveViewRenderer(this, p));
    }

    /** All pages of a kind (e.g. "approach"), in path order, as maps with path, href, title, entity. */
    public List<Map<String, Object>> pagesOf(String kind) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PageSpec p : site.plan().pages()) {
            if (p.kind().equals(kind) && p.entity() != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", p.path());
                m.put("href", Links.relative(page.path(), p.path()));
                m.put("title", p.title());
                m.put("entity", p.entity());
                out.add(m);
            }
        }
        return out;
    }

    /** Prose pages, for navigation. */
    public List<Map<String, Object>> getProsePages() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ProsePage p : site.prose().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("href", Links.relative(page.path(), p.path()));
            m.put("title", p.title());
            m.put("order", p.meta().getOrDefault("order", "999"));
            out.add(m);
        }
        out.sort((a, b) -> {
            int c = Integer.compare(parse((String) a.get("order")), parse((String) b.get("order")));
            return c != 0 ? c : ((String) a.get("title")).compareTo((String) b.get("title"));
        });
        return out;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 999;
        }
    }

    /**
     * The decision trees, drawn: each has {@code iri}, {@code title}, {@code svg}, {@code wizard} and {@code text}
     * (HTML whose links are relative to the site root: use it on a root-level page).
     */
    public List<Map<String, Object>> getDecisionTrees() {
        read.add("decision-tree");
        return site.diagrams();
    }

    /** The label of the page entity's class (e.g. "Approach"), or "Page". */
    public String getTypeLabel() {
        return page.typeLabel();
    }

    /** The named queries this page has read so far. */
    public Set<String> queriesRead() {
        return Collections.unmodifiableSet(read);
    }

    /** The named queries this page has read so far, with the entity whose rows it read (for precise rebuilds). */
    public Set<QueryRead> queryReads() {
        return Collections.unmodifiableSet(readFor);
    }

    SiteContext site() {
        return site;
    }
}
