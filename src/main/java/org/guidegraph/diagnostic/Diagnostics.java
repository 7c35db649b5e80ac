package org.guidegraph.diagnostic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects diagnostics from every stage so all problems are reported in one run, not just the first.
 * The list is capped so a badly broken guide cannot flood the terminal; the number dropped is kept.
 */
public final class Diagnostics {

    /** More than this many diagnostics are counted but not kept. */
    public static final int DEFAULT_CAP = 500;

    private final Set<Diagnostic> items = new LinkedHashSet<>();
    private final int cap;
    private int dropped;
    private int errors;
    private int warnings;

    public Diagnostics() {
        this(DEFAULT_CAP);
    }

    public Diagnostics(int cap) {
        this.cap = cap;
    }

    /** Adds one diagnostic; an identical one already present is ignored. */
    public void add(Diagnostic d) {
        if (items.contains(d)) {
            return;
        }
        if (d.isError()) {
            errors++;
        } else {
            warnings++;
        }
        if (items.size() < cap) {
            items.add(d);
        } else {
            dropped++;
        }
    }

    public void addAll(Iterable<Diagnostic> ds) {
        ds.forEach(this::add);
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public int errorCount() {
        return errors;
    }

    public int warningCount() {
        return warnings;
    }

    /** How many diagnostics went past the cap and are not listed. */
    public int dropped() {
        return dropped;
    }

    /** The kept diagnostics, in {@link Diagnostic#ORDER}. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(items);
        list.sort(Diagnostic.ORDER);
        return list;
    }
}
