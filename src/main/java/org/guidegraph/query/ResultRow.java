package org.guidegraph.query;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.apache.jena.rdf.model.RDFNode;

/**
 * One row of a query's results: its bound variables and their terms, in the query's order, read-only. A large
 * guide's queries return hundreds of thousands of rows, kept from one build to the next; a row is an array of
 * terms beside its query's shared {@link Columns}, a fraction of the memory of a hash map per row. Equal to any map
 * of the same variables and terms, as maps are.
 */
final class ResultRow extends AbstractMap<String, RDFNode> {

    /** The variables of a query's rows, in order, shared by all of them. */
    static final class Columns {
        private final String[] names;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Columns> without = new java.util.concurrent.ConcurrentHashMap<>();

        Columns(List<String> names) {
            this.names = names.toArray(new String[0]);
            for (int i = 0; i < this.names.length; i++) {
                index.putIfAbsent(this.names[i], i);
            }
        }

        int size() {
            return names.length;
        }

        /** These columns less {@code name}. */
        Columns without(String name) {
            return without.computeIfAbsent(name, n -> new Columns(
                    Arrays.stream(names).filter(x -> !x.equals(n)).toList()));
        }
    }

    private final Columns columns;
    private final RDFNode[] terms;
    private final int size;

    /** A row of {@code columns} whose terms are {@code terms}, one per column, null where unbound (not copied). */
    ResultRow(Columns columns, RDFNode[] terms) {
        if (terms.length != columns.size()) {
            throw new IllegalArgumentException(terms.length + " terms for " + columns.size() + " columns");
        }
        this.columns = columns;
        this.terms = terms;
        int n = 0;
        for (RDFNode t : terms) {
            if (t != null) {
                n++;
            }
        }
        this.size = n;
    }

    /** This row without the variable {@code name}. */
    ResultRow without(String name) {
        Integer at = columns.index.get(name);
        if (at == null) {
            return this;
        }
        RDFNode[] rest = new RDFNode[terms.length - 1];
        System.arraycopy(terms, 0, rest, 0, at);
        System.arraycopy(terms, at + 1, rest, at, terms.length - at - 1);
        return new ResultRow(columns.without(name), rest);
    }

    @Override
    public RDFNode get(Object key) {
        Integer at = columns.index.get(key);
        return at == null ? null : terms[at];
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof ResultRow r && r.columns == columns) {
            return Arrays.equals(terms, r.terms);
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public Set<Entry<String, RDFNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, RDFNode>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < terms.length && terms[i] == null) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < terms.length;
                    }

                    @Override
                    public Entry<String, RDFNode> next() {
                        if (next >= terms.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, RDFNode> e = new SimpleImmutableEntry<>(columns.names[next], terms[next]);
                        next = advance(next + 1);
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
