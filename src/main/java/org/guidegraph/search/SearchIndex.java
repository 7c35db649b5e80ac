package org.guidegraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.guidegraph.search.internal.Analysis;
import org.guidegraph.search.internal.QueryPlan;
import org.guidegraph.search.internal.Snippets;
import org.guidegraph.search.internal.Vocabulary;

/**
 * An in-memory Lucene index of search documents, built once and then only read (safe for concurrent searches).
 *
 * <p>Text is analysed in English (stemming, stop words: see {@code internal.Analysis}); a query word matches its
 * stem, the last word typed also matches as a prefix, and a word that matches nothing matches words one typo away
 * (see {@code internal.QueryPlan}). Every word must match; a title match weighs {@value QueryPlan#TITLE_BOOST}
 * times a body match; each document's matches weigh its {@link SearchDocument#weight}; a page whose title
 * is exactly the query's words ({@link #nameKey}) scores {@value QueryPlan#NAME_BOOST} times as much; equal scores are ordered by URL, then id. The static index ({@link StaticIndexExporter})
 * is exported from this index and ranks the same way.
 */
public final class SearchIndex implements AutoCloseable {

    /** The most results one search returns. */
    public static final int MAX_LIMIT = 100;
    /** The longest query accepted, in characters. */
    public static final int MAX_QUERY_CHARS = 200;

    static final String TITLE = "title";
    static final String BODY = "body";
    static final String TYPE = "type";
    static final String ORD = "ord";
    static final String BOOST = "boost";
    static final String NAME = "name";

    /**
     * Title and body: analysed, with term frequencies and lengths for BM25 but no positions, which no query here
     * reads (there are no phrase queries) and which would only make indexing slower.
     */
    private static final FieldType TEXT = frozen(TextField.TYPE_NOT_STORED, IndexOptions.DOCS_AND_FREQS);

    private static FieldType frozen(FieldType like, IndexOptions options) {
        FieldType type = new FieldType(like);
        type.setIndexOptions(options);
        type.freeze();
        return type;
    }

    /** Tokens already analysed, one position each, as a field's token stream. */
    private static final class Tokens extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final List<String> tokens;
        private int next;

        Tokens(List<String> tokens) {
            this.tokens = tokens;
        }

