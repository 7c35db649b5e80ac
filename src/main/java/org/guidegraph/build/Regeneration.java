package org.guidegraph.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.guidegraph.query.NamedQuery;
import org.guidegraph.query.QueryRows;
import org.guidegraph.render.PageModel;
import org.guidegraph.search.SearchDocument;
import org.guidegraph.render.PageModel.QueryRead;
import org.guidegraph.render.PagePlan;
import org.guidegraph.render.PageSpec;
import org.guidegraph.render.ProsePage;
import org.guidegraph.render.SiteContext;
import org.guidegraph.source.SourceFile;
import org.guidegraph.source.SourceKind;

/**
 * Precise rebuilds, for {@code serve}: remembers, for every page of the last good build, what the page read: its
 * template and the shared {@code _*.ftl} templates, its prose, the page list and site values (as one fingerprint),
 * and the named queries it read, for the entity it read them for. The next build re-renders only the pages whose
 * fingerprint changed or whose rows differ from the last good build's (kept in {@link #queries}), and copies the
 * others from the previous site. The cost follows the change: a query kept from the last build (no changed triple
 * could reach it) changed nothing; of one run again, only the entities whose rows differ count.
 *
 * <p>Inputs a page names without a named query of that name are compared when known (the decision-tree
 * diagrams) and otherwise make the page re-render every time. A page that read rows by the values of some
 * variables ({@code queryWhere}: one matrix cell) re-renders only if those rows differ. Prose pages may hold live
 * views, which query the graph directly: such a page re-renders when the change reaches one of its views' queries
 * (or the change is not known). A page that is new, or that the last build did not render, is always rendered. One
 * instance follows one output folder; it is not thread-safe (builds are serialised).
 */
public final class Regeneration {

    /** The name under which pages record that they drew the decision trees ({@code PageModel.getDecisionTrees}). */
    private static final String DECISION_TREES = "decision-tree";

    /** What each page of the last good build read, by path. */
    private final Map<String, Recorded> recorded = new HashMap<>();
    /**
     * The pages that read each named query, by what they read of it: the reads of {@link #recorded} by query, so
     * that a changed query's readers are found by what changed, without asking every page about every read.
     */
    private final Map<String, Readers> readers = new HashMap<>();
    /** The pages of {@link #recorded} that ran live views, with their views' queries. */
    private final Map<String, List<org.apache.jena.query.Query>> live = new HashMap<>();
    /**
     * The records of the build being made: of every page after a full build, else of the pages it rendered or
     * dropped (null: the page is gone), the others reading what they read before. Null if there is none.
     */
    private Map<String, Recorded> pending;
    /** True if {@link #pending} replaces every record (a full build), false if it updates some. */
    private boolean pendingWhole;
    /** The plan whose pages {@link #planHash} is the hash of. */
    private PagePlan hashedPlan;
    private String planHash;
    /** The page plan of the last good build, and of the build being made. */
    private PagePlan plan;
    private PagePlan pendingPlan;
    private org.guidegraph.query.NamedQueries pendingQueries;
    private Map<String, List<SearchDocument>> sections = Map.of();
    private Map<String, List<SearchDocument>> pendingSections;
    private List<SearchDocument> resources;
    private List<SearchDocument> pendingResources;
    private Inputs inputs;
    private int lastRendered;
    /** What one build parsed or found that the next can reuse: files, check findings, queries, templates. */
    final org.guidegraph.graph.GuideLoader.Reuse files = new org.guidegraph.graph.GuideLoader.Reuse();
    final org.guidegraph.check.Checker.Reuse checks = new org.guidegraph.check.Checker.Reuse();
    final org.guidegraph.query.ParsedQueries queries = new org.guidegraph.query.ParsedQueries();
    final org.guidegraph.render.jbake.FreemarkerPages.Templates templates =
            new org.guidegraph.render.jbake.FreemarkerPages.Templates();
    /** What the write stage wrote, for carrying unchanged graph files over. */
    final org.guidegraph.output.WriteReuse writes = new org.guidegraph.output.WriteReuse();
    private int lastTotal;
    /** The background deletions of the folders this output folder's sites replaced. */
    final org.guidegraph.output.SiteWriter.Removals removals = new org.guidegraph.output.SiteWriter.Removals();
    /** The files of the site this session published last, so that a regeneration can write in place. */
    final org.guidegraph.output.SiteWriter.Published published = new org.guidegraph.output.SiteWriter.Published();
    /** The decision-tree diagrams of the last build, and what they were drawn from. */
    final DiagramStage.Reuse diagrams = new DiagramStage.Reuse();
    /** What the last search index build analysed and exported. */
    final org.guidegraph.search.IndexReuse search = new org.guidegraph.search.IndexReuse();

