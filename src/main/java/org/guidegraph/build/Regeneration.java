package org.guidegraph.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.util.FmtUtils;
import org.guidegraph.query.NamedQuery;
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
 * Precise rebuilds, for {@code serve}: remembers, for every page of the last good build, what the page read (its
 * template and the shared {@code _*.ftl} templates, its prose, the page list and site values, and the rows of each
 * named query it read, for the entity it read them for) as one fingerprint. The next build re-renders only the
 * pages whose fingerprint changed and copies the others from the previous site.
 *
 * <p>Inputs a page names without a named query of that name are compared when known (the decision-tree
 * diagrams) and otherwise make the page re-render every time. Prose pages may hold live views, which query the graph directly, so they are re-rendered whenever any graph
 * or ontology file changed. A page that is new, or that the last build did not render, is always rendered. One
 * instance follows one output folder; it is not thread-safe (builds are serialised).
 */
public final class Regeneration {

    /** The name under which pages record that they drew the decision trees ({@code PageModel.getDecisionTrees}). */
    private static final String DECISION_TREES = "decision-tree";

    private Map<String, Set<QueryRead>> reads = Map.of();
    private Map<String, String> fingerprints = Map.of();
    private Map<String, Set<QueryRead>> pendingReads;
    private Map<String, String> pendingFingerprints;
    private Map<String, List<SearchDocument>> sections = Map.of();
    private Map<String, List<SearchDocument>> pendingSections;
    private Inputs inputs;
    private int lastRendered;
    /** What one build parsed that the next can reuse: guide files, named queries, templates. */
    final org.guidegraph.graph.GuideLoader.Reuse files = new org.guidegraph.graph.GuideLoader.Reuse();
    final org.guidegraph.query.ParsedQueries queries = new org.guidegraph.query.ParsedQueries();
    final org.guidegraph.render.jbake.FreemarkerPages.Templates templates =
            new org.guidegraph.render.jbake.FreemarkerPages.Templates();
    /** What the write stage wrote, for carrying unchanged graph files over. */
    final org.guidegraph.output.WriteReuse writes = new org.guidegraph.output.WriteReuse();
    private int lastTotal;

