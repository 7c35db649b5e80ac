package org.guidegraph.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one build of the search index made that the next can reuse, for {@code serve}'s regenerations: each
 * document's analysis (valid whatever happens to the build, since it depends on the document alone) and the
 * static index files of the last <em>published</em> build, which the next export hard-links instead of writing
 * when their bytes are the same. One instance follows one output folder; builds using it must be serialised.
 */
public final class IndexReuse {

    /** Stems of surface forms, shared by all builds (a stem depends on the form alone). */
    final Map<String, String> stems = new ConcurrentHashMap<>();
    /** The analysis of every document of the last build, by document id. */
    volatile Map<String, Analysed> analysed = Map.of();

    /** A document and its analysis. */
    record Analysed(SearchDocument document, AnalysedDocument analysis) {
    }

    /**
     * The documents of the last build in index order and their analysis by ordinal, as {@link #analysed} holds
     * them: a document that is the same object at the same ordinal has the same analysis without a look-up by id.
     */
    volatile Ordinals ordinals = Ordinals.NONE;

    /** Documents and their analysis, by ordinal. */
    record Ordinals(SearchDocument[] documents, AnalysedDocument[] analysed) {

        /** No documents: every document is looked up by id. */
        static final Ordinals NONE = new Ordinals(new SearchDocument[0], new AnalysedDocument[0]);

        /** The analysis of {@code d} if it is the document at {@code ord}; else null. */
        AnalysedDocument at(int ord, SearchDocument d) {
            return ord < documents.length && documents[ord] == d ? analysed[ord] : null;
        }
    }

    /** The searched pages of the last build's site, in path order ({@link SiteSections}). */
    volatile List<String> pages = List.of();

    /** The documents of the last build as given, and in index order. */
    private List<SearchDocument> lastGiven = List.of();
    private List<SearchDocument> lastOrdered = List.of();
    private int[] lastPosition = new int[0];

    /**
     * {@code documents} in index order, worked out from the last build's when each is the same document as then
     * or one with the same URL and id (a section whose text changed), which keeps its place; null otherwise.
     */
    synchronized List<SearchDocument> order(List<SearchDocument> documents) {
        if (documents.size() != lastGiven.size()) {
            return null;
        }
        List<SearchDocument> ordered = new ArrayList<>(lastOrdered);
        for (int i = 0; i < documents.size(); i++) {
            SearchDocument d = documents.get(i);
            SearchDocument was = lastGiven.get(i);
            if (d != was) {
                if (!d.id().equals(was.id()) || !d.url().equals(was.url())) {
                    return null;
                }
                ordered.set(lastPosition[i], d);
            }
        }
        lastGiven = List.copyOf(documents);
        lastOrdered = ordered;
        return ordered;
    }

    /** Notes the index order of {@code documents} (with unique ids) for the next build. */
    synchronized void ordered(List<SearchDocument> documents, List<SearchDocument> ordered) {
        Map<SearchDocument, Integer> at = new java.util.IdentityHashMap<>(ordered.size() * 2);
        for (int i = 0; i < ordered.size(); i++) {
            at.put(ordered.get(i), i);
        }
        int[] position = new int[documents.size()];
        for (int i = 0; i < documents.size(); i++) {
            position[i] = at.get(documents.get(i));
        }
        lastGiven = List.copyOf(documents);
        lastOrdered = List.copyOf(ordered);
        lastPosition = position;
    }
    /** The document frequency of each surface form over those documents. */
    volatile Map<String, Integer> frequencies = Map.of();
    /**
     * What the last export computed, by what it was computed from (so any export may use it, published or not):
     * chunk hashes by payload, chunk payloads by text, stem entries by postings, document chunks by their
     * documents, chunk files by name and payload.
     */
    Memo memo = new Memo(Map.of(), Map.of(), Map.of(), new DocumentChunks(0, new SearchDocument[0], new String[0]),
            Map.of());
    /** The inversion of the documents the last export scored, which the next brings up to date. */
    volatile Bm25Scores.Inversion inversion;

