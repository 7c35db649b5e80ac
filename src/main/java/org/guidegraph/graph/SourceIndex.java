package org.guidegraph.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.guidegraph.diagnostic.SourcePosition;

/**
 * Where things are written in the guide's Turtle files: the position of each subject's definition, of each
 * (subject, predicate) pair and of every use of an IRI. Diagnostics use it to name {@code file:line:col}.
 */
public final class SourceIndex {

    private final Map<String, List<SourcePosition>> definitions = new HashMap<>();
    private final Map<String, SourcePosition> pairs = new HashMap<>();
    private final Map<String, List<SourcePosition>> uses = new HashMap<>();
    private final Map<String, List<SourcePosition>> predicateUses = new HashMap<>();
    private final Map<String, List<SourcePosition>> classUses = new HashMap<>();
    private final Set<String> files = new TreeSet<>();

    void defineSubject(String iri, SourcePosition at) {
        definitions.computeIfAbsent(iri, k -> new ArrayList<>()).add(at);
        files.add(at.file());
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

    /** Where the subject is first written as a subject, or null if nowhere. */
    public SourcePosition definition(String iri) {
        List<SourcePosition> list = definitions.get(iri);
        return list == null ? null : Collections.min(list);
    }

    /** Every place where the IRI starts a statement as subject, in file order. */
    public List<SourcePosition> definitions(String iri) {
        List<SourcePosition> list = definitions.getOrDefault(iri, List.of());
        List<SourcePosition> sorted = new ArrayList<>(list);
        Collections.sort(sorted);
        return sorted;
    }

    /** Where the predicate is written for the subject, or null. */
    public SourcePosition pair(String subject, String predicate) {
        return pairs.get(subject + ' ' + predicate);
    }

    /** Every place the IRI is written, in any role, sorted. */
    public List<SourcePosition> uses(String iri) {
        List<SourcePosition> sorted = new ArrayList<>(uses.getOrDefault(iri, List.of()));
        Collections.sort(sorted);
        return sorted;
    }

    /** Every place the IRI is written as a predicate, sorted. */
    public List<SourcePosition> predicateUses(String iri) {
        List<SourcePosition> sorted = new ArrayList<>(predicateUses.getOrDefault(iri, List.of()));
        Collections.sort(sorted);
        return sorted;
    }

    /** Every place the IRI is written as the object of {@code a}/{@code rdf:type}, sorted. */
    public List<SourcePosition> classUses(String iri) {
        List<SourcePosition> sorted = new ArrayList<>(classUses.getOrDefault(iri, List.of()));
        Collections.sort(sorted);
        return sorted;
    }

    /** All predicates written in the indexed files. */
    public Set<String> predicates() {
        return new TreeSet<>(predicateUses.keySet());
    }

    /** All classes written as the object of {@code a}/{@code rdf:type}. */
    public Set<String> classes() {
        return new TreeSet<>(classUses.keySet());
    }
}
