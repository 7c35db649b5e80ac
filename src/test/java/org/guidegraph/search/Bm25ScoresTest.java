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
        SyntheticSite site = new SyntheticSite(7, List.of("inference", "scheduler", "cache"));
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            SyntheticSite.Page p = site.page(i);
            docs.addAll(HtmlSections.extract(p.path(), p.html()));
        }
        // Listed items weigh less, and one has no text at all: both must score as in Lucene.
        docs.add(new SearchDocument("r1", "resources.html#res-r1", "Inference cache", "Resource", "a cache",
                SearchDocument.LISTED));
        docs.add(new SearchDocument("r2", "resources.html#res-r2", "Scheduler", "Resource", "", SearchDocument.LISTED));
        assertSameAsLucene(docs);
    }

    private static void assertSameAsLucene(List<SearchDocument> docs) throws IOException {
        try (SearchIndex index = SearchIndex.build(docs)) {
            Map<String, long[]> ours = Bm25Scores.of(index.analysed(), index.documents());
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