    /** The inputs of the build of {@code site}, hashed once for both {@link #affected} and {@link #record}. */
    private Inputs inputs(SiteContext site) {
        if (inputs == null || inputs.site != site) {
            if (site.plan() != hashedPlan) {
                hashedPlan = site.plan();
                planHash = Inputs.planHash(site.pages());
            }
            inputs = new Inputs(site, queries.keptRows(), planHash);
        }
        return inputs;
    }

    /** True if a build can reuse pages of the site in {@code previousSite}: it has been built and recorded here. */
    boolean canReuse(Path previousSite) {
        return !recorded.isEmpty() && Files.isDirectory(previousSite);
    }

    /**
     * The pages of the new site that must be rendered, or null to render all (no previous build to reuse).
     * Pages not in the set must be copied from {@code previousSite} by {@link #carryOver}.
     */
    Set<String> affected(SiteContext site, Path previousSite) {
        if (!canReuse(previousSite)) {
            return null;
        }
        Inputs inputs = inputs(site);
        Set<String> out = new TreeSet<>();
        for (PageSpec p : site.pages()) {
            Recorded before = recorded.get(p.path());
            if (before == null || !before.fingerprint().equals(inputs.fingerprint(p, before.specials()))
                    || !Files.isRegularFile(previousSite.resolve(p.path()))) {
                out.add(p.path());
            }
        }
        // rows: only the readers of what changed in a query whose rows are not the last build's need a look
        PagePlan plan = site.plan();
        java.util.function.Consumer<String> changed = page -> {
            if (plan.page(page) != null) {
                out.add(page);
            }
        };
        readers.forEach((name, byRead) -> {
            if (site.queries().has(name) && inputs.queryChanged(name)) {
                inputs.changedReaders(name, byRead, changed);
            }
        });
        live.forEach((page, views) -> {
            if (plan.page(page) != null && !out.contains(page) && inputs.liveViewsChanged(views)) {
                out.add(page);
            }
        });
        return out;
    }

    /**
     * Puts the pages that were not re-rendered from the previous site into the new one: as hard links where the
     * file system allows (a page file is never written in place, so old and new site can share it), else as
     * copies.
     */
    void carryOver(SiteContext site, Set<String> rendered, Path previousSite, Path staging,
            org.guidegraph.output.SiteWriter.Keep keep) throws IOException {
        if (rendered == null) {
            return;
        }
        Set<Path> made = new java.util.HashSet<>();
        for (PageSpec p : site.pages()) {
            if (!rendered.contains(p.path())) {
                Path target = staging.resolve(p.path());
                if (keep.needsFolders() && made.add(target.getParent())) {
                    Files.createDirectories(target.getParent());
                }
                if (!keep.keep(p.path())) {
                    throw new java.nio.file.NoSuchFileException(previousSite.resolve(p.path()).toString(), null,
                            "a page of the previous site is gone; build again from scratch");
                }
            }
        }
    }