        @Override
        public boolean incrementToken() {
            if (next == tokens.size()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(tokens.get(next++));
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }

    /** Documents are numbered in this order (their ordinal), which is also the tie-breaker of equal scores. */
    static final Comparator<SearchDocument> ORDER =
            Comparator.comparing(SearchDocument::url).thenComparing(SearchDocument::id);

    private final List<SearchDocument> documents;
    private final List<AnalysedDocument> analysed;
    private final Vocabulary vocabulary;
    private TreeSet<String> types;
    /** The Lucene index, made at the first search: the static index is scored without it. */
    private Lucene lucene;
    private boolean closed;

    /** The in-memory Lucene index of the documents. */
    private record Lucene(ByteBuffersDirectory directory, DirectoryReader reader, IndexSearcher searcher) {
    }

    private SearchIndex(List<SearchDocument> documents, List<AnalysedDocument> analysed, Vocabulary vocabulary) {
        this.documents = documents;
        this.analysed = analysed;
        this.vocabulary = vocabulary;
    }

    /** The types of the documents, worked out at the first call (a build that only exports never asks). */
    private synchronized TreeSet<String> typeSet() {
        if (types == null) {
            Set<String> kinds = new HashSet<>();
            documents.forEach(d -> kinds.add(d.type()));
            types = new TreeSet<>(kinds);
        }
        return types;
    }

    /**
     * Indexes {@code documents}.
     *
     * @throws IllegalArgumentException if two documents share an id
     */
    public static SearchIndex build(List<SearchDocument> documents) {
        return build(documents, new IndexReuse());
    }

    /**
     * Indexes {@code documents}, analysing only those that {@code reuse} has not seen in the last build, and notes
     * this build's analysis there for the next.
     *
     * @throws IllegalArgumentException if two documents share an id
     */
    public static SearchIndex build(List<SearchDocument> documents, IndexReuse reuse) {
        List<SearchDocument> ordered = reuse.order(documents);
        boolean sameIds = ordered != null;
        if (ordered == null) {
            ordered = new ArrayList<>(documents);
            ordered.sort(ORDER);
            Set<String> ids = new HashSet<>();
            for (SearchDocument d : ordered) {
                if (!ids.add(d.id())) {
                    throw new IllegalArgumentException("two search documents have the id " + d.id()
                            + ": ids must be unique (a section's id is its page and anchor)");
                }
            }
            reuse.ordered(documents, ordered);
        }
        List<SearchDocument> docs = ordered;
        // documents by id (ids are unique): looking a document up costs its id's hash, not its text's
        Map<String, IndexReuse.Analysed> before = reuse.analysed;
        java.util.function.Function<String, String> stemOf = s -> reuse.stems.computeIfAbsent(s, Analysis::stem);
        AnalysedDocument[] analysed = new AnalysedDocument[docs.size()];
        // A document still at its ordinal keeps its analysis, and its record stays as it is; only the others are
        // looked up, by id, which would cost a miss of the processor's cache per document of a large site.
        int[] moved = takeUnmoved(docs, reuse.ordinals, analysed);
        reuse.ordinals = IndexReuse.Ordinals.NONE; // until the record below is whole again
        // The vocabulary's document frequencies: the last build's, less the documents gone, plus the new ones.
        Vocabulary.Builder words = Vocabulary.builder(reuse.frequencies);
        java.util.concurrent.atomic.AtomicBoolean unknown = new java.util.concurrent.atomic.AtomicBoolean();
        // the documents whose record changes: a new analysis, or the same one of an equal document object
        java.util.Set<Integer> renewed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        IntStream.of(moved).parallel().forEach(ord -> {
            SearchDocument d = docs.get(ord);
            IndexReuse.Analysed was = before.get(d.id());
            if (was == null) {
                unknown.set(true);
            }
            AnalysedDocument a = was != null && (was.document() == d || was.document().equals(d))
                    ? was.analysis() : null;
            if (a == null) {
                a = AnalysedDocument.of(d, stemOf);
                words.addSurfaces(a.surfaces);
            }
            if (was == null || was.document() != d) {
                renewed.add(ord);
            }
            analysed[ord] = a;
        });
        if (sameIds && !unknown.get() && before.size() == docs.size()
                && before instanceof java.util.HashMap<String, IndexReuse.Analysed> kept) {
            // the same ids as last time: only the documents analysed again change the record
            for (int ord : renewed) {
                SearchDocument d = docs.get(ord);
                IndexReuse.Analysed was = kept.get(d.id());
                if (was.analysis() != analysed[ord]) {
                    words.removeSurfaces(was.analysis().surfaces);
                    kept.put(d.id(), new IndexReuse.Analysed(d, analysed[ord]));
                } else if (was.document() != d) {
                    kept.put(d.id(), new IndexReuse.Analysed(d, analysed[ord]));
                }
            }
        } else {
            Map<String, IndexReuse.Analysed> now = new java.util.HashMap<>(docs.size() * 2);
            for (int ord = 0; ord < analysed.length; ord++) {
                now.put(docs.get(ord).id(), new IndexReuse.Analysed(docs.get(ord), analysed[ord]));
            }
            before.forEach((id, was) -> {
                IndexReuse.Analysed is = now.get(id);
                if (is == null || is.analysis() != was.analysis()) {
                    words.removeSurfaces(was.analysis().surfaces);
                }
            });
            reuse.analysed = now;
        }
        reuse.frequencies = words.documentFrequencies();
        reuse.ordinals = new IndexReuse.Ordinals(docs.toArray(new SearchDocument[0]), analysed);
        return new SearchIndex(List.copyOf(ordered), List.of(analysed), words.build(stemOf));
    }

    /**
     * Puts into {@code analysed} the analysis of each document that is the same object at the same ordinal as in
     * the last build ({@code last}); returns the ordinals of the others, in order.
     */
    private static int[] takeUnmoved(List<SearchDocument> docs, IndexReuse.Ordinals last,
            AnalysedDocument[] analysed) {
        int[] others = new int[docs.size()];
        int n = 0;
        for (int ord = 0; ord < analysed.length; ord++) {
            analysed[ord] = last.at(ord, docs.get(ord));
            if (analysed[ord] == null) {
                others[n++] = ord;
            }
        }
        return java.util.Arrays.copyOf(others, n);
    }

    /**
     * Makes the Lucene index now, so that the first search does not wait for it (a server calls this in the
     * background when it starts serving the index). Does nothing if it is made already or the index is closed.
     */
    public void prepare() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        lucene();
    }

    /** The Lucene index of the analysed documents, made on first use. */
    private synchronized Lucene lucene() {
        if (closed) {
            throw new IllegalStateException("this search index is closed");
        }
        if (lucene == null) {
            lucene = index(analysed, documents);
        }
        return lucene;
    }

