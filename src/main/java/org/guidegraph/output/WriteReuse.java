package org.guidegraph.output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.guidegraph.graph.GraphDelta;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.graph.LeanUnion;

/**
 * What the write stage of one build leaves for the next build of the same output folder (a regeneration in
 * {@code serve}): the graph it wrote, where each subject's text is in the graph exports, and the entities it
 * described. With it, the next build works out from {@link GuideGraph#delta()} which subjects' text can have
 * changed, writes only those and carries the rest over from the previous site. One instance follows one output
 * folder; builds using it are serialised.
 */
public final class WriteReuse {

    private Written committed;
    private Written pending;

    /** What one build wrote: the reference for the next once its site is published. */
    static final class Written {
        final GuideGraph graph;
        final Map<String, String> prefixes;
        final String namespace;
        /** Null when the graph's blank nodes do not form trees: the exports are then written whole. */
        final SortedExports.Layout layout;
        final Entities entities;
        final Set<Triple> overlap;
        final long entityCount;

        Written(GuideGraph graph, Map<String, String> prefixes, String namespace, SortedExports.Layout layout,
                Entities entities, Set<Triple> overlap, long entityCount) {
            this.graph = graph;
            this.prefixes = prefixes;
            this.namespace = namespace;
            this.layout = layout;
            this.entities = entities;
            this.overlap = overlap;
            this.entityCount = entityCount;
        }
    }

    void offer(Written w) {
        pending = w;
    }

    /** The build of {@code graph} was published: what it wrote is now the reference. */
    public void commit(GuideGraph graph) {
        if (pending != null && pending.graph == graph) {
            committed = pending;
        }
        pending = null;
    }

    /**
     * What a build of {@code g} must write again, given the last published build and the site it left in
     * {@code previousSite}.
     */
    Plan plan(GuideGraph g, Path previousSite) {
        Plan plan = new Plan(g, previousSite);
        Written before = committed;
        if (before == null || g.delta().isEmpty() || !Files.isDirectory(previousSite)) {
            return plan;
        }
        GraphDelta delta = g.delta().get();
        if (!before.prefixes.equals(plan.prefixes) || !before.namespace.equals(plan.namespace)) {
            return plan;
        }
        plan.before = before;
        Graph oldUnion = new LeanUnion(before.graph.ontology().getGraph(), before.graph.content().getGraph());
        Set<Node> roots = roots(delta, oldUnion, plan.union);
        if (roots != null && before.layout != null && Files.isRegularFile(previousSite.resolve("graph.ttl"))
                && Files.isRegularFile(previousSite.resolve("graph.jsonld"))) {
            plan.exportChanges = roots;
        }
        // A description reads the content alone. The delta is over ontology and content together, so it misses a
        // triple that moved between the two; that needs an ontology file to change, or a triple written in both.
        if (roots != null && !delta.ontologyChanged() && before.overlap.equals(plan.overlap())) {
            plan.descriptionChanges = roots;
        }
        return plan;
    }

    /**
     * The IRI subjects whose text (their triples and those of the blank nodes under them) the delta touches, in
     * the graph before for removed triples and the graph now for added ones; or null if the graph now is not
     * tree-shaped around a changed blank node (see {@link Plan#treeShaped}).
     */
    private static Set<Node> roots(GraphDelta delta, Graph before, Graph now) {
        Set<Node> out = new HashSet<>();
        Map<Node, Node> memoBefore = new HashMap<>();
        Map<Node, Node> memoNow = new HashMap<>();
        Set<Node> blanks = new HashSet<>();
        for (Triple t : delta.removed()) {
            Node r = root(before, t.getSubject(), memoBefore);
            if (r == null) {
                return null;
            }
            out.add(r);
            note(t, blanks);
        }
        for (Triple t : delta.added()) {
            Node r = root(now, t.getSubject(), memoNow);
            if (r == null) {
                return null;
            }
            out.add(r);
            note(t, blanks);
        }
        // A blank node whose triples changed must still hang under exactly one subject; blank nodes the delta
        // does not name keep the triples that hold them.
        for (Node b : blanks) {
            boolean subject = now.find(b, Node.ANY, Node.ANY).hasNext();
            int refs = references(now, b);
            if ((subject || refs > 0) && (refs != 1 || root(now, b, memoNow) == null)) {
                return null;
            }
        }
        return out;
    }