    /**
     * Notes what this build's pages read; it becomes the reference once the site is published. Only the pages
     * rendered (all of them after a full build, {@code rendered} null) read anything new: a page carried over read
     * what it read before, and its fingerprint is the one recorded ({@link #affected} compared them).
     */
    void record(SiteContext site, Set<String> rendered, Map<String, PageModel> models) {
        Inputs inputs = inputs(site);
        Map<String, Recorded> now = new HashMap<>();
        if (rendered == null) {
            for (PageSpec p : site.pages()) {
                recordPage(inputs, p, models.get(p.path()), now);
            }
        } else {
            for (String path : rendered) {
                PageSpec p = site.plan().page(path);
                if (p != null) {
                    recordPage(inputs, p, models.get(path), now);
                } else {
                    now.put(path, null);
                }
            }
            if (site.plan() != plan) {
                // pages gone from the plan no longer read anything
                for (String page : recorded.keySet()) {
                    if (site.plan().page(page) == null) {
                        now.put(page, null);
                    }
                }
            }
        }
        pending = now;
        pendingWhole = rendered == null;
        pendingQueries = site.queries();
        pendingPlan = site.plan();
        lastRendered = rendered == null ? site.pages().size() : rendered.size();
        lastTotal = site.pages().size();
    }

    /** Notes in {@code into} what page {@code p} read as rendered ({@code m}; null: nothing is known of it). */
    private static void recordPage(Inputs inputs, PageSpec p, PageModel m, Map<String, Recorded> into) {
        if (m == null) {
            into.put(p.path(), null);
            return;
        }
        Set<QueryRead> reads = readsOf(m);
        List<QueryRead> others = inputs.specials(reads);
        List<org.apache.jena.query.Query> views = m.liveViews();
        into.put(p.path(), new Recorded(reads, others, inputs.fingerprint(p, others),
                views.isEmpty() ? null : views));
    }

    /** Brings {@link #recorded}, {@link #readers} and {@link #live} to the records of {@link #pending}. */
    private void applyPending() {
        if (pendingWhole) {
            recorded.clear();
            readers.clear();
            live.clear();
        }
        pending.forEach((page, now) -> {
            Recorded was = now == null ? recorded.remove(page) : recorded.put(page, now);
            if (was != null) {
                for (QueryRead r : was.reads()) {
                    Readers byRead = readers.get(r.query());
                    if (byRead != null && byRead.remove(r, page)) {
                        readers.remove(r.query());
                    }
                }
            }
            live.remove(page);
            if (now != null) {
                for (QueryRead r : now.reads()) {
                    readers.computeIfAbsent(r.query(), n -> new Readers()).add(r, page);
                }
                if (now.live() != null) {
                    live.put(page, now.live());
                }
            }
        });
    }

    /** What a page read: named-query rows by entity, and other inputs it named (such as the decision trees). */
    private static Set<QueryRead> readsOf(PageModel m) {
        Set<QueryRead> out = new TreeSet<>(m.queryReads());
        for (String name : m.queriesRead()) {
            if (out.stream().noneMatch(r -> r.query().equals(name))) {
                out.add(new QueryRead(name, null));
            }
        }
        return Set.copyOf(out);
    }

    /**
     * The search sections of this build's pages as far as they are known: {@code fresh} (those of the pages it
     * rendered, {@code rendered}), and the previous site's for the pages it carried over, which need not be read
     * again. A view, not a copy of the ten thousand entries of a large site; just {@code fresh} for a full build
     * ({@code rendered} null).
     */
    Map<String, List<SearchDocument>> sectionsWith(Set<String> rendered, Map<String, List<SearchDocument>> fresh) {
        if (rendered == null) {
            return fresh;
        }
        Map<String, List<SearchDocument>> last = sections;
        return new java.util.AbstractMap<>() {
            @Override
            public List<SearchDocument> get(Object page) {
                List<SearchDocument> f = fresh.get(page);
                return f != null || rendered.contains(page) ? f : last.get(page);
            }

            @Override
            public boolean containsKey(Object page) {
                return fresh.containsKey(page) || !rendered.contains(page) && last.containsKey(page);
            }

            @Override
            public Set<Map.Entry<String, List<SearchDocument>>> entrySet() {
                Map<String, List<SearchDocument>> all = new HashMap<>(last);
                all.keySet().removeAll(rendered);
                all.putAll(fresh);
                return java.util.Collections.unmodifiableMap(all).entrySet();
            }
        };
    }

