package org.guidegraph.query;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

import org.apache.jena.graph.Node;

/**
 * The pivot values of a query's rows ({@link PartialRerun}), with their hash codes in an array of their own. A
 * partial re-run looks through every row's pivot for the few values a change reached: reading the hash codes in
 * order costs next to nothing, where asking each node for its hash reads two objects scattered over the heap (the
 * node and its label) for each of tens of thousands of rows. Immutable; {@link Builder} makes one.
 */
final class Pivots extends AbstractList<Node> implements RandomAccess {

    private static final Pivots EMPTY = new Pivots(new Node[0], new int[0], 0);

    private final Node[] nodes;
    private final int[] hashes;
    private final int size;

    private Pivots(Node[] nodes, int[] hashes, int size) {
        this.nodes = nodes;
        this.hashes = hashes;
        this.size = size;
    }

    /** {@code pivots} itself if it is a {@code Pivots}, else its values (null for a row without one) copied. */
    static Pivots of(List<Node> pivots) {
        if (pivots instanceof Pivots p) {
            return p;
        }
        if (pivots.isEmpty()) {
            return EMPTY;
        }
        Builder b = new Builder(pivots.size());
        for (Node n : pivots) {
            b.add(n);
        }
        return b.build();
    }

    /** The hash code of a pivot value (0 for none). */
    static int hash(Node n) {
        return n == null ? 0 : n.hashCode();
    }

    @Override
    public Node get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return nodes[index];
    }

    /** The hash code of the pivot of row {@code index}, as {@link #hash(Node)} gives it. */
    int hashAt(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return hashes[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** Pivot values appended, whole ranges of other {@code Pivots} at a time, or inserted one by one. */
    static final class Builder {
        private Node[] nodes;
        private int[] hashes;
        private int size;

        Builder(int capacity) {
            nodes = new Node[Math.max(capacity, 4)];
            hashes = new int[nodes.length];
        }

        /** Appends {@code n}. */
        void add(Node n) {
            insert(size, n);
        }

        /** Inserts {@code n} at {@code index}, moving the values from there one place on. */
        void insert(int index, Node n) {
            if (index < 0 || index > size) {
                throw new IndexOutOfBoundsException(index);
            }
            grow(size + 1);
            System.arraycopy(nodes, index, nodes, index + 1, size - index);
            System.arraycopy(hashes, index, hashes, index + 1, size - index);
            nodes[index] = n;
            hashes[index] = hash(n);
            size++;
        }

        /** Appends the values of {@code from} from index {@code start} (inclusive) to {@code end} (exclusive). */
        void addRange(Pivots from, int start, int end) {
            if (start < 0 || end > from.size || start > end) {
                throw new IndexOutOfBoundsException(start + ".." + end + " of " + from.size);
            }
            int n = end - start;
            grow(size + n);
            System.arraycopy(from.nodes, start, nodes, size, n);
            System.arraycopy(from.hashes, start, hashes, size, n);
            size += n;
        }

        /** The value at {@code index} so far. */
        Node get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return nodes[index];
        }

        int size() {
            return size;
        }

        /** The values added, as {@code Pivots}; the builder is spent. */
        Pivots build() {
            Pivots out = size == 0 ? EMPTY : new Pivots(nodes, hashes, size);
            nodes = null;
            hashes = null;
            return out;
        }

        private void grow(int needed) {
            if (needed > nodes.length) {
                int capacity = Math.max(needed, nodes.length + (nodes.length >> 1));
                nodes = Arrays.copyOf(nodes, capacity);
                hashes = Arrays.copyOf(hashes, capacity);
            }
        }
    }
}
