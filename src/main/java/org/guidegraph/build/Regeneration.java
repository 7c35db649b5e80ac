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

    private Map<String, Set<QueryRead>> reads = Map.of();
    private Map<String, String> fingerprints = Map.of();
    /** The fingerprints {@link #affected} worked out for the pages of the build under way, by path. */
    private Map<String, String> fingerprintsNow = Map.of();
    private Map<String, Set<QueryRead>> pendingReads;
    /**
     * The pages that read each named query, with what they read of it: the reads of {@link #reads} by query, so
     * that a changed query's readers are found without asking every page about every read.
     */
    private final Map<String, Map<String, List<QueryRead>>> readers = new HashMap<>();
    /** The reads of each page that are not of a named query (decision trees, prefixes, unknown inputs), if any. */
    private Map<String, List<QueryRead>> specials = Map.of();
    private Map<String, List<QueryRead>> pendingSpecials;
    /** The pages whose reads changed in the build being made (all pages after a full build: null). */
    private Set<String> pendingReadsChanged;
    /** The plan whose pages {@link #planHash} is the hash of. */
    private PagePlan hashedPlan;
    private String planHash;
    /** The page plan of the last good build, and of the build being made. */
    private PagePlan plan;
    private PagePlan pendingPlan;
    private Map<String, String> pendingFingerprints;
    private Map<String, List<org.apache.jena.query.Query>> live = Map.of();
    private Map<String, List<org.apache.jena.query.Query>> pendingLive;
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
        return !fingerprints.isEmpty() && Files.isDirectory(previousSite);
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
        Set<String> planned = new java.util.HashSet<>();
        Map<String, String> now = new HashMap<>();
        for (PageSpec p : site.pages()) {
            planned.add(p.path());
            String before = fingerprints.get(p.path());
            String fingerprint = before == null || !reads.containsKey(p.path()) ? null
                    : inputs.fingerprint(p, specials.getOrDefault(p.path(), List.of()));
            if (fingerprint != null) {
                now.put(p.path(), fingerprint);
            }
            if (fingerprint == null || !before.equals(fingerprint)
                    || !Files.isRegularFile(previousSite.resolve(p.path()))) {
                out.add(p.path());
            }
        }
        // rows: only the readers of a query whose rows are not the last build's need a look
        readers.forEach((name, byPage) -> {
            if (site.queries().has(name) && inputs.queryChanged(name)) {
                byPage.forEach((page, pageReads) -> {
                    if (planned.contains(page) && !out.contains(page) && inputs.rowsChanged(pageReads)) {
                        out.add(page);
                    }
                });
            }
        });
        live.forEach((page, views) -> {
            if (planned.contains(page) && !out.contains(page) && inputs.liveViewsChanged(views)) {
                out.add(page);
            }
        });
        fingerprintsNow = now;
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

    /** Notes what this build's pages read; it becomes the reference once the site is published. */
    void record(SiteContext site, Set<String> rendered, Map<String, PageModel> models) {
        Inputs inputs = inputs(site);
        Map<String, Set<QueryRead>> r = new HashMap<>();
        Map<String, List<QueryRead>> special = new HashMap<>();
        Map<String, String> f = new HashMap<>();
        Map<String, List<org.apache.jena.query.Query>> views = new HashMap<>();
        Set<String> changed = rendered == null ? null : new java.util.HashSet<>();
        for (PageSpec p : site.pages()) {
            boolean made = rendered == null || rendered.contains(p.path());
            PageModel m = models.get(p.path());
            List<org.apache.jena.query.Query> pageViews = made ? (m == null ? null : m.liveViews())
                    : live.get(p.path());
            if (pageViews != null && !pageViews.isEmpty()) {
                views.put(p.path(), pageViews);
            }
            Set<QueryRead> pageReads = made ? (m == null ? null : readsOf(m)) : reads.get(p.path());
            if (made && changed != null) {
                changed.add(p.path());
            }
            if (pageReads != null) {
                r.put(p.path(), pageReads);
                List<QueryRead> others = made ? inputs.specials(pageReads) : specials.get(p.path());
                if (others != null && !others.isEmpty()) {
                    special.put(p.path(), others);
                }
                // a page carried over read what it read before: its fingerprint was worked out by affected()
                String known = made ? null : fingerprintsNow.get(p.path());
                f.put(p.path(), known != null ? known
                        : inputs.fingerprint(p, others == null ? List.of() : others));
            }
        }
        if (changed != null) {
            // pages gone from the plan no longer read anything
            for (String page : reads.keySet()) {
                if (!r.containsKey(page)) {
                    changed.add(page);
                }
            }
        }
        pendingReads = r;
        pendingSpecials = special;
        pendingReadsChanged = changed;
        pendingFingerprints = f;
        pendingLive = views;
        pendingQueries = site.queries();
        pendingPlan = site.plan();
        lastRendered = rendered == null ? site.pages().size() : rendered.size();
        lastTotal = site.pages().size();
    }

    /** Brings {@link #readers} from {@link #reads} to {@code now}: for the pages in {@code changed}, or all (null). */
    private void index(Map<String, Set<QueryRead>> now, Set<String> changed) {
        if (changed == null) {
            readers.clear();
        } else {
            for (String page : changed) {
                Set<QueryRead> was = reads.get(page);
                if (was != null) {
                    for (QueryRead q : was) {
                        Map<String, List<QueryRead>> byPage = readers.get(q.query());
                        if (byPage != null) {
                            byPage.remove(page);
                        }
                    }
                }
            }
        }
        for (String page : changed == null ? now.keySet() : changed) {
            Set<QueryRead> is = now.get(page);
            if (is != null) {
                for (QueryRead q : is) {
                    readers.computeIfAbsent(q.query(), n -> new HashMap<>())
                            .computeIfAbsent(page, x -> new java.util.ArrayList<>()).add(q);
                }
            }
        }
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
     * The search sections of the previous site's pages that this build carried over (those not in
     * {@code rendered}): their sections need not be read again. Empty for a full build ({@code rendered} null).
     */
    Map<String, List<SearchDocument>> sectionsOf(Set<String> rendered) {
        if (rendered == null) {
            return Map.of();
        }
        Map<String, List<SearchDocument>> out = new HashMap<>(sections);
        out.keySet().removeAll(rendered);
        return out;
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
        if (pendingReads != null) {
            index(pendingReads, pendingReadsChanged);
            reads = pendingReads;
            specials = pendingSpecials;
            fingerprints = pendingFingerprints;
            live = pendingLive;
        }
        if (pendingSections != null) {
            sections = pendingSections;
        }
        plan = pendingPlan;
        pendingPlan = null;
        resources = pendingResources;
        search.commit();
        pendingReads = null;
        pendingSpecials = null;
        pendingReadsChanged = null;
        pendingFingerprints = null;
        pendingLive = null;
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
     * The inputs of one build that pages can read. Inputs other than named-query rows (templates, prose, the page
     * list, site values, prefixes, decision trees) make a short fingerprint per page; rows are compared with the
     * last good build's rows directly: a query kept from that build changed nothing, and of a query run again only
     * the entities whose rows differ (or, for pages that read all its rows, the whole result) count as changed.
     */
    private static final class Inputs {
        private final SiteContext site;
        private final Map<String, QueryRows> before;
        private final Map<String, byte[]> templates = new TreeMap<>();
        private final Map<String, String> templateHashes = new HashMap<>();
        private final String shared;
        private String prefixes;
        private String diagrams;
        private final Map<String, Boolean> wholeChanged = new HashMap<>();
        private final Map<String, Set<String>> entitiesChanged = new HashMap<>();

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
            StringBuilder sb = new StringBuilder(shared).append('\n');
            sb.append(p.template()).append('=').append(templateHashes.computeIfAbsent(p.template(), t -> {
                byte[] template = templates.get(t);
                return template == null ? "-" : hash(template);
            })).append('\n');
            ProsePage prose = site.prose().get(p.path());
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

        /** True if rows of a named query that a page read ({@code pageReads}) differ from the last good build's. */
        boolean rowsChanged(List<QueryRead> pageReads) {
            for (QueryRead r : pageReads) {
                if (rowsChanged(r)) {
                    return true;
                }
            }
            return false;
        }

        private boolean rowsChanged(QueryRead r) {
            String name = r.query();
            QueryRows then = before.get(name);
            QueryRows now = site.queries().results().get(name);
            if (now == then && now != null) {
                return false;
            }
            if (now == null || then == null) {
                return true;
            }
            if (r.variables() != null) {
                return now.groupChangedSince(then, r.variables(), r.values());
            }
            if (r.entity() == null) {
                return wholeChanged.computeIfAbsent(name, n -> !now.sameRowsAs(then));
            }
            return entitiesChanged.computeIfAbsent(name, n -> now.entitiesChangedSince(then)).contains(r.entity());
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
