package org.guidegraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.guidegraph.search.internal.Analysis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser's search ({@code search.js}, run in node) against Lucene's, over the same exported guide. */
class StaticSearchNodeTest {

    /** Queries a reader would type: stems, typos, prefixes, several words, type filters. */
    private static final List<NodeHarness.Query> QUERIES = List.of(
            q("disaggregated"), q("disaggregation"), q("disagregation"), q("disag"), q("infiniband"),
            q("infinibnad"), q("kubernetis"), q("helmfle"), q("helmfile "), q("quicksta"), q("nixl rd"),
            q("prefill decode"), q("scheduling"), q("scheduler "), q("kv cache"), q("rocm"), q("tpu"),
            q("benchmarks"), q("slack"), q("openshift"), q("rhoai"), q("kserve"), q("llm-d"), q("servingruntime"),
            q("production ready"), q("well-lit paths"), q("standup"), q("deepseek"), q("moe models"),
            q("the"), q("in"), q("controler"), q("disagregated"), q("schedulng"), q("benchmarkd"), q("routng "), q("gateway api"), q("v1beta1"), q("70b"),
            new NodeHarness.Query("llm-d", "Approach", 5), new NodeHarness.Query("support", "Accelerator", 5),
            new NodeHarness.Query("inference", "Need", 5));

    @TempDir
    Path tmp;

    private static NodeHarness.Query q(String query) {
        return new NodeHarness.Query(query, "", 5);
    }

    @BeforeEach
    void needsNode() {
        assumeTrue(NodeHarness.available(), "node is not installed: skipping the tests of search.js");
    }

    @Test
    void theBrowserStemsEveryWordAsLuceneDoes() throws IOException, InterruptedException {
        TreeSet<String> words = new TreeSet<>();
        for (SearchDocument d : Fixtures.guide()) {
            words.addAll(Analysis.surfaces(d.title() + " " + d.body()));
        }
        // Porter's own examples and the suffixes each step handles.
        words.addAll(List.of("caresses", "ponies", "ties", "caress", "cats", "feed", "agreed", "disabled",
                "matting", "mating", "meeting", "milling", "messing", "meetings", "happy", "sky", "relational",
                "conditional", "rational", "valenci", "hesitanci", "digitizer", "conformabli", "radicalli",
                "differentli", "vileli", "analogousli", "vietnamization", "predication", "operator", "feudalism",
                "decisiveness", "hopefulness", "callousness", "formaliti", "sensitiviti", "sensibiliti",
                "triplicate", "formative", "formalize", "electriciti", "electrical", "hopeful", "goodness",
                "revival", "allowance", "inference", "airliner", "gyroscopic", "adjustable", "defensible",
                "irritant", "replacement", "adjustment", "dependent", "adoption", "homologou", "communism",
                "activate", "angulariti", "homologous", "effective", "bowdlerize", "probate", "rate", "cease",
                "controll", "roll", "generalizations", "oscillators", "aed", "eed", "oed", "ion", "y", "yy",
                "syzygy", "llm-d", "xpyd", "v1beta1", "naïve", "straße"));
        List<String> list = new ArrayList<>(words);
        List<String> js = NodeHarness.stems(list, tmp);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!Analysis.stem(list.get(i)).equals(js.get(i))) {
                mismatches.add(list.get(i) + ": Lucene " + Analysis.stem(list.get(i)) + ", search.js " + js.get(i));
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(list.size() > 400, "compared " + list.size() + " words");
    }

    @Test
    void theBrowserFindsWhatLuceneFindsFirstForEveryQuery() throws IOException, InterruptedException {
        assertSameFirstResults(StaticIndexExporter.defaults());
    }

    @Test
    void theBrowserFindsTheSameThroughDirectoriesOfChunks() throws IOException, InterruptedException {
        // Chunks so small that there are more than the manifest lists itself: it lists directories of them.
        StaticIndexExporter tiny = StaticIndexExporter.defaults().withChunkSizes(60, 1);
        ExportedIndex index = tiny.write(Fixtures.guide(), tmp.resolve("tiny"));
        assertTrue(index.bytes("directories") > 0, "directories were written");
        assertSameFirstResults(tiny);
    }

