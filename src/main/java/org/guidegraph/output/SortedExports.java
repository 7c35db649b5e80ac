package org.guidegraph.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;

/**
 * {@code graph.ttl} and {@code graph.jsonld} with the bytes of {@link Deterministic#turtle} and
 * {@link Deterministic#jsonld}, for a graph whose blank nodes form trees under IRI subjects (see
 * {@link SubjectText}), written subject by subject: in parallel on a full build, and on a rebuild only for the
 * subjects that changed, the others copied from the earlier files by the byte ranges their {@link Layout} noted.
 *
 * <p>JSON-LD names blank nodes {@code _:b1}, {@code _:b2}, … in the order of the sorted Turtle, which gives each
 * subject's blank nodes a run of numbers; a subject whose run starts where it did before and whose triples did not
 * change has the same JSON-LD text, so only subjects that changed or whose run moved are written again.
 */
final class SortedExports {

    /** Subjects per task. */
    private static final int BATCH = 256;

    private SortedExports() {
    }

    /** Where each subject's text is in the two files of one build: what the next build copies. */
    static final class Layout {
        final String[] subjects;
        final int[] blankCounts;
        final long[] ttlStart;
        final int[] ttlLength;
        final long[] jsonStart;
        final int[] jsonLength;
        /** By blank number − 1; length 0 where the blank node has no node object (no triples of its own). */
        final long[] blankStart;
        final int[] blankLength;
        final long jsonFirst;

        Layout(String[] subjects, int[] blankCounts, long[] ttlStart, int[] ttlLength, long[] jsonStart,
                int[] jsonLength, long[] blankStart, int[] blankLength, long jsonFirst) {
            this.subjects = subjects;
            this.blankCounts = blankCounts;
            this.ttlStart = ttlStart;
            this.ttlLength = ttlLength;
            this.jsonStart = jsonStart;
            this.jsonLength = jsonLength;
            this.blankStart = blankStart;
            this.blankLength = blankLength;
            this.jsonFirst = jsonFirst;
        }
    }

    /** An earlier build's files and layout, and the IRI subjects whose text may have changed since. */
    record Earlier(Layout layout, Path ttl, Path jsonld, Set<Node> changed) {
    }


    /**
     * Writes {@code ttl} and {@code jsonld} for the tree-shaped {@code union} of {@code graphs}; with
     * {@code earlier}, writes again only the subjects it names (and those whose blank numbers moved). Without,
     * {@code allSubjects} are the graph's subjects and {@code blankNodes} the number of its blank nodes. Returns the new layout, or null if some blank nodes
     * are reached from no IRI subject (cycles of blank nodes): {@link Deterministic} names those by their labels, so
     * the caller writes the files with it.
     */
    static Layout write(Graph union, List<Node> allSubjects, PrefixMapping pm, Path ttl, Path jsonld, Earlier earlier,
            int blankNodes, Executor executor) throws IOException {
        SubjectText text = new SubjectText(union, pm);
        Layout old = earlier == null ? null : earlier.layout();
        // The subjects, sorted, and where each was in the earlier layout (-1: written anew).
        String[] subjects;
        int[] from;
        if (old == null) {
            subjects = allSubjects.stream().filter(Node::isURI).map(Node::getURI).sorted().distinct()
                    .toArray(String[]::new);
            from = new int[subjects.length];
            Arrays.fill(from, -1);
        } else {
            TreeSet<String> changed = new TreeSet<>();
            for (Node n : earlier.changed()) {
                changed.add(n.getURI());
            }
            List<String> now = new ArrayList<>();
            for (String c : changed) {
                if (union.find(NodeFactory.createURI(c), Node.ANY, Node.ANY).hasNext()) {
                    now.add(c);
                }
            }
            Merged merged = merge(old.subjects, changed, now);
            subjects = merged.subjects();
            from = merged.from();
        }
        int n = subjects.length;
        Node[] nodes = new Node[n];
        SubjectText.Unit[] units = new SubjectText.Unit[n];
        int[] blankCounts = new int[n];
        long[] ttlStart = new long[n];
        int[] ttlLength = new int[n];

        // Turtle: the changed subjects in parallel, written in order between copies of the unchanged ones.
        // nodes only for the subjects written anew (and, below, for those whose blank numbers moved)
        List<Integer> changedAt = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (from[i] < 0) {
                nodes[i] = NodeFactory.createURI(subjects[i]);
                changedAt.add(i);
            }
        }
        List<CompletableFuture<Void>> batches = render(text, nodes, units, changedAt, executor);
        try (Splice out = new Splice(ttl, earlier == null ? null : earlier.ttl())) {
            out.write(SubjectText.prefixLines(pm));
            int done = 0;
            for (int i = 0; i < n; i++) {
                ttlStart[i] = out.position();
                if (from[i] >= 0) {
                    out.copy(old.ttlStart[from[i]], old.ttlLength[from[i]]);
                    ttlLength[i] = old.ttlLength[from[i]];
                    blankCounts[i] = old.blankCounts[from[i]];
                } else {
                    Tasks.join(batches.get(done++ / BATCH));
                    byte[] bytes = units[i].turtle().getBytes(StandardCharsets.UTF_8);
                    out.write(bytes);
                    ttlLength[i] = bytes.length;
                    blankCounts[i] = units[i].blanks().size();
                    units[i] = new SubjectText.Unit(null, units[i].blanks());
                }
            }
        }