    /**
     * The search documents of the guide's resources: those of the last good build if no triple removed or added
     * since can reach {@code query} (which {@code run} runs over the default graph), else {@code run}'s.
     */
    List<SearchDocument> resources(org.guidegraph.graph.GuideGraph graph, org.apache.jena.query.Query query,
            java.util.function.Supplier<List<SearchDocument>> run) {
        java.util.Optional<org.guidegraph.graph.GraphDelta> delta = graph.delta();
        List<SearchDocument> out = resources != null && delta.isPresent() && !delta.get().ontologyChanged()
                && !org.guidegraph.query.QueryFootprint.of(query).canChange(delta.get(),
                        graph.dataset().asDatasetGraph().getDefaultGraph())
                ? resources : run.get();
        pendingResources = out;
        return out;
    }

    /** Notes this build's search sections by page; they become the reference once the site is published. */
    void recordSections(Map<String, List<SearchDocument>> byPage) {
        pendingSections = Map.copyOf(byPage);
    }

    /** The page plan of the last good build, or null. */
    PagePlan plan() {
        return plan;
    }

    /** The build of {@code graph} was published: its record is now the reference. */
    void commit(org.guidegraph.graph.GuideGraph graph) {
        files.commit(graph);
        // the rows and the graph the next delta is measured from must be the same build's
        if (pendingQueries != null) {
            queries.keep(pendingQueries);
        } else {
            queries.forget();
        }
        pendingQueries = null;
        writes.commit(graph);
        if (pending != null) {
            applyPending();
        }
        if (pendingSections != null) {
            sections = pendingSections;
        }
        plan = pendingPlan;
        pendingPlan = null;
        resources = pendingResources;
        search.commit();
        pending = null;
        pendingSections = null;
        pendingResources = null;
        inputs = null;
    }

    /** Pages rendered by the last build (all of them for a full build). */
    public int lastRendered() {
        return lastRendered;
    }

    /** Pages of the last build's site. */
    public int lastTotal() {
        return lastTotal;
    }

    /**
     * What one page of a build read: its reads of named queries and other inputs, those of them that are not of a
     * named query ({@link Inputs#specials}), the fingerprint of its inputs other than rows, and the queries of the
     * live views its prose ran (null if none).
     */
    private record Recorded(Set<QueryRead> reads, List<QueryRead> specials, String fingerprint,
            List<org.apache.jena.query.Query> live) {
    }

    /**
     * The pages that read one named query, by what they read: all its rows, one entity's rows, or the rows of one
     * group of values of some variables (a matrix cell). A page is in one set per distinct read.
     */
    private static final class Readers {
        final Set<String> whole = new java.util.HashSet<>();
        final Map<String, Set<String>> byEntity = new HashMap<>();
        final Map<List<String>, Map<List<String>, Set<String>>> byGroup = new HashMap<>();

        void add(QueryRead r, String page) {
            pagesOf(r, true).add(page);
        }

        /** Forgets that {@code page} made read {@code r}; true if no page reads the query any more. */
        boolean remove(QueryRead r, String page) {
            Set<String> pages = pagesOf(r, false);
            if (pages != null && pages.remove(page) && pages.isEmpty()) {
                // empty sets are dropped, so that the index holds only reads that some page made
                if (r.variables() != null) {
                    Map<List<String>, Set<String>> byValues = byGroup.get(r.variables());
                    byValues.remove(r.values());
                    if (byValues.isEmpty()) {
                        byGroup.remove(r.variables());
                    }
                } else if (r.entity() != null) {
                    byEntity.remove(r.entity());
                }
            }
            return whole.isEmpty() && byEntity.isEmpty() && byGroup.isEmpty();
        }

