package org.guidegraph.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class DotBuilderTest {

    private static final Pattern NODE = Pattern.compile("^  \"([^\"]+)\" \\[", Pattern.MULTILINE);
    private static final Pattern EDGE = Pattern.compile("^  \"([^\"]+)\" -> \"([^\"]+)\" \\[.*label=\"([^\"]*)\"",
            Pattern.MULTILINE);

    private final DotBuilder builder = new DotBuilder(Fixtures::href);

    @Test
    void hasANodeForEveryQuestionAndOutcomeAndAnEdgeForEveryOption() {
        DecisionTreeView tree = Fixtures.servingTree();
        String dot = builder.dot(tree);
        assertEquals(List.of("q-production", "q-platform", "q-management", "o-anything", "o-runtime", "o-wait-crd",
                "o-helm"), all(NODE, dot, 1));
        assertEquals(List.of(
                "q-production -> q-platform: Yes",
                "q-production -> o-anything: No (Testing/Learning)",
                "q-platform -> o-runtime: Yes",
                "q-platform -> q-management: No",
                "q-management -> o-wait-crd: Controller-managed",
                "q-management -> o-helm: Helm-based"), edges(dot));
    }

    @Test
    void showsOutcomesWithTheirStatusSymbolAndText() {
        String dot = builder.dot(Fixtures.servingTree());
        assertTrue(dot.contains("\"o-helm\" [id=\"gg-tree-o-helm\", class=\"outcome recommended\", style=\"rounded,filled\""), dot);
        assertTrue(dot.contains("label=\"✅ Use the Helm project\""), dot);
        assertTrue(dot.contains("class=\"outcome wait\""), dot);
        // the text does not name the approach: a line names it
        assertTrue(dot.contains("label=\"⚠️ Wait for the CRD to reach GA\\n→ Serving CRD\""), dot);
        // no status: no symbol and a plain "outcome" class
        assertTrue(dot.contains("class=\"outcome\", style=\"rounded,filled\", color=\"#6b6b6b\", fillcolor=\"#f2f2f2\","
                + " label=\"Any approach works\""), dot);
        assertTrue(dot.contains("\"q-production\" [id=\"gg-tree-q-production\", class=\"question\""), dot);
    }

    @Test
    void linksOutcomesToTheirApproachOrUseCaseThroughTheCallersFunction() {
        String dot = builder.dot(Fixtures.servingTree());
        assertTrue(dot.contains("URL=\"approach/helm.html\""), dot);
        assertTrue(dot.contains("URL=\"approach/crd.html\""), dot);
        assertTrue(dot.contains("URL=\"use-case/learning.html\""), dot);
        String unlinked = new DotBuilder(iri -> null).dot(Fixtures.servingTree());
        assertFalse(unlinked.contains("URL="), unlinked);
    }

    @Test
    void givesEveryNodeATooltipAndEscapesQuotesAndBackslashes() {
        String dot = builder.dot(Fixtures.servingTree());
        assertTrue(dot.contains("tooltip=\"Question: Are you using the \\\"Platform\\\" & its operator?\""), dot);
        assertTrue(dot.contains("tooltip=\"Recommended: Use the Helm project (Helm Project)\""), dot);
        // the note's backslash stays a backslash (Graphviz would read \c as an escape), backticks are dropped
        assertTrue(dot.contains("(see guides/QUICKSTART.md) \\\\ café\""), dot);
        assertEquals(7 + 6, count(dot, "tooltip=\""), "every node and edge has a tooltip");
    }

    @Test
    void wrapsLongTextOnWordsInBalancedLinesAndKeepsItsLineBreaks() {
        assertEquals(List.of("Do you want", "controller-managed", "or Helm-based?"),
                DotBuilder.wrap("Do you want controller-managed or Helm-based?", 22));
        // balanced rather than greedy ("Wait for KServe LLMD to" / "reach GA")
        assertEquals(List.of("Wait for KServe", "LLMD to reach GA"),
                DotBuilder.wrap("Wait for KServe LLMD to reach GA", 24));
        // ⚠️ (with its variation selector) counts as one character
        assertEquals(List.of("⚠️ Wait for the CRD to reach GA"), DotBuilder.wrap("⚠️ Wait for the CRD to reach GA", 30));
        assertEquals(List.of("Any approach works", "Start with llm-d"),
                DotBuilder.wrap("Any approach works\nStart with llm-d", 30));
    }

    @Test
    void writesTheSameTextForTheSameTreeLoadedTwice() {
        assertEquals(builder.dot(Fixtures.servingTree()), builder.dot(Fixtures.servingTree()));
    }

    @Test
    void usesAGenericFontAndNoAbsolutePaths() {
        String dot = builder.dot(Fixtures.servingTree());
        assertTrue(dot.contains("fontname=\"Helvetica\""), dot);
        assertFalse(dot.contains("URL=\"/"), dot);
        assertFalse(dot.contains("file:"), dot);
    }

    private static List<String> edges(String dot) {
        Matcher m = EDGE.matcher(dot);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1) + " -> " + m.group(2) + ": " + m.group(3));
        }
        return out;
    }

    private static List<String> all(Pattern p, String s, int group) {
        Matcher m = p.matcher(s);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(group));
        }
        return out;
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
