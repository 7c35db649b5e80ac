package org.guidegraph.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class WizardMarkupTest {

    private final WizardMarkup markup = new WizardMarkup(Fixtures::href);

    @Test
    void hasAnAnchorForEveryQuestionAndOutcome() {
        DecisionTreeView tree = Fixtures.servingTree();
        Document doc = Jsoup.parseBodyFragment(markup.wizard(tree));
        assertEquals(List.of("q-production", "q-platform", "q-management", "o-anything", "o-runtime", "o-wait-crd",
                "o-helm"), doc.select("section.gg-wizard-step").eachAttr("id"));
        Element root = doc.selectFirst("[data-gg-wizard]");
        assertNotNull(root);
        assertEquals("q-production", root.attr("data-gg-start"));
    }

    @Test
    void linksEveryOptionToTheAnchorOfWhereItLeads() {
        DecisionTreeView tree = Fixtures.servingTree();
        TreeIds ids = TreeIds.of(tree);
        Document doc = Jsoup.parseBodyFragment(markup.wizard(tree));
        for (QuestionView q : tree.questions()) {
            Element section = doc.getElementById(ids.anchor(q.iri()));
            assertNotNull(section, q.iri());
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < q.options().size(); i++) {
                OptionView o = q.options().get(i);
                expected.add(o.label() + " #" + ids.anchor(o.targetIri()) + " " + ids.optionSlug(q, i));
            }
            List<String> actual = new ArrayList<>();
            for (Element a : section.select("a.gg-wizard-option")) {
                actual.add(a.text() + " " + a.attr("href") + " " + a.attr("data-gg-option"));
            }
            assertEquals(expected, actual, q.iri());
        }
        assertEquals("no-testing-learning", doc.select("#q-production a.gg-wizard-option").get(1)
                .attr("data-gg-option"));
    }

    @Test
    void resolvesEveryInternalLinkInATreeOfDepthFourAndBreadthThree() {
        DecisionTreeView tree = DecisionTreeQuery.builtIn().all(Fixtures.generated("https://example.org/g/", 4, 3))
                .get(0);
        Document doc = Jsoup.parseBodyFragment(markup.wizard(tree));
        Set<String> ids = new HashSet<>(doc.select("[id]").eachAttr("id"));
        assertEquals(doc.select("[id]").size(), ids.size(), "ids are unique");
        assertEquals(40 + 81, doc.select("section.gg-wizard-step").size());
        assertEquals(120, doc.select("a.gg-wizard-option").size());
        for (Element a : doc.select("a[href^=#]")) {
            assertTrue(ids.contains(a.attr("href").substring(1)), a.outerHtml());
        }
    }

    @Test
    void showsAnOutcomesStatusInSymbolAndWordsWithItsReasonsAndNextSteps() {
        Document doc = Jsoup.parseBodyFragment(markup.wizard(Fixtures.servingTree()));
        Element helm = doc.getElementById("o-helm");
        assertNotNull(helm);
        assertEquals("Use the Helm project", helm.selectFirst("h2#o-helm-title[tabindex=-1]").text());
        assertEquals("✅ Recommended", helm.selectFirst(".gg-wizard-status.gg-status-recommended").text());
        assertEquals("true", helm.selectFirst(".gg-status-symbol").attr("aria-hidden"));
        assertEquals("approach/helm.html", helm.selectFirst(".gg-wizard-recommendation a").attr("href"));
        assertEquals(List.of("Production-tested and benchmarked", "Intelligent scheduling included",
                "Works with helmfile"), helm.select(".gg-wizard-reasons li").eachText());
        assertEquals("<code>helmfile</code>", helm.select(".gg-wizard-reasons li").get(2).selectFirst("code")
                .outerHtml());
        assertEquals(List.of("Read about Helm Project", "Use case: Production serving (general)", "Website",
                "Repository (Start here)"), helm.select(".gg-wizard-next li").eachText());
        assertEquals(List.of("approach/helm.html", "use-case/production.html", "https://example.org/helm-project",
                "https://example.org/helm-project/repo"), helm.select(".gg-wizard-next a").eachAttr("href"));
        assertEquals(List.of("Why", "Next steps"), helm.select("h3").eachText());
        assertEquals("#q-production", helm.selectFirst("[data-gg-restart]").attr("href"));

        Element wait = doc.getElementById("o-wait-crd");
        assertNotNull(wait);
        assertEquals("⚠️ Wait", wait.selectFirst(".gg-wizard-status.gg-status-wait").text());
        assertEquals("Wait for the CRD to reach GA", wait.selectFirst(".gg-wizard-text").text());

        Element any = doc.getElementById("o-anything");
        assertNotNull(any);
        assertTrue(any.select(".gg-wizard-status").isEmpty(), "no status, no status line");
        assertEquals("Quickstart: guides/QUICKSTART.md", any.select(".gg-wizard-next li").get(1).text());
        assertTrue(any.select(".gg-wizard-next li").get(1).select("a").isEmpty(), "a path is never a link");
    }

    @Test
    void escapesTheGuidesText() {
        String html = markup.wizard(Fixtures.servingTree());
        assertTrue(html.contains(">Are you using the &quot;Platform&quot; &amp; its operator?</h2>"), html);
        assertFalse(html.contains("\"Platform\" &"), html);
    }

    @Test
    void writesTheTreeAsANestedListOfQuestionsOptionsAndOutcomes() {
        Document doc = Jsoup.parseBodyFragment(markup.textAlternative(Fixtures.servingTree()));
        Element top = doc.selectFirst("ul.gg-tree-list > li");
        assertNotNull(top);
        assertEquals("Do you need to serve models in production?", top.selectFirst("> .gg-tree-question").text());
        List<String> options = top.select("> ul > li > .gg-tree-option").eachText();
        assertEquals(List.of("Yes", "No (Testing/Learning)"), options);
        Element helm = doc.select(".gg-tree-outcome").stream().filter(e -> e.text().contains("Helm project"))
                .findFirst().orElseThrow();
        // the text names the approach already, so it is not repeated
        assertEquals("✅ Recommended: Use the Helm project", helm.text());
        Element crd = doc.select(".gg-tree-outcome").stream().filter(e -> e.text().contains("CRD"))
                .findFirst().orElseThrow();
        assertEquals("⚠️ Wait: Wait for the CRD to reach GA (Serving CRD)", crd.text());
        assertEquals("approach/helm.html", helm.selectFirst("a").attr("href"));
        assertEquals(4, doc.select(".gg-tree-outcome a").size(), "every outcome links to its approach or use case");
        assertEquals(3, doc.select(".gg-tree-question").size());
        assertEquals(6, doc.select(".gg-tree-option").size());
        // nesting: Yes → platform question → No → management question → Helm-based → outcome
        assertNotNull(doc.selectFirst("ul.gg-tree-list > li > ul > li > ul > li > ul > li > .gg-tree-outcome"));
    }

    @Test
    void refusesHeadingLevelsWithoutRoomForSubHeadings() {
        assertThrows(IllegalArgumentException.class, () -> markup.headingLevel(6));
        assertTrue(markup.headingLevel(3).wizard(Fixtures.servingTree()).contains("<h4>Why</h4>"));
    }
}
