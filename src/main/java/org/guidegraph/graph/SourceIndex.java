package org.guidegraph.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.guidegraph.diagnostic.SourcePosition;

/**
 * Where things are written in the guide's Turtle files: the position of each subject's definition, of each
 * (subject, predicate) pair and of every use of an IRI. Diagnostics use it to name {@code file:line:col}.
 *
 * <p>Each file has its own part, filled while that file is read (files are read in parallel); a question looks at
 * the parts in file order, which gives the answers one index filled file after file would give.
 */
public final class SourceIndex {

    private final java.util.function.Supplier<List<Part>> source;
    private List<Part> parts;

    /** An index of no files. */
    SourceIndex() {
        this(List.of());
    }

    /** An index of the files whose parts are given, in file order. */
    SourceIndex(List<Part> parts) {
        this(() -> parts);
    }

    /**
     * An index whose parts (in file order) are made when a question first needs them: a guide without problems
     * never asks where anything is written, so its files are not read a second time for positions.
     */
    SourceIndex(java.util.function.Supplier<List<Part>> parts) {
        this.source = parts;
    }

    /** The positions written in one file. */
    static final class Part {
        private final Map<String, List<SourcePosition>> definitions = new HashMap<>();
        private final Map<String, SourcePosition> pairs = new HashMap<>();
        private final Map<String, List<SourcePosition>> uses = new HashMap<>();
        private final Map<String, List<SourcePosition>> predicateUses = new HashMap<>();
        private final Map<String, List<SourcePosition>> classUses = new HashMap<>();

        void defineSubject(String iri, SourcePosition at) {
            definitions.computeIfAbsent(iri, k -> new ArrayList<>()).add(at);
        }

        void pair(String subject, String predicate, SourcePosition at) {
            pairs.putIfAbsent(subject + ' ' + predicate, at);
        }

        void use(String iri, SourcePosition at) {
            uses.computeIfAbsent(iri, k -> new ArrayList<>()).add(at);
        }

        void usePredicate(String iri, SourcePosition at) {
            predicateUses.computeIfAbsent(iri, k -> new ArrayList<>()).add(at);
        }

        void useClass(String iri, SourcePosition at) {
            classUses.computeIfAbsent(iri, k -> new ArrayList<>()).add(at);
        }
    }

    /** Where the subject is first written as a subject, or null if nowhere. */
    public SourcePosition definition(String iri) {
        List<SourcePosition> all = all(p -> p.definitions, iri);
        return all.isEmpty() ? null : Collections.min(all);
    }

    /** Every place where the IRI starts a statement as subject, in file order. */
    public List<SourcePosition> definitions(String iri) {
        return sorted(all(p -> p.definitions, iri));
    }

    /** Where the predicate is written for the subject, or null. */
    public SourcePosition pair(String subject, String predicate) {
        String key = subject + ' ' + predicate;
        for (Part p : parts()) {
            SourcePosition at = p.pairs.get(key);
            if (at != null) {
                return at;
            }
        }
        return null;
    }

    /** Every place the IRI is written, in any role, sorted. */
    public List<SourcePosition> uses(String iri) {
        return sorted(all(p -> p.uses, iri));
    }

    /** Every place the IRI is written as a predicate, sorted. */
    public List<SourcePosition> predicateUses(String iri) {
        return sorted(all(p -> p.predicateUses, iri));
    }

    /** Every place the IRI is written as the object of {@code a}/{@code rdf:type}, sorted. */
    public List<SourcePosition> classUses(String iri) {
        return sorted(all(p -> p.classUses, iri));
    }

    /** All predicates written in the indexed files. */
    public Set<String> predicates() {
        Set<String> all = new TreeSet<>();
        parts().forEach(p -> all.addAll(p.predicateUses.keySet()));
        return all;
    }

    /** All classes written as the object of {@code a}/{@code rdf:type}. */
    public Set<String> classes() {
        Set<String> all = new TreeSet<>();
        parts().forEach(p -> all.addAll(p.classUses.keySet()));
        return all;
    }

    private List<SourcePosition> all(Function<Part, Map<String, List<SourcePosition>>> map, String iri) {
        List<SourcePosition> all = new ArrayList<>();
        for (Part p : parts()) {
            all.addAll(map.apply(p).getOrDefault(iri, List.of()));
        }
        return all;
    }

    private static List<SourcePosition> sorted(List<SourcePosition> list) {
        Collections.sort(list);
        return list;
    }

    /** The parts, made on first use. */
    private synchronized List<Part> parts() {
        if (parts == null) {
            parts = List.copyOf(source.get());
        }
        return parts;
    }
}