    private static void note(Triple t, Set<Node> blanks) {
        if (t.getSubject().isBlank()) {
            blanks.add(t.getSubject());
        }
        if (t.getObject().isBlank()) {
            blanks.add(t.getObject());
        }
    }

    /** The IRI subject a node hangs under, through blank nodes each the object of one triple; else null. */
    private static Node root(Graph g, Node n, Map<Node, Node> memo) {
        if (!n.isBlank()) {
            return n.isURI() ? n : null;
        }
        Set<Node> path = new HashSet<>();
        Node at = n;
        Node found = null;
        while (at.isBlank()) {
            Node known = memo.get(at);
            if (known != null) {
                found = known;
                break;
            }
            if (!path.add(at)) {
                return null; // a cycle of blank nodes
            }
            Node parent = null;
            ExtendedIterator<Triple> it = g.find(Node.ANY, Node.ANY, at);
            try {
                if (it.hasNext()) {
                    parent = it.next().getSubject();
                    if (it.hasNext()) {
                        return null;
                    }
                }
            } finally {
                it.close();
            }
            if (parent == null) {
                return null;
            }
            at = parent;
        }
        if (found == null) {
            found = at.isURI() ? at : null;
        }
        if (found != null) {
            for (Node p : path) {
                memo.put(p, found);
            }
        }
        return found;
    }

    private static int references(Graph g, Node b) {
        int n = 0;
        ExtendedIterator<Triple> it = g.find(Node.ANY, Node.ANY, b);
        try {
            while (it.hasNext() && n < 2) {
                it.next();
                n++;
            }
        } finally {
            it.close();
        }
        return n;
    }

    /** The entity paths of a build ({@code KIND/SLUG}), sorted, and their description files in the same order. */
    static final class Entities {
        private final String[] paths;
        final List<String> descriptions;

        Entities(String[] sortedPaths) {
            this.paths = sortedPaths;
            String[] files = new String[sortedPaths.length];
            for (int i = 0; i < files.length; i++) {
                files[i] = sortedPaths[i] + ".ttl";
            }
            this.descriptions = List.of(files);
        }

        /** The place of {@code path} among the paths, or a negative number if it is not one of them. */
        int indexOf(String path) {
            return Arrays.binarySearch(paths, path);
        }
    }

    /** What one build writes: everything, or the subjects that changed since the last published build. */
    static final class Plan {
        final GuideGraph graph;
        final Graph union;
        final List<Graph> graphs;
        final Map<String, String> prefixes;
        final String namespace;
        final Path previousSite;
        Written before;
        /** IRI subjects whose export text may have changed; null: write the exports whole. */
        Set<Node> exportChanges;
        /** IRI subjects whose description may have changed; null: describe every entity. */
        Set<Node> descriptionChanges;
        private Set<Triple> overlap;
        private List<Node> contentSubjects;
        private List<Node> ontologySubjects;
        private int blankNodes;

        Plan(GuideGraph g, Path previousSite) {
            this.graph = g;
            this.union = new LeanUnion(g.ontology().getGraph(), g.content().getGraph());
            this.graphs = List.of(g.ontology().getGraph(), g.content().getGraph());
            Map<String, String> p = new TreeMap<>(g.ontology().getNsPrefixMap());
            p.putAll(g.content().getNsPrefixMap());
            this.prefixes = Map.copyOf(p);
            this.namespace = g.namespace().orElse("");
            this.previousSite = previousSite;
        }

        /** The ontology's triples that the content holds too (the union counts them once). */
        synchronized Set<Triple> overlap() {
            if (overlap == null) {
                Set<Triple> both = new HashSet<>();
                Graph content = graph.content().getGraph();
                ExtendedIterator<Triple> it = graph.ontology().getGraph().find(Node.ANY, Node.ANY, Node.ANY);
                try {
                    while (it.hasNext()) {
                        Triple t = it.next();
                        if (content.contains(t)) {
                            both.add(t);
                        }
                    }
                } finally {
                    it.close();
                }
                overlap = both;
            }
            return overlap;
        }

        /** The content's distinct subjects, in the graph's order (read once, with {@link #blankNodes}). */
        List<Node> contentSubjects() {
            scan();
            return contentSubjects;
        }