    /** The inputs of the build of {@code site}, hashed once for both {@link #affected} and {@link #record}. */
    private Inputs inputs(SiteContext site) {
        if (inputs == null || inputs.site != site) {
            inputs = new Inputs(site);
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
        for (PageSpec p : site.pages()) {
            Set<QueryRead> r = reads.get(p.path());
            String before = fingerprints.get(p.path());
            if (r == null || before == null || !Files.isRegularFile(previousSite.resolve(p.path()))
                    || !before.equals(inputs.fingerprint(p, r))) {
                out.add(p.path());
            }
        }
        return out;
    }

    /**
     * Puts the pages that were not re-rendered from the previous site into the new one: as hard links where the
     * file system allows (a page file is never written in place, so old and new site can share it), else as
     * copies.
     */
    void carryOver(SiteContext site, Set<String> rendered, Path previousSite, Path staging) throws IOException {
        if (rendered == null) {
            return;
        }
        boolean link = true;
        Set<Path> made = new java.util.HashSet<>();
        for (PageSpec p : site.pages()) {
            if (!rendered.contains(p.path())) {
                Path target = staging.resolve(p.path());
                if (made.add(target.getParent())) {
                    Files.createDirectories(target.getParent());
                }
                Path source = previousSite.resolve(p.path());
                if (link) {
                    try {
                        Files.deleteIfExists(target);
                        Files.createLink(target, source);
                        continue;
                    } catch (UnsupportedOperationException | IOException e) {
                        link = false;
                    }
                }
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Notes what this build's pages read; it becomes the reference once the site is published. */
    void record(SiteContext site, Set<String> rendered, Map<String, PageModel> models) {
        Inputs inputs = inputs(site);
        Map<String, Set<QueryRead>> r = new HashMap<>();
        Map<String, String> f = new HashMap<>();
        for (PageSpec p : site.pages()) {
            PageModel m = models.get(p.path());
            Set<QueryRead> pageReads = rendered == null || rendered.contains(p.path())
                    ? (m == null ? null : readsOf(m))
                    : reads.get(p.path());
            if (pageReads != null) {
                r.put(p.path(), pageReads);
                f.put(p.path(), inputs.fingerprint(p, pageReads));
            }
        }
        pendingReads = r;
        pendingFingerprints = f;
        lastRendered = rendered == null ? site.pages().size() : rendered.size();
        lastTotal = site.pages().size();
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
     * The search sections of the previous site's pages that this build carried over (not in {@code rendered}):
     * they are the same bytes, so their sections need not be read again. Empty for a full build.
     */
    Map<String, List<SearchDocument>> sectionsOf(Set<String> rendered) {
        if (rendered == null) {
            return Map.of();
        }
        Map<String, List<SearchDocument>> out = new HashMap<>(sections);
        out.keySet().removeAll(rendered);
        return out;
    }

    /** Notes this build's search sections by page; they become the reference once the site is published. */
    void recordSections(Map<String, List<SearchDocument>> byPage) {
        pendingSections = Map.copyOf(byPage);
    }

    /** The build of {@code graph} was published: its record is now the reference. */
    void commit(org.guidegraph.graph.GuideGraph graph) {
        files.commit(graph);
        writes.commit(graph);
        if (pendingReads != null) {
            reads = pendingReads;
            fingerprints = pendingFingerprints;
        }
        if (pendingSections != null) {
            sections = pendingSections;
        }
        pendingReads = null;
        pendingFingerprints = null;
        pendingSections = null;
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

    /** The inputs of one build that pages can read, hashed lazily. */
    private static final class Inputs {
        private final SiteContext site;
        private final Map<String, byte[]> templates = new TreeMap<>();
        private final String shared;
        private final String graphFiles;
        private final Map<QueryRead, String> rows = new HashMap<>();

        Inputs(SiteContext site) {
            this.site = site;
            StringBuilder sharedText = new StringBuilder();
            StringBuilder graphText = new StringBuilder();
            for (SourceFile f : site.graph().sources().all()) {
                if (f.kind() == SourceKind.TEMPLATE) {
                    templates.put(f.name(), f.bytes());
                    if (f.name().startsWith("_")) {
                        sharedText.append(f.path()).append('\0').append(hash(f.bytes())).append('\n');
                    }
                } else if (f.kind() == SourceKind.GRAPH || f.kind() == SourceKind.ONTOLOGY) {
                    graphText.append(f.path()).append('\0').append(hash(f.bytes())).append('\n');
                }
            }
            StringBuilder plan = new StringBuilder();
            for (PageSpec p : site.pages()) {
                plan.append(p).append('\n');
            }
            new TreeMap<>(site.site()).forEach((k, v) -> plan.append(k).append('=').append(v).append('\n'));
            for (NamedQuery q : site.queries().all().values()) {
                plan.append(q.name()).append('\0').append(q.text()).append('\n');
            }
            this.shared = hash((sharedText + "\n" + plan).getBytes(StandardCharsets.UTF_8));
            this.graphFiles = hash(graphText.toString().getBytes(StandardCharsets.UTF_8));
        }

        String fingerprint(PageSpec p, Set<QueryRead> pageReads) {
            StringBuilder sb = new StringBuilder(shared).append('\n');
            byte[] template = templates.get(p.template());
            sb.append(p.template()).append('=').append(template == null ? "-" : hash(template)).append('\n');
            ProsePage prose = site.prose().get(p.path());
            if (prose != null) {
                sb.append("prose=").append(hash((prose.title() + "\0" + prose.meta() + "\0" + prose.body())
                        .getBytes(StandardCharsets.UTF_8))).append('\n').append("graph=").append(graphFiles);
            }
            for (QueryRead r : new TreeSet<>(pageReads)) {
                sb.append(r.query()).append('@').append(r.entity()).append('=').append(rows(r)).append('\n');
            }
            return hash(sb.toString().getBytes(StandardCharsets.UTF_8));
        }

        private String rows(QueryRead r) {
            return rows.computeIfAbsent(r, k -> {
                String extra = "";
                if (k.query().equals(DECISION_TREES)) {
                    extra = hash(String.valueOf(site.diagrams()).getBytes(StandardCharsets.UTF_8));
                    if (!site.queries().has(k.query())) {
                        return extra;
                    }
                }
                if (k.query().equals(PageModel.PREFIXES)) {
                    java.util.Map<String, String> prefixes = new TreeMap<>(site.graph().ontology().getNsPrefixMap());
                    prefixes.putAll(site.graph().content().getNsPrefixMap());
                    return hash(prefixes.toString().getBytes(StandardCharsets.UTF_8));
                }
                if (!site.queries().has(k.query())) {
                    // an input this class does not know how to compare: the page is always re-rendered
                    return "unknown " + System.nanoTime();
                }
                StringBuilder sb = new StringBuilder();
                for (Map<String, RDFNode> row : site.queries().rows(k.query(), k.entity())) {
                    row.forEach((v, n) -> sb.append(v).append('=').append(FmtUtils.stringForNode(n.asNode()))
                            .append('\t'));
                    sb.append('\n');
                }
                return extra + hash(sb.toString().getBytes(StandardCharsets.UTF_8));
            });
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
