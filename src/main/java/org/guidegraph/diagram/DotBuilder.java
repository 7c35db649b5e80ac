package org.guidegraph.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes a decision tree as Graphviz DOT: questions as boxes, outcomes as rounded boxes with their status symbol and
 * text, options as labelled edges.
 *
 * <p>The text is deterministic: node ids come from {@link TreeIds} (IRI slugs), and nodes and edges are written in
 * tree order (breadth-first from the root, options by {@code gg:order}, ties broken by label and IRI). Tree order
 * rather than alphabetical order, because with {@code ordering="out"} Graphviz places each question's options left to
 * right in the order it reads them: the diagram reads in the guide's order.
 *
 * <p>Every element carries a {@code class} ({@code question}, {@code outcome recommended}, {@code outcome wait},
 * {@code option}) and a stable {@code id}, so {@code diagram.css} can theme the SVG for light and dark; the colours
 * written here are the light theme, for an SVG viewed on its own. The font is Helvetica, a name Graphviz's built-in
 * metrics know (its Arial widths) and that SVG falls back from to the generic {@code sans-serif}; the layout never
 * depends on the fonts of the machine that builds it.
 */
public final class DotBuilder {

    /** The font Graphviz lays text out with; see the class comment. */
    public static final String FONT = "Helvetica";

    private static final int QUESTION_WRAP = 28;
    private static final int OUTCOME_WRAP = 30;
    private static final int OPTION_WRAP = 22;

    private final Function<String, String> hrefForIri;

    /**
     * @param hrefForIri the link for an outcome's {@linkplain OutcomeView#linkIri() approach or use case}, relative
     *     to the page the SVG is shown on (such as {@code approach/llm-d.html}); null for no link
     */
    public DotBuilder(Function<String, String> hrefForIri) {
        this.hrefForIri = Objects.requireNonNull(hrefForIri, "hrefForIri");
    }

    /** The DOT text of the tree. */
    public String dot(DecisionTreeView tree) {
        TreeIds ids = TreeIds.of(tree);
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(quote(tree.title())).append(" {\n");
        out.append("  graph [id=").append(quote("gg-" + ids.treeSlug()))
                .append(", class=\"gg-decision-tree\", rankdir=\"TB\", ordering=\"out\", bgcolor=\"transparent\","
                        + " nodesep=\"0.3\","
                        + " ranksep=\"0.45\", pad=\"0.1\", fontname=\"" + FONT + "\"];\n");
        out.append("  node [fontname=\"" + FONT + "\", fontsize=\"12\", shape=\"box\", style=\"filled\","
                + " margin=\"0.16,0.08\", penwidth=\"1.2\", fontcolor=\"#1a1a1a\"];\n");
        out.append("  edge [fontname=\"" + FONT + "\", fontsize=\"11\", arrowsize=\"0.7\", penwidth=\"1.1\","
                + " color=\"#5f6b7a\", fontcolor=\"#333333\"];\n");
        out.append("\n  // questions\n");
        for (QuestionView q : tree.questions()) {
            out.append("  ").append(quote(ids.anchor(q.iri()))).append(" [")
                    .append(attrs("id", ids.diagramId(q.iri()), "class", "question",
                            "color", "#3a5a9b", "fillcolor", "#e8eef9"))
                    .append(", label=").append(label(q.text(), QUESTION_WRAP))
                    .append(", ").append(attrs("tooltip", "Question: " + oneLine(q.text())))
                    .append("];\n");
        }
        out.append("\n  // outcomes\n");
        for (OutcomeView o : tree.outcomes()) {
            String status = o.status() == null ? "" : o.status();
            String text = o.displayText();
            List<String> lines = new ArrayList<>(wrap(o.statusSymbol() == null ? text : o.statusSymbol() + " " + text,
                    OUTCOME_WRAP));
            if (o.recommendsLabel() != null
                    && !text.toLowerCase(Locale.ROOT).contains(o.recommendsLabel().toLowerCase(Locale.ROOT))) {
                lines.addAll(wrap("→ " + o.recommendsLabel(), OUTCOME_WRAP));
            }
            out.append("  ").append(quote(ids.anchor(o.iri()))).append(" [")
                    .append(attrs("id", ids.diagramId(o.iri()),
                            "class", status.isEmpty() ? "outcome" : "outcome " + TreeIds.slug(status),
                            "style", "rounded,filled", "color", strokeFor(status), "fillcolor", fillFor(status)))
                    .append(", label=").append(joinLines(lines))
                    .append(", ").append(attrs("tooltip", tooltip(o)));
            String href = o.linkIri() == null ? null : hrefForIri.apply(o.linkIri());
            if (href != null && !href.isBlank()) {
                out.append(", ").append(attrs("URL", href));
            }
            out.append("];\n");
        }
        out.append("\n  // options\n");
        for (QuestionView q : tree.questions()) {
            for (int i = 0; i < q.options().size(); i++) {
                OptionView o = q.options().get(i);
                out.append("  ").append(quote(ids.anchor(q.iri()))).append(" -> ")
                        .append(quote(ids.anchor(o.targetIri()))).append(" [")
                        .append(attrs("id", "gg-" + ids.treeSlug() + "-e-" + ids.anchor(q.iri()) + "-"
                                + ids.optionSlug(q, i), "class", "option"))
                        .append(", label=").append(label(o.label(), OPTION_WRAP))
                        .append(", ").append(attrs("tooltip", oneLine(q.text()) + " → " + oneLine(o.label())))
                        .append("];\n");
            }
        }
        out.append("}\n");
        return out.toString();
    }

