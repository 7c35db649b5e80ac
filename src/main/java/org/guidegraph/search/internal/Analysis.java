package org.guidegraph.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The one English analysis used by the Lucene index, the static index and (ported) by {@code search.js}.
 *
 * <p>It is Lucene's {@link EnglishAnalyzer} chain (possessives, lower case, English stop words, Porter stemming) with
 * one change: the tokenizer is a single regular expression instead of UAX#29, so that the browser can split a query
 * exactly as the index was split ({@link Words} finds its tokens here, without the regular expression engine).
 * A <em>surface</em> form is a token after every step but stemming; its
 * <em>stem</em> is what the index holds. Prefix and typo matching work on surface forms, exact matching on stems.
 */
public final class Analysis {

    /** Letters, marks and digits, joined by apostrophes ({@code don't}, {@code llm-d's} → {@code llm}, {@code d's}). */
    public static final String TOKEN_REGEX = "[\\p{L}\\p{M}\\p{N}]+(?:['\u2019\uFF07][\\p{L}\\p{M}\\p{N}]+)*";

    /** Longer tokens (hashes, base64 in code blocks) are not indexed: they would only bloat the dictionary. */
    public static final int MAX_TOKEN_CHARS = 64;

    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private static final Analyzer STEMMED = new Chain(true);
    private static final Analyzer SURFACE = new Chain(false);
    private static final Analyzer STEMMER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, new PorterStemFilter(source));
        }
    };

    private Analysis() {
    }

    /** The analyzer of the indexed fields: tokens to stems. Thread-safe, shared. */
    public static Analyzer stemmed() {
        return STEMMED;
    }

    /** The English stop words, sorted; exported so that the browser drops exactly the same words. */
    public static List<String> stopWords() {
        TreeSet<String> words = new TreeSet<>();
        for (Object w : STOP_WORDS) {
            words.add(new String((char[]) w));
        }
        return List.copyOf(words);
    }

    /** Whether a surface form is a stop word. */
    public static boolean isStopWord(String surface) {
        return STOP_WORDS.contains(surface);
    }

    /**
     * The surface forms of {@code text}, in order, with repeats: what the analyzers' chain gives before stemming
     * (tokens longer than {@link #MAX_TOKEN_CHARS} and stop words dropped), without a token stream.
     */
    public static List<String> surfaces(String text) {
        List<String> out = new ArrayList<>();
        Words words = new Words(text);
        while (words.find()) {
            if (words.end() - words.start() <= MAX_TOKEN_CHARS) {
                String surface = normalise(text.substring(words.start(), words.end()));
                if (!STOP_WORDS.contains(surface)) {
                    out.add(surface);
                }
            }
        }
        return out;
    }

    /** The Porter stem of a surface form (the form itself when Porter leaves it alone). */
    public static String stem(String surface) {
        try (TokenStream ts = STEMMER.tokenStream("", surface)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String stem = ts.incrementToken() ? term.toString() : surface;
            ts.end();
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException("stemming in memory", e);
        }
    }

    /** One raw token of a query with where it is; {@code surface} is null when the token is not indexable. */
    public record RawToken(String text, int start, int end, String surface) {
    }

    /**
     * Splits text into tokens with offsets, each with its surface form (null for tokens longer than
     * {@link #MAX_TOKEN_CHARS}) — the same steps as the analyzers, minus stop-word removal, so callers can decide.
     */
    public static List<RawToken> tokens(String text) {
        List<RawToken> out = new ArrayList<>();
        Words words = new Words(text);
        while (words.find()) {
            String raw = text.substring(words.start(), words.end());
            String surface = raw.length() > MAX_TOKEN_CHARS ? null : normalise(raw);
            out.add(new RawToken(raw, words.start(), words.end(), surface));
        }
        return out;
    }

    /** What {@link EnglishPossessiveFilter} and {@link LowerCaseFilter} do to one token. */
    static String normalise(String raw) {
        String t = raw;
        int n = t.length();
        if (n >= 2 && (t.charAt(n - 1) == 's' || t.charAt(n - 1) == 'S')
                && (t.charAt(n - 2) == '\'' || t.charAt(n - 2) == '\u2019' || t.charAt(n - 2) == '\uFF07')) {
            t = t.substring(0, n - 2);
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                StringBuilder sb = new StringBuilder(t.length()).append(t, 0, i);
                t.substring(i).codePoints().forEach(cp -> sb.appendCodePoint(Character.toLowerCase(cp)));
                return sb.toString();
            }
        }
        return t;
    }

    private static final class Chain extends Analyzer {
        private final boolean stem;

        Chain(boolean stem) {
            this.stem = stem;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new WordTokenizer();
            TokenStream ts = new LengthFilter(source, 1, MAX_TOKEN_CHARS);
            ts = new EnglishPossessiveFilter(ts);
            ts = new LowerCaseFilter(ts);
            ts = new StopFilter(ts, STOP_WORDS);
            if (stem) {
                ts = new PorterStemFilter(ts);
            }
            return new TokenStreamComponents(source, ts);
        }
    }
}