    /**
     * A value worked out from one property alone of each of the objects {@code from} (one per document, in index
     * order).
     */
    record Derived<S, T>(S[] from, T value) {

        /**
         * True if the value holds for {@code now} too: as many objects, each the one at its place in {@link #from}
         * or one with an equal {@code property}. Comparing the objects first spares reading those of a large site
         * that did not change, which would miss the processor's cache at nearly every one.
         */
        boolean holdsFor(List<S> now, java.util.function.Function<S, Object> property) {
            if (now.size() != from.length) {
                return false;
            }
            for (int i = 0; i < from.length; i++) {
                S s = now.get(i);
                if (s != from[i] && !java.util.Objects.equals(property.apply(s), property.apply(from[i]))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The name keys' postings and the types' runs of the last export, by the documents' analysis and documents. */
    volatile Derived<AnalysedDocument, java.util.TreeMap<String, String>> names;
    volatile Derived<SearchDocument, List<Object>> types;

    /** Results of the last export's pure steps, by their inputs; chunk files by name. */
    record Memo(Map<String, String> hashes, Map<String, String> json, Map<String, Entry> entries,
            DocumentChunks documentChunks, Map<String, ChunkFile> files) {
    }

    /**
     * The text of a chunk file and the payload it was made from. The next export whose chunk of that name holds
     * the very same payload object takes the very same text: the file then compares equal to the one published
     * at once, without a look at its bytes.
     */
    record ChunkFile(String payload, String text) {
    }

    /**
     * The document chunks of an export: chunk {@code n} holds the documents from {@code n × size}, in index order,
     * and its payload is {@code payloads[n]}. A later export whose chunk holds equal documents at the same places
     * has the same payload (documents are cut into chunks by count, so any other chunk holds others).
     */
    record DocumentChunks(int size, SearchDocument[] documents, String[] payloads) {

        /**
         * The payload of chunk {@code n} of {@code size} documents if it held documents equal to those of
         * {@code all} (every document of an export, in index order) from {@code n × size} to {@code to}; else null.
         */
        String payload(int size, int n, SearchDocument[] all, int to) {
            if (size != this.size || n >= payloads.length) {
                return null;
            }
            int from = n * size;
            if (Math.min(this.documents.length, from + size) != to) {
                return null; // the chunk held another number of documents
            }
            for (int i = from; i < to; i++) {
                if (all[i] != documents[i] && !all[i].equals(documents[i])) {
                    return null;
                }
            }
            return payloads[n];
        }
    }

    /**
     * A stem's encoded postings and what they were encoded from: its scores as {@link Bm25Scores} gave them, their
     * best, the range of best scores ({@code lo} to {@code hi}), then its best level, ordinal gaps and levels.
     */
    record Entry(long[] scores, double top, double lo, double hi, int best, int[] gaps, int[] levels, String text) {

        /** True if this entry was encoded from {@code scores} (the very list) in the range {@code lo} to {@code hi}. */
        boolean encodes(long[] scores, double lo, double hi) {
            return this.scores == scores && this.lo == lo && this.hi == hi;
        }
    }

    /** The files (name to text) of the static index of the last published build. */
    private Map<String, String> published = Map.of();
    private Map<String, String> pending;

    /** An empty record: the first build analyses and writes everything. */
    public IndexReuse() {
    }

    /** The static index files of the last published build, by name. */
    Map<String, String> published() {
        return published;
    }

    /** Notes the files an export wrote; they become {@link #published} at {@link #commit}. */
    void exported(Map<String, String> files) {
        pending = files;
    }

    /** The build whose index was exported last has been published: its files are now the ones to link to. */
    public void commit() {
        if (pending != null) {
            published = pending;
            pending = null;
        }
    }
}
