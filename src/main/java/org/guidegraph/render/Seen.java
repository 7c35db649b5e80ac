package org.guidegraph.render;

import java.util.HashSet;
import java.util.Set;

/**
 * A set for templates that mark things as they list them ({@code <#if seen.first(iri)>}): Freemarker's sequences
 * are immutable, and growing one with {@code seen + [x]} while testing {@code ?seq_contains} costs time quadratic
 * (or worse) in the number of things listed.
 */
public final class Seen {

    private final Set<Object> items = new HashSet<>();

    /** True the first time {@code key} is offered, false after. */
    public boolean first(Object key) {
        return items.add(key);
    }
}
