package org.guidegraph.diagram;

import java.util.List;

/**
 * A question of a decision tree.
 *
 * @param iri the question's IRI
 * @param text the question as the reader sees it
 * @param options its answers, in {@code gg:order} (then label, then target) order
 */
public record QuestionView(String iri, String text, List<OptionView> options) {

    public QuestionView {
        options = List.copyOf(options);
    }
}
