package org.guidegraph.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.guidegraph.graph.GG;
import org.junit.jupiter.api.Test;

class DecisionTreeQueryTest {

    private static final String D = Fixtures.SERVING + "decision/";

    @Test
    void listsQuestionsRootFirstInWalkOrderWithOptionsByOrder() {
        DecisionTreeView t = Fixtures.servingTree();
        assertEquals(Fixtures.SERVING_TREE, t.treeIri());
        assertEquals("Which serving approach?", t.label());
        assertEquals(t.questions().get(0), t.root());
        assertEquals(List.of(D + "production", D + "platform", D + "management"),
                t.questions().stream().map(QuestionView::iri).toList());
        // written Helm-based first, ordered by gg:order
        assertEquals(List.of("Controller-managed", "Helm-based"),
                t.question(D + "management").orElseThrow().options().stream().map(OptionView::label).toList());
        assertEquals(new OptionView("Yes", 1, D + "platform"), t.root().options().get(0));
        assertEquals("Are you using the \"Platform\" & its operator?", t.question(D + "platform").orElseThrow().text());
    }

    @Test
    void readsOutcomeStatusRecommendationUseCaseResourcesAndReasons() {
        OutcomeView helm = Fixtures.servingTree().outcome(D + "helm").orElseThrow();
        assertEquals("recommended", helm.status());
        assertEquals("✅", helm.statusSymbol());
        assertEquals("Recommended", helm.statusLabel());
        assertEquals(Fixtures.SERVING + "approach/helm", helm.recommendsIri());
        assertEquals("Helm Project", helm.recommendsLabel());
        assertEquals(Fixtures.SERVING + "use-case/production", helm.useCaseIri());
        assertEquals("Production serving (general)", helm.useCaseLabel());
        assertEquals(List.of("Production-tested and benchmarked", "Intelligent scheduling included",
                "Works with `helmfile`"), helm.reasons());
        assertEquals(List.of(
                new LinkView(Fixtures.SERVING + "resource/website", "Website", "https://example.org/helm-project",
                        null, null),
                new LinkView(Fixtures.SERVING + "resource/repo", "Repository",
                        "https://example.org/helm-project/repo", null, "Start here")), helm.resources());

        OutcomeView wait = Fixtures.servingTree().outcome(D + "wait-crd").orElseThrow();
        assertEquals("wait", wait.status());
        assertEquals("⚠️", wait.statusSymbol());

        OutcomeView any = Fixtures.servingTree().outcome(D + "anything").orElseThrow();
        assertNull(any.status());
        assertNull(any.statusSymbol());
        assertEquals(List.of(new LinkView(Fixtures.SERVING + "resource/quickstart", "Quickstart", null,
                "guides/QUICKSTART.md", null)), any.resources());
        assertTrue(any.note().startsWith("Start with the Helm project's quickstart"));
    }

    @Test
    void knowsTheStatusSymbolsWhenTheOntologyIsNotLoaded() {
        Model withoutOntology = Fixtures.model("serving.ttl");
        DecisionTreeView t = DecisionTreeQuery.builtIn().tree(withoutOntology, Fixtures.SERVING_TREE).orElseThrow();
        assertEquals("✅", t.outcome(D + "helm").orElseThrow().statusSymbol());
        assertEquals("⚠️", t.outcome(D + "wait-crd").orElseThrow().statusSymbol());
        assertEquals("Wait", t.outcome(D + "wait-crd").orElseThrow().statusLabel());
    }

    @Test
    void readsEveryTreeOrOneBoundByItsIri() {
        Model m = Fixtures.serving();
        m.add(Fixtures.generated("https://example.org/other/", 2, 2));
        List<DecisionTreeView> all = DecisionTreeQuery.builtIn().all(m);
        assertEquals(List.of("https://example.org/guides/serving/decision/tree", "https://example.org/other/decision/tree"),
                all.stream().map(DecisionTreeView::treeIri).toList());
        assertEquals(all.get(1), DecisionTreeQuery.builtIn().tree(m, "https://example.org/other/decision/tree")
                .orElseThrow());
        assertTrue(DecisionTreeQuery.builtIn().tree(m, "https://example.org/none").isEmpty());
    }

    @Test
    void readsATreeOfDepthFourAndBreadthThree() {
        DecisionTreeView t = DecisionTreeQuery.builtIn().all(Fixtures.generated("https://example.org/g/", 4, 3)).get(0);
        assertEquals(1 + 3 + 9 + 27, t.questions().size());
        assertEquals(81, t.outcomes().size());
        assertEquals(List.of("Answer 1", "Answer 2", "Answer 3"),
                t.root().options().stream().map(OptionView::label).toList());
        assertEquals("https://example.org/g/decision/q-1-1-1", t.questions().get(1 + 3 + 9).iri());
    }

    @Test
    void givesEqualViewsOnEveryRun() {
        assertEquals(Fixtures.servingTree(), Fixtures.servingTree());
    }

    @Test
    void listsAnOutcomeReachedByTwoPathsOnce() {
        Model m = Fixtures.generated("https://example.org/dag/", 2, 2);
        Resource shared = m.getResource("https://example.org/dag/decision/o-1-1");
        m.getResource("https://example.org/dag/decision/q-2").listProperties(GG.option).toList()
                .forEach(s -> s.getResource().removeAll(GG.leadsTo).addProperty(GG.leadsTo, shared));
        m.removeAll(m.getResource("https://example.org/dag/decision/o-2-1"), null, null);
        m.removeAll(m.getResource("https://example.org/dag/decision/o-2-2"), null, null);
        DecisionTreeView t = DecisionTreeQuery.builtIn().all(m).get(0);
        assertEquals(List.of("https://example.org/dag/decision/o-1-1", "https://example.org/dag/decision/o-1-2"),
                t.outcomes().stream().map(OutcomeView::iri).toList());
    }

    @Test
    void reportsAnOptionLeadingToSomethingThatIsNeitherQuestionNorOutcome() {
        Model m = Fixtures.generated("https://example.org/bad/", 1, 2);
        m.removeAll(m.getResource("https://example.org/bad/decision/o-2"), RDF.type, null);
        DiagramException e = assertThrows(DiagramException.class, () -> DecisionTreeQuery.builtIn().all(m));
        assertTrue(e.getMessage().contains("https://example.org/bad/decision/o-2, which is neither a gg:Question nor"
                + " a gg:Outcome"), e.getMessage());
        assertTrue(e.getMessage().contains("guidegraph check"), e.getMessage());
    }

    @Test
    void usesTheTargetsNameForAnOptionWithoutLabel() {
        Model m = Fixtures.generated("https://example.org/nolabel/", 1, 1);
        m.listSubjectsWithProperty(GG.leadsTo).toList().forEach(o -> o.removeAll(RDFS.label));
        DecisionTreeView t = DecisionTreeQuery.builtIn().all(m).get(0);
        assertEquals("o-1", t.root().options().get(0).label());
    }
}
