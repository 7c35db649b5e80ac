package org.guidegraph.diagram;

import java.util.List;
import java.util.Optional;

/**
 * One decision tree, ready to draw or walk. Questions and outcomes are listed in the order a reader meets them
 * walking breadth-first from the root through options in order, so the first question is {@link #root()}.
 *
 * @param treeIri the {@code gg:DecisionTree}'s IRI
 * @param root the first question
 * @param questions every question reachable from the root, root first
 * @param outcomes every outcome reachable from the root
 * @param label the tree's {@code rdfs:label}, or null
 */
public record DecisionTreeView(String treeIri, QuestionView root, List<QuestionView> questions,
        List<OutcomeView> outcomes, String label) {

    public DecisionTreeView {
        questions = List.copyOf(questions);
        outcomes = List.copyOf(outcomes);
    }

    /** The question with this IRI, if it is part of the tree. */
    public Optional<QuestionView> question(String iri) {
        return questions.stream().filter(q -> q.iri().equals(iri)).findFirst();
    }

    /** The outcome with this IRI, if it is part of the tree. */
    public Optional<OutcomeView> outcome(String iri) {
        return outcomes.stream().filter(o -> o.iri().equals(iri)).findFirst();
    }

    /** The label, or a generic name when the graph gives none. */
    public String title() {
        return label == null || label.isBlank() ? "Decision tree" : label;
    }
}
