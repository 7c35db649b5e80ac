package org.guidegraph.diagram;

import java.util.List;

/**
 * A leaf of a decision tree: what the guide tells the reader to do.
 *
 * @param iri the outcome's IRI
 * @param label its short name
 * @param text the exact source text (may be null; then the label stands for it)
 * @param status "recommended" or "wait" (the lower-cased local name of its {@code gg:status}), or null
 * @param statusSymbol the status's symbol (✅, ⚠️), or null
 * @param recommendsIri the approach it recommends, or null
 * @param recommendsLabel that approach's name, or null
 * @param useCaseIri the use case it belongs to, or null
 * @param useCaseLabel that use case's name, or null
 * @param note a remark shown with the outcome, or null
 * @param resources links to read next, in order
 * @param statusLabel the status as words ("Recommended", "Wait"), or null when there is no status
 * @param reasons why: the reasons of the outcome's use case, in order (may be empty)
 */
public record OutcomeView(String iri, String label, String text, String status, String statusSymbol,
        String recommendsIri, String recommendsLabel, String useCaseIri, String useCaseLabel, String note,
        List<LinkView> resources, String statusLabel, List<String> reasons) {

    public OutcomeView {
        resources = List.copyOf(resources);
        reasons = List.copyOf(reasons);
    }

    /**
     * The text to show: the source text, or the label when there is none, without a leading status symbol (the
     * diagram and the wizard show the symbol themselves).
     */
    public String displayText() {
        String t = text != null && !text.isBlank() ? text.strip() : label;
        if (t != null && statusSymbol != null && t.startsWith(statusSymbol)) {
            t = t.substring(statusSymbol.length()).strip();
        }
        return t == null ? "" : t;
    }

    /** The IRI a diagram node or summary links to: the recommended approach, else the use case, else null. */
    public String linkIri() {
        return recommendsIri != null ? recommendsIri : useCaseIri;
    }
}