    private static Lucene index(List<AnalysedDocument> analysed, List<SearchDocument> documents) {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        // Documents are added from several threads, so Lucene's doc ids are in no particular order: nothing reads
        // them as ordinals (the ORD field is), and every score is the same whatever segment a document lands in.
        IndexWriterConfig config = new IndexWriterConfig(Analysis.stemmed())
                .setMergePolicy(new LogByteSizeMergePolicy())
                .setRAMBufferSizeMB(64);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            IntStream.range(0, documents.size()).parallel().forEach(ord -> {
                SearchDocument d = documents.get(ord);
                AnalysedDocument a = analysed.get(ord);
                Document doc = new Document();
                doc.add(new NumericDocValuesField(ORD, ord));
                doc.add(new FloatDocValuesField(BOOST, d.weight()));
                String key = a.nameKey;
                if (key != null) {
                    doc.add(new StringField(NAME, key, Field.Store.NO));
                }
                doc.add(new Field(TITLE, new Tokens(a.titleTokens()), TEXT));
                doc.add(new Field(BODY, new Tokens(a.bodyTokens()), TEXT));
                doc.add(new StringField(TYPE, d.type(), Field.Store.NO));
                try {
                    writer.addDocument(doc);
                } catch (IOException e) {
                    throw new UncheckedIOException("indexing in memory", e);
                }
            });
            writer.forceMerge(1);
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(dir);
            return new Lucene(dir, reader, new IndexSearcher(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("indexing in memory", e);
        }
    }

    /**
     * Searches.
     *
     * @param query what the reader typed; its last word is also a prefix unless a space or punctuation follows it
     * @param type only documents of this type (matched ignoring case), or null or blank for all
     * @param limit at most this many hits, 1 to {@value #MAX_LIMIT}
     * @return the best hits first; empty when nothing matches
     * @throws SearchQueryException for an empty or too long query, one with only common words, an unknown type,
     *     or a limit out of range
     */
    public List<SearchHit> search(String query, String type, int limit) throws SearchQueryException {
        String canonicalType = checkArguments(query, type, limit);
        QueryPlan plan = QueryPlan.of(query, vocabulary);
        if (plan.terms().isEmpty()) {
            throw new SearchQueryException("nothing to search for in \"" + query.strip()
                    + "\": it has only punctuation or common words such as \"the\"; type a more specific word");
        }
        Query q = luceneQuery(query, plan, canonicalType);
        if (q == null) {
            return List.of();
        }
        try {
            Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(ORD, SortField.Type.INT));
            TopFieldDocs top = lucene().searcher().search(q, limit, sort, true);
            Set<String> stems = plan.stems();
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                int ord = ((Number) ((FieldDoc) sd).fields[1]).intValue();
                SearchDocument d = documents.get(ord);
                hits.add(new SearchHit(d.title(), d.url(), d.type(), Snippets.snippet(d.body(), stems), sd.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("searching in memory", e);
        }
    }

    /** The types of the indexed documents, sorted: the valid type filters. */
    public List<String> types() {
        return List.copyOf(typeSet());
    }

    /** The number of indexed documents. */
    public int size() {
        return documents.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (lucene == null) {
            return;
        }
        try {
            lucene.reader().close();
            lucene.directory().close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing an in-memory index", e);
        }
    }

    /** The documents by ordinal. */
    List<SearchDocument> documents() {
        return documents;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The documents' analysis by ordinal. */
    List<AnalysedDocument> analysed() {
        return analysed;
    }

    /** The Lucene searcher (the index is made at the first call). */
    IndexSearcher searcher() {
        return lucene().searcher();
    }

    private String checkArguments(String query, String type, int limit) throws SearchQueryException {
        if (query == null || query.isBlank()) {
            throw new SearchQueryException("empty query: type a word to search for");
        }
        if (query.length() > MAX_QUERY_CHARS) {
            throw new SearchQueryException("query too long (" + query.length() + " characters): use at most "
                    + MAX_QUERY_CHARS);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new SearchQueryException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        if (type == null || type.isBlank()) {
            return null;
        }
        for (String t : typeSet()) {
            if (t.equalsIgnoreCase(type.strip())) {
                return t;
            }
        }
        throw new SearchQueryException("unknown type \"" + type + "\": use one of " + String.join(", ", typeSet())
                + ", or no type for all");
    }

    /** The plan as a Lucene query, or null when a word matches nothing (every word must match). */
    private static Query luceneQuery(String query, QueryPlan plan, String type) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (QueryPlan.Term term : plan.terms()) {
            if (term.alternatives().isEmpty()) {
                return null;
            }
            List<Query> alternatives = new ArrayList<>();
            for (Map.Entry<String, Double> alt : term.alternatives().entrySet()) {
                alternatives.add(new BoostQuery(stemQuery(alt.getKey()), alt.getValue().floatValue()));
            }
            all.add(new DisjunctionMaxQuery(alternatives, 0f), Occur.MUST);
        }
        if (type != null) {
            all.add(new TermQuery(new Term(TYPE, type)), Occur.FILTER);
        }
        String key = QueryPlan.nameKey(query);
        if (key == null) {
            return all.build();
        }
        return FunctionScoreQuery.boostByQuery(all.build(), new TermQuery(new Term(NAME, key)), QueryPlan.NAME_BOOST);
    }

    /**
     * The name key ({@link QueryPlan#nameKey}) of a page: of the title of a document whose URL has no anchor (the
     * lead section of a page, the page of an entity, say); null for sections and listed items, which a reader
     * typing a name is less likely to want and which would only enlarge the static index.
     */
    static String nameKey(SearchDocument d) {
        return d.url().indexOf('#') < 0 ? QueryPlan.nameKey(d.title()) : null;
    }

    /**
     * A stem in the title (boosted) or the body, times the document's weight; the static index stores each
     * document's score of this.
     */
    static Query stemQuery(String stem) {
        Query match = new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term(TITLE, stem)), QueryPlan.TITLE_BOOST), Occur.SHOULD)
                .add(new TermQuery(new Term(BODY, stem)), Occur.SHOULD)
                .build();
        return FunctionScoreQuery.boostByValue(match, DoubleValuesSource.fromFloatField(BOOST));
    }
}
