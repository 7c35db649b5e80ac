package org.guidegraph.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;
import org.guidegraph.search.internal.QueryPlan;

/**
 * Every stem's score in every document that holds it, as the Lucene index scores {@link SearchIndex#stemQuery}
 * (BM25 with Lucene's own similarity, norms and statistics, title boosted, times the document's weight; summed
 * as Lucene sums the title and body clauses), computed from the documents' analysis without a Lucene index or a
 * query per stem. {@code StaticIndexExporterTest} holds it to Lucene's scores bit for bit.
 */
final class Bm25Scores {

    private Bm25Scores() {
    }

    /** Each stem's postings as (ordinal << 32 | float bits of the score), in ordinal order. */
    static Map<String, long[]> of(List<AnalysedDocument> docs, List<SearchDocument> documents) {
        // Invert: per stem, (ordinal, title frequency, body frequency) triples.
        Map<String, Triples> postings = new HashMap<>();
        long titleSum = 0;
        long bodySum = 0;
        int titleDocs = 0;
        int bodyDocs = 0;
        long titleDocFreqs = 0;
        long bodyDocFreqs = 0;
        for (int ord = 0; ord < docs.size(); ord++) {
            AnalysedDocument a = docs.get(ord);
            titleSum += a.titleLength;
            bodySum += a.bodyLength;
            titleDocs += a.titleLength > 0 ? 1 : 0;
            bodyDocs += a.bodyLength > 0 ? 1 : 0;
            for (int i = 0; i < a.stems.length; i++) {
                postings.computeIfAbsent(a.stems[i], k -> new Triples()).add(ord, a.titleFreqs[i], a.bodyFreqs[i]);
                titleDocFreqs += a.titleFreqs[i] > 0 ? 1 : 0;
                bodyDocFreqs += a.bodyFreqs[i] > 0 ? 1 : 0;
            }
        }
        int maxDoc = docs.size();
        CollectionStatistics titles = titleDocs == 0 ? null
                : new CollectionStatistics(SearchIndex.TITLE, maxDoc, titleDocs, titleSum, titleDocFreqs);
        CollectionStatistics bodies = bodyDocs == 0 ? null
                : new CollectionStatistics(SearchIndex.BODY, maxDoc, bodyDocs, bodySum, bodyDocFreqs);
        BM25Similarity bm25 = new BM25Similarity();
        List<String> stems = List.copyOf(postings.keySet());
        long[][] scored = new long[stems.size()][];
        IntStream.range(0, stems.size()).parallel().forEach(s -> {
            String stem = stems.get(s);
            int[] list = postings.get(stem).data;
            int n = postings.get(stem).size;
            long titleDf = 0;
            long titleTf = 0;
            long bodyDf = 0;
            long bodyTf = 0;
            for (int j = 0; j < n; j += 3) {
                titleDf += list[j + 1] > 0 ? 1 : 0;
                titleTf += list[j + 1];
                bodyDf += list[j + 2] > 0 ? 1 : 0;
                bodyTf += list[j + 2];
            }
            BytesRef term = new BytesRef(stem);
            SimScorer title = titleDf == 0 ? null
                    : bm25.scorer(QueryPlan.TITLE_BOOST, titles, new TermStatistics(term, titleDf, titleTf));
            SimScorer body = bodyDf == 0 ? null : bm25.scorer(1f, bodies, new TermStatistics(term, bodyDf, bodyTf));
            long[] packed = new long[n / 3];
            for (int j = 0; j < n; j += 3) {
                int ord = list[j];
                AnalysedDocument a = docs.get(ord);
                // Lucene sums the clauses' scores as doubles and then multiplies by the weight as doubles.
                double sum = 0;
                if (list[j + 1] > 0) {
                    sum += title.score(list[j + 1], SmallFloat.intToByte4(a.titleLength));
                }
                if (list[j + 2] > 0) {
                    sum += body.score(list[j + 2], SmallFloat.intToByte4(a.bodyLength));
                }
                float score = (float) ((double) (float) sum * (double) documents.get(ord).weight());
                packed[j / 3] = (long) ord << 32 | (Float.floatToIntBits(score) & 0xFFFFFFFFL);
            }
            scored[s] = packed;
        });
        Map<String, long[]> out = new HashMap<>(stems.size() * 2);
        for (int s = 0; s < stems.size(); s++) {
            out.put(stems.get(s), scored[s]);
        }
        return out;
    }

    /** A growing list of (ordinal, title frequency, body frequency) triples. */
    private static final class Triples {
        int[] data = new int[6];
        int size;

        void add(int ord, int titleFreq, int bodyFreq) {
            if (size + 3 > data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[size] = ord;
            data[size + 1] = titleFreq;
            data[size + 2] = bodyFreq;
            size += 3;
        }
    }
}
