package org.guidegraph.diagram;

/**
 * Lays DOT text out as SVG ready to inline in a page. Implementations are thread-safe; the same DOT gives the same
 * SVG bytes.
 */
@FunctionalInterface
public interface DiagramRenderer {

    /**
     * The SVG for this DOT text.
     *
     * @throws DiagramException when the engine cannot start or the DOT cannot be laid out
     */
    String render(String dot);
}
