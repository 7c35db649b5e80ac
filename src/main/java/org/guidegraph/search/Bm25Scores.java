package org.guidegraph.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    static Map<String, long[]> of(List<AnalysedDocument> docs) {
        return of(docs, null);
    }

    /**
     * As {@link #of(List)}; with {@code reuse} (may be null), the inversion of the documents that {@code reuse}
     * holds from the last call is brought up to date where documents changed, instead of made anew, when the
     * documents are as many as then (a changed page keeps its ordinals), and left there for the next call. Then a
     * stem that no changed document holds or held keeps the scores of the last call if the collection's statistics
     * are the same as then too (an edit that keeps the number of words): the returned lists, shared with the next
     * call, must not be changed.
     */
    static Map<String, long[]> of(List<AnalysedDocument> docs, IndexReuse reuse) {
        Inversion inv = reuse == null ? null : Inversion.updated(reuse.inversion, docs);
        if (inv == null) {
            inv = Inversion.of(docs);
        }
        if (reuse != null) {
            reuse.inversion = inv;
        }
        return score(inv);
    }

    /**
     * Per stem, its (ordinal, title frequency, body frequency) triples in ordinal order, each document's norms and
     * weight, and the collection's statistics, for one list of analysed documents.
     */
    static final class Inversion {
        private List<AnalysedDocument> docs;
        private final Map<String, Triples> postings;
        /*
         * Each document's norms and weight by ordinal: scoring reads them for every posting, in ordinal order, where
         * going through the documents' objects would miss the cache at nearly every posting. Kept here, they are
         * worked out again for the documents that change only.
         */
        private final byte[] titleNorms;
        private final byte[] bodyNorms;
        private final double[] weights;
        private long titleSum;
        private long bodySum;
        private int titleDocs;
        private int bodyDocs;
        private long titleDocFreqs;
        private long bodyDocFreqs;
        /** The stems that documents changed since {@link #scored} held or now hold. */
        private final Set<String> touched = new HashSet<>();
        /** The last scores worked out from this inversion, or null. */
        private Scored scored;

        private Inversion(List<AnalysedDocument> docs, Map<String, Triples> postings) {
            this.docs = docs;
            this.postings = postings;
            this.titleNorms = new byte[docs.size()];
            this.bodyNorms = new byte[docs.size()];
            this.weights = new double[docs.size()];
        }

        static Inversion of(List<AnalysedDocument> docs) {
            Inversion inv = new Inversion(docs, new HashMap<>());
            for (int ord = 0; ord < docs.size(); ord++) {
                inv.add(ord, docs.get(ord));
            }
            return inv;
        }

        /**
         * {@code before} changed to invert {@code docs} (at most a few in a hundred of them new, the rest the same
         * objects at the same ordinals), or null if it cannot be: then it is left as it was.
         */
        static Inversion updated(Inversion before, List<AnalysedDocument> docs) {
            if (before == null || before.docs.size() != docs.size()) {
                return null;
            }
            List<Integer> changed = new ArrayList<>();
            for (int ord = 0; ord < docs.size(); ord++) {
                if (docs.get(ord) != before.docs.get(ord)) {
                    changed.add(ord);
                    if (changed.size() > 16 + docs.size() / 32) {
                        return null;
                    }
                }
            }
            try {
                for (int ord : changed) {
                    before.remove(ord, before.docs.get(ord));
                    before.add(ord, docs.get(ord));
                    before.touched.addAll(Arrays.asList(before.docs.get(ord).stems));
                    before.touched.addAll(Arrays.asList(docs.get(ord).stems));
                }
            } catch (RuntimeException e) {
                return null; // half changed: the caller inverts anew and drops this one
            }
            before.docs = docs;
            return before;
        }

        private void add(int ord, AnalysedDocument a) {
            titleSum += a.titleLength;
            bodySum += a.bodyLength;
            titleDocs += a.titleLength > 0 ? 1 : 0;
            bodyDocs += a.bodyLength > 0 ? 1 : 0;
            titleNorms[ord] = (byte) SmallFloat.intToByte4(a.titleLength);
            bodyNorms[ord] = (byte) SmallFloat.intToByte4(a.bodyLength);
            weights[ord] = a.weight;
            for (int i = 0; i < a.stems.length; i++) {
                postings.computeIfAbsent(a.stems[i], k -> new Triples()).put(ord, a.titleFreqs[i], a.bodyFreqs[i]);
                titleDocFreqs += a.titleFreqs[i] > 0 ? 1 : 0;
                bodyDocFreqs += a.bodyFreqs[i] > 0 ? 1 : 0;
            }
        }

        private void remove(int ord, AnalysedDocument a) {
            titleSum -= a.titleLength;
            bodySum -= a.bodyLength;
            titleDocs -= a.titleLength > 0 ? 1 : 0;
            bodyDocs -= a.bodyLength > 0 ? 1 : 0;
            for (int i = 0; i < a.stems.length; i++) {
                Triples t = postings.get(a.stems[i]);
                t.remove(ord);
                if (t.size == 0) {
                    postings.remove(a.stems[i]);
                }
                titleDocFreqs -= a.titleFreqs[i] > 0 ? 1 : 0;
                bodyDocFreqs -= a.bodyFreqs[i] > 0 ? 1 : 0;
            }
        }
    }

    /**
     * Every stem's scores, and the collection's statistics they were worked out with: a stem's scores depend only
     * on those, its own postings and the norms and weights of the documents in them (BM25's average length is
     * the number of tokens per document, its inverse document frequency is of the document count).
     */
    private record Scored(long[] statistics, Map<String, long[]> scores) {
    }

    private static Map<String, long[]> score(Inversion inv) {
        Map<String, Triples> postings = inv.postings;
        int maxDoc = inv.docs.size();
        CollectionStatistics titles = inv.titleDocs == 0 ? null
                : new CollectionStatistics(SearchIndex.TITLE, maxDoc, inv.titleDocs, inv.titleSum, inv.titleDocFreqs);
        CollectionStatistics bodies = inv.bodyDocs == 0 ? null
                : new CollectionStatistics(SearchIndex.BODY, maxDoc, inv.bodyDocs, inv.bodySum, inv.bodyDocFreqs);
        // what BM25 reads of the collection: each field's document count and number of tokens (not the number of
        // distinct stems, which an edit that keeps the number of words often changes)
        long[] statistics = {inv.titleDocs, inv.titleSum, inv.bodyDocs, inv.bodySum};
        Scored last = inv.scored != null && Arrays.equals(inv.scored.statistics(), statistics) ? inv.scored : null;
        BM25Similarity bm25 = new BM25Similarity();
        List<String> stems = List.copyOf(postings.keySet());
        long[][] scored = new long[stems.size()][];
        IntStream.range(0, stems.size()).parallel().forEach(s -> {
            String stem = stems.get(s);
            long[] kept = last == null || inv.touched.contains(stem) ? null : last.scores().get(stem);
            scored[s] = kept != null ? kept : score(stem, postings.get(stem), titles, bodies, bm25, inv);
        });
        Map<String, long[]> out = new HashMap<>(stems.size() * 2);
        for (int s = 0; s < stems.size(); s++) {
            out.put(stems.get(s), scored[s]);
        }
        inv.scored = new Scored(statistics, out);
        inv.touched.clear();
        return out;
    }

    /** One stem's scores in the documents of its postings. */
    private static long[] score(String stem, Triples postings, CollectionStatistics titles,
            CollectionStatistics bodies, BM25Similarity bm25, Inversion inv) {
        byte[] titleNorms = inv.titleNorms;
        byte[] bodyNorms = inv.bodyNorms;
        double[] weights = inv.weights;
        int[] list = postings.data;
        int n = postings.size;
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
            // Lucene sums the clauses' scores as doubles and then multiplies by the weight as doubles.
            double sum = 0;
            if (list[j + 1] > 0) {
                sum += title.score(list[j + 1], titleNorms[ord] & 0xFF);
            }
            if (list[j + 2] > 0) {
                sum += body.score(list[j + 2], bodyNorms[ord] & 0xFF);
            }
            float score = (float) ((double) (float) sum * weights[ord]);
            packed[j / 3] = (long) ord << 32 | (Float.floatToIntBits(score) & 0xFFFFFFFFL);
        }
        return packed;
    }

    /** A list of (ordinal, title frequency, body frequency) triples in ordinal order. */
    private static final class Triples {
        int[] data = new int[6];
        int size;

        /** Adds a triple for {@code ord}, in its place (at the end, when documents come in ordinal order). */
        void put(int ord, int titleFreq, int bodyFreq) {
            if (size + 3 > data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            int at = size;
            while (at > 0 && data[at - 3] > ord) {
                at -= 3;
            }
            if (at < size) {
                System.arraycopy(data, at, data, at + 3, size - at);
            }
            data[at] = ord;
            data[at + 1] = titleFreq;
            data[at + 2] = bodyFreq;
            size += 3;
        }

        /** Removes the triple of {@code ord}. */
        void remove(int ord) {
            int lo = 0;
            int hi = size / 3 - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int o = data[mid * 3];
                if (o < ord) {
                    lo = mid + 1;
                } else if (o > ord) {
                    hi = mid - 1;
                } else {
                    System.arraycopy(data, mid * 3 + 3, data, mid * 3, size - mid * 3 - 3);
                    size -= 3;
                    return;
                }
            }
            throw new IllegalStateException("no posting of document " + ord);
        }
    }
}
