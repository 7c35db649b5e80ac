package org.guidegraph.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.guidegraph.TestGuides;
import org.guidegraph.check.Checker;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.graph.GG;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.graph.GuideLoader;
import org.guidegraph.source.GuideSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticGuideTest {

    private static final SyntheticGuide.Spec SMALL = new SyntheticGuide.Spec(4, 60, 30, 5, 7);

    @Test
    void aSyntheticGuidePassesCheckWithNoErrorsOrWarnings(@TempDir Path tmp) throws Exception {
        SyntheticGuide.write(SMALL, tmp);
        Diagnostics ds = Checker.check(GuideLoader.load(GuideSources.read(tmp)));
        assertEquals(0, ds.errorCount(), () -> ds.sorted().toString());
        assertEquals(0, ds.warningCount(), () -> ds.sorted().toString());
    }

    @Test
    void theSmallestSyntheticGuidePassesCheck(@TempDir Path tmp) throws Exception {
        SyntheticGuide.write(new SyntheticGuide.Spec(1, 1, 1, 1, 1), tmp);
        Diagnostics ds = Checker.check(GuideLoader.load(GuideSources.read(tmp)));
        assertEquals(0, ds.errorCount(), () -> ds.sorted().toString());
    }

    @Test
    void theSameSeedGivesIdenticalBytesAndAnotherSeedOtherWords() {
        Map<String, String> once = SyntheticGuide.files(SMALL);
        assertEquals(once, SyntheticGuide.files(SMALL));
        Map<String, String> other = SyntheticGuide.files(new SyntheticGuide.Spec(4, 60, 30, 5, 8));
        assertEquals(once.keySet(), other.keySet());
        String firstMatrixFile = once.keySet().stream().filter(k -> k.startsWith("content/graph/matrix/"))
                .findFirst().orElseThrow();
        assertNotEquals(once.get(firstMatrixFile), other.get(firstMatrixFile));
    }

    @Test
    void theMatrixFeaturesAndNeedsAreWrittenOneFilePerCategoryAndLoadFromNestedFolders(@TempDir Path tmp)
            throws Exception {
        Map<String, String> files = SyntheticGuide.write(SMALL, tmp);
        for (String part : new String[] {"matrix", "features", "needs"}) {
            long n = files.keySet().stream().filter(k -> k.startsWith("content/graph/" + part + "/")).count();
            assertEquals(SMALL.categories(), n, part + " files");
            assertTrue(!files.containsKey("content/graph/" + part + ".ttl"), part + ".ttl is split");
        }
        GuideGraph g = GuideLoader.load(GuideSources.read(tmp));
        Model m = g.content();
        assertEquals(SMALL.approaches() * SMALL.features(),
                m.listResourcesWithProperty(RDF.type, m.createResource(GG.NS + "Assessment")).toList().size());
        assertEquals(SMALL.needs(), m.listResourcesWithProperty(RDF.type, GG.Need).toList().size());
    }

    @Test
    void theDecisionTreeHasTheRequestedDepth(@TempDir Path tmp) throws Exception {
        for (int depth : new int[] {1, 3, 7}) {
            Path dir = tmp.resolve("d" + depth);
            SyntheticGuide.write(new SyntheticGuide.Spec(3, 10, 5, depth, 1), dir);
            GuideGraph g = GuideLoader.load(GuideSources.read(dir));
            Model m = g.content();
            Resource tree = m.listResourcesWithProperty(RDF.type, GG.DecisionTree).next();
            assertEquals(depth, questionsOnLongestPath(tree.getPropertyResourceValue(GG.root)), "depth " + depth);
        }
    }

    @Test
    void aGuideHasTheTablesAndViewsOfARealOne() {
        Map<String, String> files = SyntheticGuide.files(SMALL);
        String overview = files.get("content/pages/overview.md");
        assertTrue(overview.contains("|---|---|---|"), "a GFM table");
        assertTrue(overview.contains("```sparql table"), "a live view");
        assertTrue(files.get("content/graph/use-cases.ttl").contains("gg:reason"));
        assertTrue(files.get("content/graph/resources.ttl").contains("gg:forApproach"));
    }

    @Test
    void specsForAPageCountComeClose() {
        for (int pages : new int[] {1_000, 10_000}) {
            SyntheticGuide.Spec s = SyntheticGuide.Spec.forPages(pages, 10, 6, 1);
            assertEquals(pages, s.entityAndProsePages() + 10, 2, s.toString());
        }
    }

    @Test
    void synthRefusesAFolderThatHoldsAGuide(@TempDir Path tmp) throws Exception {
        TestGuides.Run first = TestGuides.cli("synth", "--features", "5", "--use-cases", "3", tmp.toString());
        assertEquals(0, first.exit(), first.out() + first.err());
        assertTrue(Files.isDirectory(tmp.resolve("content/graph/matrix")));
        TestGuides.Run again = TestGuides.cli("synth", tmp.toString());
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("already has a content/ folder"), again.err());
    }

    private static int questionsOnLongestPath(Resource node) {
        if (!node.hasProperty(RDF.type, GG.Question)) {
            return 0;
        }
        int best = 0;
        for (Statement o : node.listProperties(GG.option).toList()) {
            Resource target = o.getResource().getPropertyResourceValue(GG.leadsTo);
            best = Math.max(best, questionsOnLongestPath(target));
        }
        return best + 1;
    }
}
