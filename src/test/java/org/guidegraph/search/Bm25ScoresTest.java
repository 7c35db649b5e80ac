package org.guidegraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.Test;

/** The static index's scores are those Lucene gives each stem's query, to the bit. */
class Bm25ScoresTest {

    @Test
    void everyStemScoresInEveryDocumentExactlyAsLuceneScoresIt() throws IOException {
        assertSameAsLucene(Fixtures.guide());
    }

    @Test
    void aSyntheticSiteOfFiftyPagesScoresExactlyAsLuceneScoresIt() throws IOException {
        List<SearchDocument> docs = sections(7, 50);
        // Listed items weigh less, and one has no text at all: both must score as in Lucene.
        docs.add(new SearchDocument("r1", "resources.html#res-r1", "Inference cache", "Resource", "a cache",
                SearchDocument.LISTED));
        docs.add(new SearchDocument("r2", "resources.html#res-r2", "Scheduler", "Resource", "", SearchDocument.LISTED));
        assertSameAsLucene(docs);
    }

    @Test
    void scoresAfterSomeDocumentsChangedEqualThoseOfAFreshInversionAndLuceneOnes() throws IOException {
        List<SearchDocument> docs = sections(11, 40);
        IndexReuse reuse = new IndexReuse();
        try (SearchIndex index = SearchIndex.build(docs, reuse)) {
            Bm25Scores.of(index.analysed(), reuse);
        }
        Bm25Scores.Inversion first = reuse.inversion;
        // two sections get other words (one loses every stem it had), the rest stay the same objects
        List<SearchDocument> changed = new ArrayList<>(docs);
        for (int i : new int[] {3, docs.size() - 2}) {
            SearchDocument d = docs.get(i);
            changed.set(i, new SearchDocument(d.id(), d.url(), d.title(), d.type(),
                    i == 3 ? "zanzibarian caches schedule" : "", d.weight()));
        }
        try (SearchIndex index = SearchIndex.build(changed, reuse)) {
            Map<String, long[]> patched = Bm25Scores.of(index.analysed(), reuse);
            org.junit.jupiter.api.Assertions.assertSame(first, reuse.inversion, "brought up to date, not made anew");
            Map<String, long[]> fresh = Bm25Scores.of(index.analysed());
            assertEquals(new java.util.TreeSet<>(fresh.keySet()), new java.util.TreeSet<>(patched.keySet()));
            for (String stem : fresh.keySet()) {
                assertEquals(describe(fresh.get(stem)), describe(patched.get(stem)), "scores of " + stem);
                assertEquals(describe(luceneScores(index, stem)), describe(patched.get(stem)), "Lucene's, " + stem);
            }
        }
    }

    @Test
    void scoresAfterAnEditThatKeepsTheStatisticsEqualThoseOfAFreshInversionAndLuceneOnes() throws IOException {
        List<SearchDocument> docs = new ArrayList<>(List.of(
                new SearchDocument("a", "a.html", "Alpha", "Page", "red green blue"),
                new SearchDocument("b", "b.html", "Beta", "Page", "red yellow"),
                new SearchDocument("c", "c.html", "Gamma", "Page", "red purple cyan"),
                new SearchDocument("d", "d.html", "Delta", "Page", "green cyan magenta"),
                new SearchDocument("e", "e.html", "Epsilon", "Page", "blue yellow", SearchDocument.LISTED)));
        IndexReuse reuse = new IndexReuse();
        Map<String, long[]> before;
        try (SearchIndex index = SearchIndex.build(docs, reuse)) {
            before = Bm25Scores.of(index.analysed(), reuse);
        }
        // As many words in each field: "red" loses a document, "orange" is new, a weight changes and a text has
        // fewer distinct words, while what BM25 reads of the collection stays the same.
        docs.set(2, new SearchDocument("c", "c.html", "Gamma", "Page", "orange purple cyan"));
        docs.set(4, new SearchDocument("e", "e.html", "Epsilon", "Page", "blue yellow"));
        docs.set(0, new SearchDocument("a", "a.html", "Alpha", "Page", "green green blue"));
        try (SearchIndex index = SearchIndex.build(docs, reuse)) {
            Map<String, long[]> patched = Bm25Scores.of(index.analysed(), reuse);
            org.junit.jupiter.api.Assertions.assertSame(before.get("magenta"), patched.get("magenta"),
                    "the scores of a stem no changed document holds are kept");
            Map<String, long[]> fresh = Bm25Scores.of(index.analysed());
            assertEquals(new java.util.TreeSet<>(fresh.keySet()), new java.util.TreeSet<>(patched.keySet()));
            for (String stem : fresh.keySet()) {
                assertEquals(describe(fresh.get(stem)), describe(patched.get(stem)), "scores of " + stem);
                assertEquals(describe(luceneScores(index, stem)), describe(patched.get(stem)), "Lucene's, " + stem);
            }
        }
    }

    /** The sections of the first {@code pages} pages of a synthetic site made from {@code seed}. */
    private static List<SearchDocument> sections(long seed, int pages) {
        SyntheticSite site = new SyntheticSite(seed, List.of("inference", "scheduler", "cache"));
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            SyntheticSite.Page p = site.page(i);
            docs.addAll(HtmlSections.extract(p.path(), p.html()));
        }
        return docs;
    }

    private static void assertSameAsLucene(List<SearchDocument> docs) throws IOException {
        try (SearchIndex index = SearchIndex.build(docs)) {
            Map<String, long[]> ours = Bm25Scores.of(index.analysed());
            assertEquals(index.vocabulary().stems(), new java.util.TreeSet<>(ours.keySet()));
            for (String stem : index.vocabulary().stems()) {
                long[] lucene = luceneScores(index, stem);
                long[] mine = ours.get(stem);
                if (!Arrays.equals(lucene, mine)) {
                    assertEquals(describe(lucene), describe(mine), "scores of " + stem);
                }
            }
        }
    }

    private static String describe(long[] list) {
        StringBuilder sb = new StringBuilder();
        for (long p : list) {
            sb.append(p >>> 32).append('=').append(Float.intBitsToFloat((int) p)).append(' ');
        }
        return sb.toString();
    }

    /** A stem's scores as Lucene's searcher gives them, (ordinal << 32 | score bits) by ordinal. */
    private static long[] luceneScores(SearchIndex index, String stem) throws IOException {
        IndexSearcher searcher = index.searcher();
        Weight weight = searcher.createWeight(searcher.rewrite(SearchIndex.stemQuery(stem)), ScoreMode.COMPLETE, 1f);
        List<Long> out = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            NumericDocValues ords = leaf.reader().getNumericDocValues(SearchIndex.ORD);
            if (scorer == null) {
                continue;
            }
            DocIdSetIterator it = scorer.iterator();
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                ords.advanceExact(d);
                out.add(ords.longValue() << 32 | (Float.floatToIntBits(scorer.score()) & 0xFFFFFFFFL));
            }
        }
        return out.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
