package org.guidegraph.diagram;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The layout engines a {@link GraphvizRenderer} can use, chosen by name. There is no automatic choice: probing
 * engines starts them, and GraalJS costs seconds and hundreds of megabytes to start even when another engine is then
 * used.
 */
public enum DiagramEngine {

    /** Graphviz compiled to JavaScript (viz.js), run by the J2V8 engine graphviz-java bundles (Linux x86-64). */
    V8("v8", "Graphviz in the V8 JavaScript engine bundled with graphviz-java, Linux x86-64; the default, "
            + "same SVG bytes on every machine"),
    /** The {@code dot} program of a Graphviz installation, found on {@code PATH}. */
    DOT("dot", "the 'dot' program of an installed Graphviz, found on PATH; its SVG differs from v8's"),
    /** Graphviz compiled to JavaScript, run by GraalJS, where its jars are on the class path. */
    GRAAL("graal", "Graphviz in GraalJS, portable but slow to start; needs org.graalvm.polyglot:polyglot and "
            + "js-community 23.1.x on the class path");

    /** The engine used when none is named. */
    public static final DiagramEngine DEFAULT = V8;

    private final String id;
    private final String description;

    DiagramEngine(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name users give ({@code v8}, {@code dot}, {@code graal}). */
    public String id() {
        return id;
    }

    /** One line on what the engine is and needs. */
    public String description() {
        return description;
    }

    /**
     * The engine with this name (case does not matter).
     *
     * @throws DiagramException naming the engines there are, when none has this name
     */
    public static DiagramEngine named(String name) {
        for (DiagramEngine e : values()) {
            if (e.id.equals(name == null ? "" : name.strip().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new DiagramException("unknown diagram engine '" + name + "': choose one of " + choices());
    }

    /** The engines, one per line, for messages: {@code v8 (…), dot (…), graal (…)}. */
    public static String choices() {
        return Arrays.stream(values()).map(e -> e.id + " (" + e.description + ")")
                .collect(Collectors.joining("; "));
    }
}