        /** The distinct subjects of ontology and content (a subject of both listed twice). */
        List<Node> subjects() {
            scan();
            List<Node> all = new ArrayList<>(ontologySubjects);
            all.addAll(contentSubjects);
            return all;
        }

        /** The number of blank nodes if every one is nested under one subject (see {@link #treeShaped}), else -1. */
        int blankNodes() {
            scan();
            return blankNodes;
        }

        /**
         * True if every blank node of ontology and content is the object of exactly one triple, reached from an IRI
         * subject: then each IRI subject's text can be written alone (see {@link SubjectText}).
         */
        boolean treeShaped() {
            return exportChanges != null || blankNodes() >= 0;
        }

        /** Reads ontology and content once: their subjects, and how often each blank node is an object. */
        private synchronized void scan() {
            if (contentSubjects != null) {
                return;
            }
            Map<Node, Integer> refs = new HashMap<>();
            Set<Node> blankSubjects = new HashSet<>();
            boolean[] shared = {false};
            ontologySubjects = scan(graphs.get(0), refs, blankSubjects, shared);
            contentSubjects = scan(graphs.get(1), refs, blankSubjects, shared);
            blankNodes = !shared[0] && refs.keySet().containsAll(blankSubjects) ? refs.size() : -1;
        }

        private static List<Node> scan(Graph g, Map<Node, Integer> refs, Set<Node> blankSubjects,
                boolean[] shared) {
            List<Node> subjects = new ArrayList<>();
            Set<Node> seen = new HashSet<>();
            Node last = null;
            ExtendedIterator<Triple> it = g.find(Node.ANY, Node.ANY, Node.ANY);
            try {
                while (it.hasNext()) {
                    Triple t = it.next();
                    Node s = t.getSubject();
                    if (t.getObject().isBlank() && refs.merge(t.getObject(), 1, Integer::sum) > 1) {
                        shared[0] = true;
                    }
                    // A graph lists a subject's triples together, so most triples skip the set.
                    if (!s.equals(last) && seen.add(s)) {
                        subjects.add(s);
                        if (s.isBlank()) {
                            blankSubjects.add(s);
                        }
                    }
                    last = s;
                }
            } finally {
                it.close();
            }
            return subjects;
        }

        /**
         * The entity paths of this build ({@code KIND/SLUG}) and their descriptions: after a change that adds and
         * removes no entity, the last build's own.
         */
        synchronized Entities entities() {
            if (descriptionChanges == null) {
                TreeSet<String> out = new TreeSet<>();
                for (Node r : contentSubjects()) {
                    if (r.isURI()) {
                        EntityDescriptions.pathOf(namespace, r.getURI()).ifPresent(out::add);
                    }
                }
                return new Entities(out.toArray(String[]::new));
            }
            Entities was = before.entities;
            Graph content = graph.content().getGraph();
            Set<String> added = new HashSet<>();
            Set<String> removed = new HashSet<>();
            for (Node r : descriptionChanges) {
                EntityDescriptions.pathOf(namespace, r.getURI()).ifPresent(p -> {
                    boolean is = content.find(r, Node.ANY, Node.ANY).hasNext();
                    if (is != was.indexOf(p) >= 0) {
                        (is ? added : removed).add(p);
                    }
                });
            }
            if (added.isEmpty() && removed.isEmpty()) {
                return was;
            }
            TreeSet<String> out = new TreeSet<>(Arrays.asList(was.paths));
            out.removeAll(removed);
            out.addAll(added);
            return new Entities(out.toArray(String[]::new));
        }

        /** The content's IRI subjects in the guide's namespace, as VoID counts entities. */
        long entityCount() {
            if (descriptionChanges == null) {
                return contentSubjects().stream()
                        .filter(r -> r.isURI() && !namespace.isEmpty() && r.getURI().startsWith(namespace)).count();
            }
            long count = before.entityCount;
            Graph was = before.graph.content().getGraph();
            Graph is = graph.content().getGraph();
            for (Node r : descriptionChanges) {
                if (!namespace.isEmpty() && r.getURI().startsWith(namespace)) {
                    boolean before = was.find(r, Node.ANY, Node.ANY).hasNext();
                    boolean now = is.find(r, Node.ANY, Node.ANY).hasNext();
                    count += (now ? 1 : 0) - (before ? 1 : 0);
                }
            }
            return count;
        }
    }
}