        /** The set of pages that made read {@code r}; made if missing and {@code make}, else null. */
        private Set<String> pagesOf(QueryRead r, boolean make) {
            if (r.variables() != null) {
                Map<List<String>, Set<String>> byValues = make
                        ? byGroup.computeIfAbsent(r.variables(), v -> new HashMap<>())
                        : byGroup.get(r.variables());
                if (byValues == null) {
                    return null;
                }
                return make ? byValues.computeIfAbsent(r.values(), v -> new java.util.HashSet<>())
                        : byValues.get(r.values());
            }
            if (r.entity() != null) {
                return make ? byEntity.computeIfAbsent(r.entity(), e -> new java.util.HashSet<>())
                        : byEntity.get(r.entity());
            }
            return whole;
        }

        void forEachPage(java.util.function.Consumer<String> action) {
            whole.forEach(action);
            byEntity.values().forEach(pages -> pages.forEach(action));
            byGroup.values().forEach(byValues -> byValues.values().forEach(pages -> pages.forEach(action)));
        }
    }

    /**
     * The inputs of one build that pages can read. Inputs other than named-query rows (templates, prose, the page
     * list, site values, prefixes, decision trees) make a short fingerprint per page; rows are compared with the
     * last good build's rows directly: a query kept from that build changed nothing, and of a query run again only
     * the entities whose rows differ (or, for pages that read all its rows, the whole result) count as changed.
     */
    private static final class Inputs {
        private final SiteContext site;
        private final Map<String, QueryRows> before;
        private final Map<String, byte[]> templates = new TreeMap<>();
        /** The start of the fingerprint of every page of a template, by template: the whole one of most pages. */
        private final Map<String, String> byTemplate = new HashMap<>();
        private final String shared;
        private String prefixes;
        private String diagrams;

        /** A hash of every page's spec (a large guide's plan is megabytes of text: hashed once per plan). */
        static String planHash(List<PageSpec> pages) {
            StringBuilder plan = new StringBuilder();
            for (PageSpec p : pages) {
                plan.append(p).append('\n');
            }
            return hash(plan.toString().getBytes(StandardCharsets.UTF_8));
        }

        Inputs(SiteContext site, Map<String, QueryRows> before, String planHash) {
            this.site = site;
            this.before = before;
            StringBuilder sharedText = new StringBuilder();
            for (SourceFile f : site.graph().sources().all()) {
                if (f.kind() == SourceKind.TEMPLATE) {
                    templates.put(f.name(), f.bytes());
                    if (f.name().startsWith("_")) {
                        sharedText.append(f.path()).append('\0').append(hash(f.bytes())).append('\n');
                    }
                }
            }
            StringBuilder plan = new StringBuilder(planHash).append('\n');
            new TreeMap<>(site.site()).forEach((k, v) -> plan.append(k).append('=').append(v).append('\n'));
            for (NamedQuery q : site.queries().all().values()) {
                plan.append(q.name()).append('\0').append(q.text()).append('\n');
            }
            this.shared = hash((sharedText + "\n" + plan).getBytes(StandardCharsets.UTF_8));
        }

        /**
         * The reads of a page that are not of a named query: decision trees, prefixes, or inputs this class does
         * not know. (Which queries there are is part of every page's fingerprint, so a read that was of a named
         * query when recorded still is while the fingerprints agree.)
         */
        List<QueryRead> specials(Set<QueryRead> pageReads) {
            List<QueryRead> out = null;
            for (QueryRead r : pageReads) {
                String name = r.query();
                if (name.equals(DECISION_TREES) || name.equals(PageModel.PREFIXES) || !site.queries().has(name)) {
                    if (out == null) {
                        out = new java.util.ArrayList<>();
                    }
                    out.add(r);
                }
            }
            return out == null ? List.of() : List.copyOf(out);
        }