    private static String tooltip(OutcomeView o) {
        StringBuilder t = new StringBuilder();
        if (o.statusLabel() != null) {
            t.append(o.statusLabel()).append(": ");
        }
        t.append(oneLine(o.displayText()));
        if (o.recommendsLabel() != null) {
            t.append(" (").append(o.recommendsLabel()).append(")");
        }
        if (o.note() != null && !o.note().isBlank()) {
            t.append(". ").append(oneLine(o.note()));
        }
        return t.toString();
    }

    private static String strokeFor(String status) {
        return switch (status) {
            case "recommended" -> "#2e7d32";
            case "wait" -> "#b26a00";
            default -> "#6b6b6b";
        };
    }

    private static String fillFor(String status) {
        return switch (status) {
            case "recommended" -> "#e6f4ea";
            case "wait" -> "#fff4e0";
            default -> "#f2f2f2";
        };
    }

    private static String attrs(String... keyValues) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(keyValues[i]).append('=').append(quote(oneLine(keyValues[i + 1])));
        }
        return sb.toString();
    }

    private static String label(String text, int width) {
        return joinLines(wrap(text, width));
    }

    /** A quoted DOT label whose lines are centred ({@code \n}). */
    private static String joinLines(List<String> lines) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                sb.append("\\n");
            }
            sb.append(escape(lines.get(i)));
        }
        return sb.append('"').toString();
    }

    /**
     * Word wrap to at most {@code width} characters a line, balanced: of the wraps with the fewest lines, the one
     * with the narrowest longest line (so no word is left alone on a last line). The text's own line breaks are
     * kept; a word longer than the width gets its own line. Characters are counted as code points, without
     * variation selectors (⚠️ is one).
     */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : plain(text).strip().split("\\R")) {
            String[] words = paragraph.strip().split("\\s+");
            int count = greedy(words, width).size();
            int best = width;
            while (best > 1 && greedy(words, best - 1).size() == count) {
                best--;
            }
            lines.addAll(greedy(words, best));
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    private static List<String> greedy(String[] words, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int length = 0;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            int w = visibleLength(word);
            if (length > 0 && length + 1 + w > width) {
                lines.add(line.toString());
                line.setLength(0);
                length = 0;
            }
            if (length > 0) {
                line.append(' ');
                length++;
            }
            line.append(word);
            length += w;
        }
        if (length > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static int visibleLength(String s) {
        return (int) s.codePoints().filter(c -> c != 0xFE0F && c != 0xFE0E).count();
    }

    private static String oneLine(String s) {
        return s == null ? "" : plain(s).strip().replaceAll("\\s+", " ");
    }

    /** The guide's text may mark code with backticks; a diagram shows it as plain text. */
    private static String plain(String s) {
        return s.replaceAll("`([^`]+)`", "$1");
    }

    private static String quote(String s) {
        return '"' + escape(s) + '"';
    }

    /** Backslashes (Graphviz reads {@code \N}, {@code \G}, {@code \l} in strings) and quotes, made literal. */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
