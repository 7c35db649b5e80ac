package org.guidegraph.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.util.iterator.ExtendedIterator;

import org.guidegraph.internal.Workers;

/** Small helpers for the writers that run as tasks and read whole graphs. */
public final class Tasks {

    private Tasks() {
    }

    /** The task's result; an I/O error inside the task is rethrown as such, other failures as they were. */
    public static <T> T join(CompletableFuture<T> task) throws IOException {
        try {
            return Workers.join(task);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The distinct subjects of a graph, in the graph's order. Jena's {@code listSubjects} puts every triple's
     * subject in a set; a graph lists a subject's triples together, so here only a change of subject does.
     */
    public static List<Node> subjects(Graph g) {
        List<Node> subjects = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        Node last = null;
        ExtendedIterator<Triple> it = g.find(Node.ANY, Node.ANY, Node.ANY);
        try {
            while (it.hasNext()) {
                Node s = it.next().getSubject();
                if (!s.equals(last) && seen.add(s)) {
                    subjects.add(s);
                }
                last = s;
            }
        } finally {
            it.close();
        }
        return subjects;
    }
}
