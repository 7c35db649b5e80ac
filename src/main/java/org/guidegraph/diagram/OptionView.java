package org.guidegraph.diagram;

/**
 * One answer to a question.
 *
 * @param label what the reader picks ("Yes")
 * @param order its {@code gg:order} (1-based), or 0 when the graph gives none
 * @param targetIri the question or outcome it leads to
 */
public record OptionView(String label, int order, String targetIri) {
}
