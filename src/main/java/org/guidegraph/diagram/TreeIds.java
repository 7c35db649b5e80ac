package org.guidegraph.diagram;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names the diagram, the wizard markup and {@code wizard.js} share for one tree: anchors {@code q-<slug>} for
 * questions and {@code o-<slug>} for outcomes (the slug is the last segment of the IRI), and per-question option slugs
 * used in the wizard's URL ({@code #path=yes/no/helm-based}). Slugs are lower-case {@code [a-z0-9-]}; when two
 * nodes would get the same one, the one whose IRI sorts later gets {@code -2}, {@code -3}, … so ids stay unique and
 * stable.
 */
public final class TreeIds {

    private final String treeSlug;
    private final Map<String, String> anchors = new HashMap<>();
    private final Map<String, List<String>> optionSlugs = new HashMap<>();

    private TreeIds(DecisionTreeView tree) {
        this.treeSlug = slug(DecisionTreeQuery.localName(tree.treeIri()));
        Set<String> questions = new TreeSet<>();
        tree.questions().forEach(q -> questions.add(q.iri()));
        Set<String> outcomes = new TreeSet<>();
        tree.outcomes().forEach(o -> outcomes.add(o.iri()));
        assign(questions, "q-");
        assign(outcomes, "o-");
        for (QuestionView q : tree.questions()) {
            List<String> slugs = new ArrayList<>();
            Set<String> used = new HashSet<>();
            for (OptionView o : q.options()) {
                slugs.add(unique(slug(o.label()), used));
            }
            optionSlugs.put(q.iri(), List.copyOf(slugs));
        }
    }

    /** The ids of this tree's nodes and options. */
    public static TreeIds of(DecisionTreeView tree) {
        return new TreeIds(tree);
    }

    /** A slug for the tree itself (from its IRI), used to prefix diagram element ids. */
    public String treeSlug() {
        return treeSlug;
    }

    /** The anchor of a question ({@code q-<slug>}) or outcome ({@code o-<slug>}) of the tree. */
    public String anchor(String nodeIri) {
        String a = anchors.get(nodeIri);
        if (a == null) {
            throw new IllegalArgumentException("not a question or outcome of this tree: " + nodeIri);
        }
        return a;
    }

    /** The slug of an option, unique among the options of its question, for the wizard's URL path. */
    public String optionSlug(QuestionView question, int optionIndex) {
        List<String> slugs = optionSlugs.get(question.iri());
        if (slugs == null) {
            throw new IllegalArgumentException("not a question of this tree: " + question.iri());
        }
        return slugs.get(optionIndex);
    }

    /** The id of a diagram element for a node: the anchor, prefixed so it never clashes with the wizard's. */
    public String diagramId(String nodeIri) {
        return "gg-" + treeSlug + "-" + anchor(nodeIri);
    }

    private void assign(Set<String> sortedIris, String prefix) {
        Set<String> used = new HashSet<>();
        for (String iri : sortedIris) {
            anchors.put(iri, prefix + unique(slug(DecisionTreeQuery.localName(iri)), used));
        }
    }

    private static String unique(String base, Set<String> used) {
        String s = base;
        for (int n = 2; !used.add(s); n++) {
            s = base + "-" + n;
        }
        return s;
    }

    /** Lower-case ASCII letters and digits (accents dropped), other runs of characters as one '-'; "node" when nothing is left. */
    static String slug(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String s = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "node" : s;
    }
}
