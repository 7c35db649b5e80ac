package org.guidegraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    private static SearchIndex guide;

    @BeforeAll
    static void indexTheGuide() {
        guide = SearchIndex.build(Fixtures.guide());
    }

    @AfterAll
    static void close() {
        guide.close();
    }

    private static List<String> urls(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::url).toList();
    }

    private static String top(String query) throws SearchQueryException {
        List<SearchHit> hits = guide.search(query, null, 5);
        assertFalse(hits.isEmpty(), "no hit for " + query);
        return hits.get(0).url();
    }

    /** A page named Vocabulary, a section that uses the word more, and the same text listed as a resource. */
    static List<SearchDocument> naming() {
        return List.of(
                new SearchDocument("vocabulary.html", "vocabulary.html", "Vocabulary", "Page",
                        "The vocabulary of the guide: its classes and properties, each defined once with its label,"
                                + " its comment and the pages that use it."),
                new SearchDocument("queries.html#v", "queries.html#v", "Queries \u203A vocabulary classes", "Page",
                        "Lists the vocabulary classes and the vocabulary properties."),
                new SearchDocument("guide", "guide.html#vocab", "Vocabulary guide", "Page",
                        "How the guide grew."),
                new SearchDocument("vocabulary.html#classes-and-properties", "vocabulary.html#classes-and-properties",
                        "Vocabulary \u203A Classes and properties", "Page", "Its classes, in vocabulary order."),
                new SearchDocument("r1", "resources.html#res-r1", "Vocabulary guide", "Resource",
                        "How the guide grew.", SearchDocument.LISTED));
    }

    @Test
    void aDocumentNamedExactlyAsTheQueryRanksFirstAndAListedItemBelowTheSameSection() throws SearchQueryException {
        try (SearchIndex index = SearchIndex.build(naming())) {
            assertEquals("vocabulary.html", index.search("vocabulary", null, 5).get(0).url(), "as typed");
            assertEquals("vocabulary.html", index.search("Vocabulary.", null, 5).get(0).url(), "a whole word");
            List<String> guides = urls(index.search("vocabulary guide", null, 5));
            assertEquals(List.of("guide.html#vocab", "resources.html#res-r1"), guides.subList(0, 2),
                    "a section, then the same text listed as a resource");
        }
        assertThrows(IllegalArgumentException.class,
                () -> new SearchDocument("x", "x.html", "X", "Page", "", 0f), "a weight must be above 0");
    }

    @Test
    void aStemmedFormFindsTheWord() throws SearchQueryException {
        // The guide says "disaggregation", never "disaggregated".
        List<SearchHit> hits = guide.search("disaggregated", null, 10);
        assertFalse(hits.isEmpty());
        assertTrue(hits.get(0).snippet().contains("<mark>disaggregation</mark>"), hits.get(0).snippet());
        assertEquals(urls(guide.search("disaggregation", null, 10)), urls(hits));
    }

    @Test
    void aOneLetterTypoFindsTheWord() throws SearchQueryException {
        assertEquals(top("infiniband"), top("infinibnad"), "two neighbours swapped");
        assertEquals(top("disaggregation"), top("disagregation"), "a letter missing");
        assertEquals(top("kubernetes"), top("kubernetis"), "a letter replaced");
        assertEquals(top("helmfile"), top("helmfiles"), "a letter added (and then stemmed)");
        assertTrue(guide.search("helmfle", null, 5).get(0).snippet().contains("<mark>helmfile</mark>"));
        assertEquals(top("disaggregation"), top("disagregated"), "a typo in another form of the word");
    }

    @Test
    void theLastWordMatchesAsAPrefixWhileItIsBeingTyped() throws SearchQueryException {
        assertEquals("approach/llm-d.html#getting-started", top("quicksta"));
        assertEquals("approach/llm-d.html#strengths", top("nixl rd"), "rd… completes to rdma");
        assertEquals(List.of(), guide.search("quicksta ", null, 5), "a space ends the word: no longer a prefix");
    }

    @Test
    void aTitleMatchRanksAboveABodyMatch() throws SearchQueryException {
        try (SearchIndex index = SearchIndex.build(List.of(
                new SearchDocument("a", "a.html", "Notes", "Page", "Routing spreads requests across replicas."),
                new SearchDocument("b", "b.html", "Routing", "Page", "How requests reach a replica.")))) {
            assertEquals(List.of("b.html", "a.html"), urls(index.search("routing", null, 5)));
        }
        assertEquals("feature/benchmarks.html", top("benchmarks"));
        assertEquals("accelerator/amd-gpu.html", top("rocm"));
    }

    @Test
    void aTypeFilterKeepsOnlyThatTypeIgnoringCase() throws SearchQueryException {
        List<SearchHit> hits = guide.search("llm-d", "approach", 20);
        assertFalse(hits.isEmpty());
        assertTrue(hits.stream().allMatch(h -> h.type().equals("Approach")), urls(hits).toString());
        assertEquals("approach/llm-d.html", hits.get(0).url());
        assertTrue(guide.search("llm-d", null, 20).stream().anyMatch(h -> !h.type().equals("Approach")));
    }

    @Test
    void anUnknownTypeIsRejectedListingTheValidOnes() {
        SearchQueryException e = assertThrows(SearchQueryException.class, () -> guide.search("llm-d", "Tool", 5));
        assertEquals("unknown type \"Tool\": use one of Accelerator, Approach, Feature, Need, Page, Resource,"
                + " Use case, or no type for all", e.getMessage());
    }

    @Test
    void snippetsMarkTheMatchedWordsAndEscapeTheRest() throws SearchQueryException {
        try (SearchIndex index = SearchIndex.build(List.of(new SearchDocument("a", "a.html", "Cache", "Page",
                "Keep the <b>KV-cache</b> & route by \"cache\" hits.")))) {
            assertEquals("Keep the &lt;b&gt;KV-<mark>cache</mark>&lt;/b&gt; &amp; route by &quot;<mark>cache</mark>"
                    + "&quot; hits.", index.search("caching", null, 1).get(0).snippet());
        }
    }

    @Test
    void aLongTextIsCutAroundTheFirstMatch() throws SearchQueryException {
        SearchHit hit = guide.search("standup", "Page", 1).get(0);
        assertEquals("index.html#for-llm-d-project", hit.url());
        String snippet = hit.snippet();
        assertTrue(snippet.startsWith("\u2026") && snippet.contains("<mark>Standup</mark>"), snippet);
        assertTrue(snippet.replaceAll("<[^>]+>", "").length() <= 182, snippet);
    }

    @Test
    void equalScoresAreOrderedByUrl() throws SearchQueryException {
        try (SearchIndex index = SearchIndex.build(List.of(
                new SearchDocument("z", "z.html", "Gateway", "Page", "same text"),
                new SearchDocument("m", "m.html", "Gateway", "Page", "same text"),
                new SearchDocument("a", "a.html", "Gateway", "Page", "same text")))) {
            assertEquals(List.of("a.html", "m.html", "z.html"), urls(index.search("gateway", null, 5)));
        }
    }

    @Test
    void everyWordMustMatch() throws SearchQueryException {
        assertEquals(List.of(), guide.search("nixl kubectl", null, 5));
    }

    @Test
    void anEmptyQueryIsRejected() {
        assertEquals("empty query: type a word to search for",
                assertThrows(SearchQueryException.class, () -> guide.search("  ", null, 5)).getMessage());
        assertThrows(SearchQueryException.class, () -> guide.search(null, null, 5));
    }

    @Test
    void aQueryOfOnlyCommonWordsIsRejected() {
        SearchQueryException e = assertThrows(SearchQueryException.class, () -> guide.search("the ... ", null, 5));
        assertTrue(e.getMessage().startsWith("nothing to search for in \"the ...\""), e.getMessage());
    }

    @Test
    void aLimitOutOfRangeOrATooLongQueryIsRejected() {
        assertEquals("limit must be between 1 and 100, not 0",
                assertThrows(SearchQueryException.class, () -> guide.search("llm", null, 0)).getMessage());
        assertThrows(SearchQueryException.class, () -> guide.search("llm", null, 101));
        assertThrows(SearchQueryException.class, () -> guide.search("a".repeat(201), null, 5));
    }

    @Test
    void twoDocumentsWithOneIdAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SearchIndex.build(List.of(
                new SearchDocument("x", "a.html", "A", "Page", ""),
                new SearchDocument("x", "b.html", "B", "Page", ""))));
        assertTrue(e.getMessage().startsWith("two search documents have the id x"), e.getMessage());
    }

    @Test
    void aRebuildAfterDocumentsAreChangedAddedRemovedOrSwappedAnalysesThemAsAFreshBuildDoes() {
        List<SearchDocument> docs = new java.util.ArrayList<>(Fixtures.guide());
        IndexReuse reuse = new IndexReuse();
        SearchDocument first = docs.get(0);
        SearchDocument last = docs.get(docs.size() - 1);
        List<java.util.function.Consumer<List<SearchDocument>>> edits = List.of(
                d -> d.set(3, new SearchDocument(d.get(3).id(), d.get(3).url(), d.get(3).title(), d.get(3).type(),
                        "A text of other words entirely.")),
                d -> d.add(5, new SearchDocument("new.html", "aaa-new.html", "A new page", "Page", "Fresh words.")),
                d -> d.remove(d.size() - 1),
                // the same documents, the first and the last changing places in the given order
                d -> {
                    d.set(0, last);
                    d.set(d.size() - 1, first);
                },
                d -> d.set(d.size() / 2, new SearchDocument("other", "zzz-other.html", "Another page", "Page",
                        "Its own words.")));
        for (int round = 0; round <= edits.size(); round++) {
            if (round > 0) {
                edits.get(round - 1).accept(docs);
            }
            try (SearchIndex reused = SearchIndex.build(docs, reuse); SearchIndex fresh = SearchIndex.build(docs)) {
                assertEquals(fresh.documents(), reused.documents(), "round " + round);
                for (int ord = 0; ord < fresh.size(); ord++) {
                    assertEquals(describe(fresh.analysed().get(ord)), describe(reused.analysed().get(ord)),
                            "round " + round + ", " + fresh.documents().get(ord).id());
                }
                assertEquals(fresh.vocabulary().words(), reused.vocabulary().words(), "round " + round);
            }
        }
    }

    /** What an analysis holds, as text. */
    private static String describe(AnalysedDocument a) {
        return java.util.Arrays.toString(a.stems) + java.util.Arrays.toString(a.titleFreqs)
                + java.util.Arrays.toString(a.bodyFreqs) + " " + a.titleLength + " " + a.bodyLength + " "
                + new java.util.TreeSet<>(a.surfaces) + " " + a.nameKey + " " + a.weight;
    }
}