    private void assertSameFirstResults(StaticIndexExporter exporter) throws IOException, InterruptedException {
        Path dir = tmp.resolve("search");
        List<SearchDocument> docs = Fixtures.guide();
        exporter.write(docs, dir);
        List<NodeHarness.Result> js = NodeHarness.search(dir, QUERIES, 0, tmp);
        List<String> differences = new ArrayList<>();
        try (SearchIndex lucene = SearchIndex.build(docs)) {
            for (int i = 0; i < QUERIES.size(); i++) {
                NodeHarness.Query q = QUERIES.get(i);
                NodeHarness.Result actual = js.get(i);
                String jsFirst = actual.words() == 0 ? "(rejected)"
                        : actual.hits().isEmpty() ? "(none)" : actual.hits().get(0).url();
                String lucenesFirst;
                int lucenesTotal;
                try {
                    List<SearchHit> expected = lucene.search(q.q(), q.type(), 100);
                    lucenesFirst = expected.isEmpty() ? "(none)" : expected.get(0).url();
                    lucenesTotal = expected.size();
                } catch (SearchQueryException e) {
                    lucenesFirst = "(rejected)";
                    lucenesTotal = 0;
                }
                if (!lucenesFirst.equals(jsFirst) || lucenesTotal != actual.total()) {
                    differences.add("\"" + q.q() + "\" " + q.type() + ": Lucene " + lucenesFirst + " of "
                            + lucenesTotal + ", search.js " + jsFirst + " of " + actual.total());
                }
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void theBrowserBoostsNamesAndWeighsListedItemsAsLuceneDoes()
            throws IOException, InterruptedException, SearchQueryException {
        Path dir = tmp.resolve("naming");
        List<SearchDocument> docs = SearchIndexTest.naming();
        StaticIndexExporter.export(docs, dir);
        List<String> queries = List.of("vocabulary", "vocabulary ", "vocabulary guide", "guide vocabulary ",
                "vocabulary classes", "guide");
        List<NodeHarness.Result> js = NodeHarness.search(dir,
                queries.stream().map(q -> new NodeHarness.Query(q, "", 10)).toList(), 0, tmp);
        try (SearchIndex lucene = SearchIndex.build(docs)) {
            for (int i = 0; i < queries.size(); i++) {
                List<String> expected = lucene.search(queries.get(i), null, 10).stream().map(SearchHit::url).toList();
                List<String> actual = js.get(i).hits().stream().map(NodeHarness.Hit::url).toList();
                assertEquals(expected, actual, "\"" + queries.get(i) + "\": the same order in search.js as in Lucene");
            }
            // Stored as "#" (the heading's slug) and an excerpt cut short (stored with a trailing space).
            NodeHarness.Hit page = js.get(0).hits().get(0);
            assertEquals("vocabulary.html", page.url());
            assertTrue(page.snippet().endsWith("\u2026"), page.snippet());
            assertTrue(js.get(4).hits().stream().anyMatch(h -> h.url().equals("vocabulary.html#classes-and-properties")),
                    js.get(4).hits().toString());
        }
    }

    @Test
    void aQueryLoadsOnlyTheChunksItsWordsNeed() throws IOException, InterruptedException {
        Path dir = tmp.resolve("search");
        ExportedIndex index = StaticIndexExporter.defaults().withChunkSizes(400, 4).write(Fixtures.guide(), dir);
        List<NodeHarness.Result> r = NodeHarness.search(dir, List.of(
                new NodeHarness.Query("infiniband ", "", 3),
                new NodeHarness.Query("infinibnad ", "", 3),
                new NodeHarness.Query("infini", "", 3)), 0, tmp);

        // A whole word: the manifest, the one terms chunk holding its stem, the documents of the hits shown.
        List<String> exact = r.get(0).files();
        assertEquals("manifest", exact.get(0));
        List<String> terms = exact.stream().filter(f -> f.matches("t\\d+-.*")).toList();
        assertEquals(1, terms.size(), exact.toString());
        assertTrue(Files.readString(dir.resolve(terms.get(0) + ".js")).matches("(?s).*[\" ]infiniband .*"));
        assertTrue(exact.stream().noneMatch(f -> f.startsWith("w") || f.startsWith("f")), exact.toString());
        long documents = exact.stream().filter(f -> f.matches("m\\d+-.*")).count();
        assertTrue(documents >= 1 && documents <= 3, exact.toString());

        // A typo: also the typo lists of words of its first letter and length ±1, at most three.
        List<String> typo = r.get(1).files();
        long typoFiles = typo.stream().filter(f -> f.matches("f\\d+-.*")).count();
        assertTrue(typoFiles >= 1 && typoFiles <= 3, typo.toString());
        assertEquals(r.get(0).hits().get(0).url(), r.get(1).hits().get(0).url());

        // A prefix: the word lists of its range.
        assertTrue(r.get(2).files().stream().anyMatch(f -> f.startsWith("w")), r.get(2).files().toString());

        int all = index.files().size();
        for (NodeHarness.Result each : r) {
            assertTrue(each.files().size() * 4 < all, each.files().size() + " of " + all + " files loaded");
        }
    }
}