        // Blank numbers: each subject's run starts after those of the subjects before it.
        int[] offset = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            offset[i] = total;
            total += blankCounts[i];
        }
        int[] oldOffset = null;
        if (old != null) {
            oldOffset = new int[old.subjects.length];
            int t = 0;
            for (int i = 0; i < oldOffset.length; i++) {
                oldOffset[i] = t;
                t += old.blankCounts[i];
            }
        }
        boolean[] dirty = new boolean[n];
        List<Integer> moved = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dirty[i] = from[i] < 0 || blankCounts[i] > 0 && oldOffset[from[i]] != offset[i];
            if (dirty[i] && units[i] == null) {
                nodes[i] = NodeFactory.createURI(subjects[i]);
                moved.add(i);
            }
        }
        for (CompletableFuture<Void> b : render(text, nodes, units, moved, executor)) {
            Tasks.join(b);
        }
        Node[] byNumber = new Node[total];
        Map<Node, Integer> numbers = new HashMap<>();
        int reached = 0;
        for (int i = 0; i < n; i++) {
            if (dirty[i]) {
                List<Node> blanks = units[i].blanks();
                for (int k = 0; k < blanks.size(); k++) {
                    byNumber[offset[i] + k] = blanks.get(k);
                    numbers.put(blanks.get(k), offset[i] + k + 1);
                }
            }
            reached += blankCounts[i];
        }
        if (old == null && reached != blankNodes) {
            return null;
        }

        // JSON-LD: node objects by id, IRIs and blank ids (_:b1, _:b10, …) merged in string order.
        int[] order = blankOrder(total);
        // An item is a subject's index, or minus a blank number.
        int[] items = new int[n + total];
        int b = 0;
        int count = 0;
        String blankId = order.length == 0 ? null : "_:b" + order[0];
        for (int i = 0; i <= n; i++) {
            while (b < order.length && (i == n || blankId.compareTo(subjects[i]) < 0)) {
                items[count++] = -order[b++];
                blankId = b < order.length ? "_:b" + order[b] : null;
            }
            if (i < n) {
                items[count++] = i;
            }
        }
        long[] jsonStart = new long[n];
        int[] jsonLength = new int[n];
        long[] blankStart = new long[total];
        int[] blankLength = new int[total];
        Function<Node, String> id = node -> {
            Integer k = numbers.get(node);
            if (k == null) {
                throw new IllegalStateException("blank node without a number: " + node);
            }
            return "_:b" + k;
        };
        // Render the dirty items in parallel batches; the rest is copied.
        List<CompletableFuture<String[]>> rendered = new ArrayList<>();
        for (int start = 0; start < items.length; start += BATCH * 4) {
            int s0 = start;
            int s1 = Math.min(items.length, start + BATCH * 4);
            rendered.add(CompletableFuture.supplyAsync(() -> {
                String[] texts = new String[s1 - s0];
                for (int k = s0; k < s1; k++) {
                    int item = items[k];
                    if (item >= 0 && dirty[item]) {
                        texts[k - s0] = text.jsonObject(nodes[item], subjects[item], id);
                    } else if (item < 0 && byNumber[-item - 1] != null) {
                        Node node = byNumber[-item - 1];
                        if (union.find(node, Node.ANY, Node.ANY).hasNext()) {
                            texts[k - s0] = text.jsonObject(node, "_:b" + -item, id);
                        }
                    }
                }
                return texts;
            }, executor));
        }
        long jsonFirst;
        try (Splice out = new Splice(jsonld, earlier == null ? null : earlier.jsonld())) {
            StringBuilder header = new StringBuilder("{\n  \"@context\": {");
            boolean firstPrefix = true;
            for (Map.Entry<String, String> e : new TreeMap<>(pm.getNsPrefixMap()).entrySet()) {
                if (e.getKey().isEmpty()) {
                    continue;
                }
                header.append(firstPrefix ? "\n" : ",\n").append("    ").append(JsonText.quote(e.getKey()))
                        .append(": ").append(JsonText.quote(e.getValue()));
                firstPrefix = false;
            }
            header.append("\n  },\n  \"@graph\": [");
            out.write(header.toString());
            jsonFirst = out.position() + 1;
            boolean first = true;
            for (int batch = 0; batch < rendered.size(); batch++) {
                String[] texts = Tasks.join(rendered.get(batch));
                for (int k = 0; k < texts.length; k++) {
                    int item = items[batch * BATCH * 4 + k];
                    long oldAt;
                    int length;
                    if (texts[k] != null) {
                        out.write(first ? "\n" : ",\n");
                        long at = out.position();
                        byte[] bytes = texts[k].getBytes(StandardCharsets.UTF_8);
                        out.write(bytes);
                        note(item, at, bytes.length, jsonStart, jsonLength, blankStart, blankLength);
                        first = false;
                        continue;
                    }
                    if (item >= 0) {
                        if (dirty[item]) {
                            throw new IllegalStateException("subject without text: " + subjects[item]);
                        }
                        oldAt = old.jsonStart[from[item]];
                        length = old.jsonLength[from[item]];
                    } else {
                        int number = -item;
                        if (byNumber[number - 1] != null || old.blankLength[number - 1] == 0) {
                            continue; // a blank node without triples of its own has no node object
                        }
                        oldAt = old.blankStart[number - 1];
                        length = old.blankLength[number - 1];
                    }
                    if (!first && oldAt != old.jsonFirst) {
                        out.copy(oldAt - 2, length + 2); // with the ",\n" before it, so that runs join
                    } else {
                        out.write(first ? "\n" : ",\n");
                        out.copy(oldAt, length);
                    }
                    note(item, out.position() - length, length, jsonStart, jsonLength, blankStart, blankLength);
                    first = false;
                }
                rendered.set(batch, null);
            }
            out.write("\n  ]\n}\n");
        }
        return new Layout(subjects, blankCounts, ttlStart, ttlLength, jsonStart, jsonLength, blankStart,
                blankLength, jsonFirst);
    }

    private static void note(int item, long at, int length, long[] jsonStart, int[] jsonLength, long[] blankStart,
            int[] blankLength) {
        if (item >= 0) {
            jsonStart[item] = at;
            jsonLength[item] = length;
        } else {
            blankStart[-item - 1] = at;
            blankLength[-item - 1] = length;
        }
    }

    /** Renders the units at {@code at} (ascending) in batches of {@link #BATCH}, one task each. */
    private static List<CompletableFuture<Void>> render(SubjectText text, Node[] nodes, SubjectText.Unit[] units,
            List<Integer> at, Executor executor) {
        List<CompletableFuture<Void>> out = new ArrayList<>();
        for (int start = 0; start < at.size(); start += BATCH) {
            List<Integer> batch = at.subList(start, Math.min(at.size(), start + BATCH));
            out.add(CompletableFuture.runAsync(() -> {
                for (int i : batch) {
                    units[i] = text.unit(nodes[i]);
                }
            }, executor));
        }
        return out;
    }


    /** The sorted subjects of a build and, for each, its index among the earlier build's (-1: written anew). */
    record Merged(String[] subjects, int[] from) {
    }

    /**
     * {@code old} (sorted, distinct) without the {@code changed} subjects, merged with {@code now} (the changed
     * subjects the graph still has, sorted): as a walk over every subject would merge them, but by binary search
     * and copies of the runs between, so that the earlier subjects are not each read.
     */
    static Merged merge(String[] old, Set<String> changed, List<String> now) {
        int[] out = changed.stream().mapToInt(c -> Arrays.binarySearch(old, c)).filter(i -> i >= 0).sorted()
                .toArray();
        int[] into = new int[now.size()]; // each new subject goes before old[into[k]], after the ones before it
        for (int k = 0; k < into.length; k++) {
            int r = Arrays.binarySearch(old, now.get(k));
            into[k] = r >= 0 ? r : -r - 1;
        }
        int n = old.length - out.length + now.size();
        String[] subjects = new String[n];
        int[] from = new int[n];
        int w = 0;
        int o = 0;
        int r = 0;
        int k = 0;
        while (o < old.length || k < into.length) {
            if (k < into.length && into[k] <= o) {
                subjects[w] = now.get(k++);
                from[w++] = -1;
            } else if (r < out.length && out[r] == o) {
                r++;
                o++;
            } else {
                int stop = old.length;
                if (r < out.length) {
                    stop = Math.min(stop, out[r]);
                }
                if (k < into.length) {
                    stop = Math.min(stop, into[k]);
                }
                System.arraycopy(old, o, subjects, w, stop - o);
                for (int i = o; i < stop; i++) {
                    from[w++] = i;
                }
                o = stop;
            }
        }
        return new Merged(subjects, from);
    }

    /** 1…{@code total} in the order of their strings ("1", "10", "100", …, "2", …). */
    static int[] blankOrder(int total) {
        int[] out = new int[total];
        int current = 1;
        for (int i = 0; i < total; i++) {
            out[i] = current;
            if ((long) current * 10 <= total) {
                current *= 10;
            } else {
                if (current >= total) {
                    current /= 10;
                }
                current++;
                while (current % 10 == 0) {
                    current /= 10;
                }
            }
        }
        return out;
    }

}