        /**
         * What a page read besides named-query rows ({@code others}: its {@link #specials}), as a short string to
         * compare with the last build's.
         */
        String fingerprint(PageSpec p, List<QueryRead> others) {
            String common = byTemplate.computeIfAbsent(p.template(), t -> {
                byte[] template = templates.get(t);
                return shared + "\n" + t + "=" + (template == null ? "-" : hash(template)) + "\n";
            });
            ProsePage prose = site.prose().get(p.path());
            if (prose == null && others.isEmpty()) {
                return common;
            }
            StringBuilder sb = new StringBuilder(common);
            if (prose != null) {
                sb.append("prose=").append(hash((prose.title() + "\0" + prose.meta() + "\0" + prose.body())
                        .getBytes(StandardCharsets.UTF_8))).append('\n');
            }
            if (others.isEmpty()) {
                return sb.toString();
            }
            Set<String> lines = new TreeSet<>();
            for (QueryRead r : others) {
                String name = r.query();
                if (name.equals(DECISION_TREES)) {
                    lines.add(name + "=" + diagrams());
                } else if (name.equals(PageModel.PREFIXES)) {
                    lines.add(name + "=" + prefixes());
                } else if (!site.queries().has(name)) {
                    // an input this class does not know how to compare: the page is always re-rendered
                    lines.add(name + "=unknown " + System.nanoTime());
                }
            }
            lines.forEach(o -> sb.append(o).append('\n'));
            return sb.toString();
        }

        /** True if the rows of query {@code name} may not be the last good build's (it ran again, or is new). */
        boolean queryChanged(String name) {
            QueryRows now = site.queries().results().get(name);
            return now == null || now != before.get(name);
        }

        /**
         * Passes to {@code changed} the pages of {@code byRead} (the readers of query {@code name}, whose rows may
         * not be the last good build's: {@link #queryChanged}) that read rows which differ from that build's. Each
         * kind of read is compared once, not once per page that made it: all rows, the rows of the entities whose
         * rows changed, and the groups of rows by the values of some variables.
         */
        void changedReaders(String name, Readers byRead, java.util.function.Consumer<String> changed) {
            QueryRows then = before.get(name);
            QueryRows now = site.queries().results().get(name);
            if (now == null || then == null) {
                byRead.forEachPage(changed);
                return;
            }
            if (!byRead.whole.isEmpty() && !now.sameRowsAs(then)) {
                byRead.whole.forEach(changed);
            }
            if (!byRead.byEntity.isEmpty()) {
                for (String entity : now.entitiesChangedSince(then)) {
                    byRead.byEntity.getOrDefault(entity, Set.of()).forEach(changed);
                }
            }
            byRead.byGroup.forEach((variables, byValues) -> {
                Set<List<String>> groups = now.groupsChangedSince(then, variables);
                if (groups != null) { // the groups of the changed rows: a few of tens of thousands of cells
                    for (List<String> values : groups) {
                        byValues.getOrDefault(values, Set.of()).forEach(changed);
                    }
                    return;
                }
                byValues.forEach((values, pages) -> {
                    if (now.groupChangedSince(then, variables, values)) {
                        pages.forEach(changed);
                    }
                });
            });
        }

        /**
         * True if a live view a prose page ran can show other rows now: the change since the last good build is
         * unknown or reaches one of the views' queries.
         */
        boolean liveViewsChanged(List<org.apache.jena.query.Query> views) {
            if (views == null || views.isEmpty()) {
                return false;
            }
            java.util.Optional<org.guidegraph.graph.GraphDelta> delta = site.graph().delta();
            if (delta.isEmpty() || delta.get().ontologyChanged()) {
                return true;
            }
            org.apache.jena.graph.Graph graph = site.graph().dataset().asDatasetGraph().getDefaultGraph();
            for (org.apache.jena.query.Query q : views) {
                if (org.guidegraph.query.QueryFootprint.of(q).canChange(delta.get(), graph)) {
                    return true;
                }
            }
            return false;
        }

        private String diagrams() {
            if (diagrams == null) {
                diagrams = hash(String.valueOf(site.diagrams()).getBytes(StandardCharsets.UTF_8));
            }
            return diagrams;
        }

        private String prefixes() {
            if (prefixes == null) {
                Map<String, String> all = new TreeMap<>(site.graph().ontology().getNsPrefixMap());
                all.putAll(site.graph().content().getNsPrefixMap());
                prefixes = hash(all.toString().getBytes(StandardCharsets.UTF_8));
            }
            return prefixes;
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
