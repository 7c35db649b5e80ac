package org.guidegraph.graph;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * What changed in a guide's graph (ontology and content together) between two loads of the same guide: the triples
 * the earlier graph had and the later has not, and the other way round. A triple written in two files and removed
 * from one only is not removed. Blank nodes of a file that was read again are new nodes, so its triples that hold
 * blank nodes show as removed and added.
 *
 * @param removed triples of the earlier graph missing from the later one
 * @param added triples of the later graph missing from the earlier one
 * @param ontologyChanged true if an ontology file (vocabulary, shapes) was added, removed or changed
 */
public record GraphDelta(Set<Triple> removed, Set<Triple> added, boolean ontologyChanged) {

    public GraphDelta {
        removed = Collections.unmodifiableSet(removed);
        added = Collections.unmodifiableSet(added);
    }

    /** True if the two graphs hold the same triples. */
    public boolean isEmpty() {
        return removed.isEmpty() && added.isEmpty();
    }

    /** Every triple that was removed or added. */
    public Set<Triple> triples() {
        Set<Triple> all = new HashSet<>(removed);
        all.addAll(added);
        return all;
    }

    /** The subjects of the removed and added triples. */
    public Set<Node> subjects() {
        Set<Node> out = new HashSet<>();
        removed.forEach(t -> out.add(t.getSubject()));
        added.forEach(t -> out.add(t.getSubject()));
        return out;
    }

    /** The subjects and objects of the removed and added triples (the nodes whose descriptions changed). */
    public Set<Node> nodes() {
        Set<Node> out = subjects();
        removed.forEach(t -> out.add(t.getObject()));
        added.forEach(t -> out.add(t.getObject()));
        return out;
    }
}
