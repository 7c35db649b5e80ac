package org.guidegraph.diagram;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML for walking a decision tree without JavaScript, and a text alternative to the diagram.
 *
 * <p>{@link #wizard} writes one {@code <section>} per question ({@code id="q-<slug>"}) listing its options as links
 * to the anchor of what they lead to, and one per outcome ({@code id="o-<slug>"}) with the recommendation, its status
 * in symbol and words, the note, the reasons and the next steps; readers without JavaScript follow the path by links.
 * {@code wizard.js} turns the same markup into a one-question-at-a-time wizard; it reads only the {@code data-gg-*}
 * attributes and the link targets written here.
 *
 * <p>{@link #textAlternative} writes the tree as a nested list (question → options → what each leads to), with the
 * same links as the diagram's outcome nodes.
 *
 * <p>All text is HTML-escaped; inline code in the guide's text ({@code `like this`}) becomes {@code <code>}.
 */
public final class WizardMarkup {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private final Function<String, String> hrefForIri;
    private final int headingLevel;

    /**
     * @param hrefForIri the page of an approach or use case (relative, such as {@code approach/llm-d.html}), or
     *     null when it has none; the same function the {@link DotBuilder} gets
     */
    public WizardMarkup(Function<String, String> hrefForIri) {
        this(hrefForIri, 2);
    }

    private WizardMarkup(Function<String, String> hrefForIri, int headingLevel) {
        this.hrefForIri = Objects.requireNonNull(hrefForIri, "hrefForIri");
        this.headingLevel = headingLevel;
    }

    /**
     * The same markup with question and outcome headings at this level ({@code h2} by default); the outcome's
     * "Why" and "Next steps" headings are one level below.
     */
    public WizardMarkup headingLevel(int level) {
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("heading level must be 1 to 5 (sub-headings use one more), not "
                    + level);
        }
        return new WizardMarkup(hrefForIri, level);
    }

    /** The no-JavaScript walk: linked sections, root question first. */
    public String wizard(DecisionTreeView tree) {
        TreeIds ids = TreeIds.of(tree);
        String start = ids.anchor(tree.root().iri());
        StringBuilder h = new StringBuilder();
        h.append("<div class=\"gg-wizard\" id=\"gg-wizard-").append(ids.treeSlug())
                .append("\" data-gg-wizard data-gg-start=\"").append(start).append("\">\n");
        for (QuestionView q : tree.questions()) {
            String id = ids.anchor(q.iri());
            h.append("<section class=\"gg-wizard-step gg-wizard-question\" id=\"").append(id)
                    .append("\" aria-labelledby=\"").append(id).append("-title\">\n");
            heading(h, headingLevel, id + "-title", inline(q.text()));
            h.append("<ul class=\"gg-wizard-options\">\n");
            for (int i = 0; i < q.options().size(); i++) {
                OptionView o = q.options().get(i);
                h.append("<li><a class=\"gg-wizard-option\" href=\"#").append(ids.anchor(o.targetIri()))
                        .append("\" data-gg-option=\"").append(ids.optionSlug(q, i)).append("\">")
                        .append(inline(o.label())).append("</a></li>\n");
            }
            h.append("</ul>\n</section>\n");
        }
        for (OutcomeView o : tree.outcomes()) {
            outcome(h, o, ids.anchor(o.iri()), start);
        }
        h.append("</div>\n");
        return h.toString();
    }

    private void outcome(StringBuilder h, OutcomeView o, String id, String start) {
        String status = o.status() == null ? "" : " gg-status-" + TreeIds.slug(o.status());
        h.append("<section class=\"gg-wizard-step gg-wizard-outcome").append(status).append("\" id=\"").append(id)
                .append("\" aria-labelledby=\"").append(id).append("-title\">\n");
        heading(h, headingLevel, id + "-title", inline(o.label()));
        if (o.statusLabel() != null || o.statusSymbol() != null) {
            h.append("<p class=\"gg-wizard-status").append(status).append("\">");
            if (o.statusSymbol() != null) {
                h.append("<span class=\"gg-status-symbol\" aria-hidden=\"true\">").append(esc(o.statusSymbol()))
                        .append("</span> ");
            }
            h.append("<strong>").append(esc(o.statusLabel() != null ? o.statusLabel() : o.status()))
                    .append("</strong></p>\n");
        }
        String text = o.displayText();
        if (!text.equals(o.label())) {
            h.append("<p class=\"gg-wizard-text\">").append(inline(text)).append("</p>\n");
        }
        if (o.recommendsIri() != null) {
            h.append("<p class=\"gg-wizard-recommendation\">Approach: ")
                    .append(link(o.recommendsIri(), o.recommendsLabel())).append("</p>\n");
        }
        if (o.note() != null && !o.note().isBlank()) {
            h.append("<p class=\"gg-wizard-note\">").append(inline(o.note())).append("</p>\n");
        }
        if (!o.reasons().isEmpty()) {
            heading(h, headingLevel + 1, null, "Why");
            h.append("<ul class=\"gg-wizard-reasons\">\n");
            for (String r : o.reasons()) {
                h.append("<li>").append(inline(r)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        List<String> next = nextSteps(o);
        if (!next.isEmpty()) {
            heading(h, headingLevel + 1, null, "Next steps");
            h.append("<ul class=\"gg-wizard-next\">\n");
            next.forEach(n -> h.append("<li>").append(n).append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("<p class=\"gg-wizard-restart\"><a href=\"#").append(start).append("\" data-gg-restart>")
                .append("Start over</a></p>\n</section>\n");
    }

    private List<String> nextSteps(OutcomeView o) {
        List<String> out = new ArrayList<>();
        String approach = o.recommendsIri() == null ? null : hrefForIri.apply(o.recommendsIri());
        if (approach != null) {
            out.add("<a href=\"" + esc(approach) + "\">Read about " + esc(label(o.recommendsLabel(),
                    o.recommendsIri())) + "</a>");
        }
        String useCase = o.useCaseIri() == null ? null : hrefForIri.apply(o.useCaseIri());
        if (o.useCaseIri() != null) {
            String name = esc(label(o.useCaseLabel(), o.useCaseIri()));
            out.add(useCase == null ? "Use case: " + name
                    : "<a href=\"" + esc(useCase) + "\">Use case: " + name + "</a>");
        }
        for (LinkView r : o.resources()) {
            StringBuilder s = new StringBuilder();
            if (r.url() != null) {
                s.append("<a href=\"").append(esc(r.url())).append("\">").append(inline(r.label())).append("</a>");
            } else {
                s.append(inline(r.label()));
                if (r.path() != null) {
                    s.append(": <code>").append(esc(r.path())).append("</code>");
                }
            }
            if (r.comment() != null && !r.comment().isBlank()) {
                s.append(" (").append(inline(r.comment())).append(")");
            }
            out.add(s.toString());
        }
        return out;
    }

    /**
     * The tree as a nested list: each question, its options, and what each option leads to (the next question, or
     * the outcome with its status and a link to its approach or use case). A question reached by several paths is
     * listed under each.
     */
    public String textAlternative(DecisionTreeView tree) {
        StringBuilder h = new StringBuilder("<ul class=\"gg-tree-list\">\n<li>");
        question(h, tree, tree.root(), new HashSet<>());
        h.append("</li>\n</ul>\n");
        return h.toString();
    }

    private void question(StringBuilder h, DecisionTreeView tree, QuestionView q, Set<String> path) {
        h.append("<span class=\"gg-tree-question\">").append(inline(q.text())).append("</span>\n<ul>\n");
        path.add(q.iri());
        for (OptionView o : q.options()) {
            h.append("<li><span class=\"gg-tree-option\">").append(inline(o.label())).append("</span>: ");
            var next = tree.question(o.targetIri());
            if (next.isPresent() && path.contains(o.targetIri())) {
                // check rejects cycles; should one slip through, name it rather than recurse forever
                h.append("back to <span class=\"gg-tree-question\">").append(inline(next.get().text()))
                        .append("</span>");
            } else if (next.isPresent()) {
                question(h, tree, next.get(), path);
            } else {
                tree.outcome(o.targetIri()).ifPresent(out -> outcomeItem(h, out));
            }
            h.append("</li>\n");
        }
        path.remove(q.iri());
        h.append("</ul>\n");
    }

    private void outcomeItem(StringBuilder h, OutcomeView o) {
        String status = o.status() == null ? "" : " gg-status-" + TreeIds.slug(o.status());
        h.append("<span class=\"gg-tree-outcome").append(status).append("\">");
        if (o.statusSymbol() != null) {
            h.append("<span class=\"gg-status-symbol\" aria-hidden=\"true\">").append(esc(o.statusSymbol()))
                    .append("</span> ");
        }
        if (o.statusLabel() != null) {
            h.append(esc(o.statusLabel())).append(": ");
        }
        String href = o.linkIri() == null ? null : hrefForIri.apply(o.linkIri());
        String text = inline(o.displayText());
        h.append(href == null ? text : "<a href=\"" + esc(href) + "\">" + text + "</a>");
        if (o.recommendsLabel() != null && !o.displayText().toLowerCase(Locale.ROOT)
                .contains(o.recommendsLabel().toLowerCase(Locale.ROOT))) {
            h.append(" (").append(esc(o.recommendsLabel())).append(")");
        }
        h.append("</span>");
    }

    private String link(String iri, String label) {
        String href = hrefForIri.apply(iri);
        String text = esc(label(label, iri));
        return href == null ? text : "<a href=\"" + esc(href) + "\">" + text + "</a>";
    }

    private static String label(String label, String iri) {
        return label != null ? label : DecisionTreeQuery.localName(iri);
    }

    private static void heading(StringBuilder h, int level, String id, String html) {
        h.append("<h").append(level);
        if (id != null) {
            h.append(" id=\"").append(id).append("\" tabindex=\"-1\"");
        }
        h.append('>').append(html).append("</h").append(level).append(">\n");
    }

    /** Escaped text, with {@code `code`} spans as {@code <code>}. */
    static String inline(String text) {
        Matcher m = CODE.matcher(text);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            sb.append(esc(text.substring(last, m.start()))).append("<code>").append(esc(m.group(1)))
                    .append("</code>");
            last = m.end();
        }
        return sb.append(esc(text.substring(last))).toString();
    }

    /** HTML-escaped text, safe in content and in double-quoted attributes. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
