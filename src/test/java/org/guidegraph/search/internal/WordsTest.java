package org.guidegraph.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class WordsTest {

    private static final Pattern TOKEN = Pattern.compile(Analysis.TOKEN_REGEX);

    /**
     * Letters (ASCII, accented, Greek, CJK, a supplementary one), a combining mark, digits (ASCII, Arabic-Indic, a
     * Roman numeral), the three apostrophes, lone surrogates, spaces and punctuation.
     */
    private static final String[] PIECES = {"a", "B", "z", "é", "É", "ß", "Σ", "語", "\uD835\uDC00", "\u0301", "7",
        "\u0663", "\u2167", "'", "\u2019", "\uFF07", "\uD835", "\uDC00", " ", "-", ".", "\n", "s", "S", "<", "İ"};

    private static String text(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    @Test
    void findsTheTokensAndOffsetsOfTheRegularExpression() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String t = text(random);
            List<String> expected = new ArrayList<>();
            Matcher m = TOKEN.matcher(t);
            while (m.find()) {
                expected.add(m.start() + "-" + m.end());
            }
            List<String> actual = new ArrayList<>();
            Words w = new Words(t);
            while (w.find()) {
                actual.add(w.start() + "-" + w.end());
            }
            assertEquals(expected, actual, () -> "tokens of " + escaped(t));
        }
    }

    /** The chain the surface forms were defined by: a pattern tokenizer and Lucene's English filters. */
    private static final Analyzer LUCENE_SURFACES = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new PatternTokenizer(TOKEN, 0);
            TokenStream ts = new LengthFilter(source, 1, Analysis.MAX_TOKEN_CHARS);
            ts = new EnglishPossessiveFilter(ts);
            ts = new LowerCaseFilter(ts);
            ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(source, ts);
        }
    };

    private static List<String> lucene(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
            }
            ts.end();
            out.add("end@" + offset.startOffset() + "-" + offset.endOffset());
        }
        return out;
    }

    @Test
    void surfaceFormsAreThoseOfLucenesEnglishChainOverThePattern() throws IOException {
        Random random = new Random(11);
        String longWord = "x".repeat(Analysis.MAX_TOKEN_CHARS + 1);
        for (int i = 0; i < 20_000; i++) {
            String t = text(random) + (i % 100 == 0 ? " The " + longWord + " DON'T it's " : "");
            List<String> expected = new ArrayList<>();
            for (String s : lucene(LUCENE_SURFACES, t)) {
                if (!s.startsWith("end@")) {
                    expected.add(s.substring(0, s.lastIndexOf('@')));
                }
            }
            assertEquals(expected, Analysis.surfaces(t), () -> "surfaces of " + escaped(t));
        }
    }

    @Test
    void theIndexsTokenizerGivesTheTermsAndOffsetsOfAPatternTokenizer() throws IOException {
        Analyzer pattern = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new PatternTokenizer(TOKEN, 0));
            }
        };
        Analyzer words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new WordTokenizer());
            }
        };
        Random random = new Random(13);
        for (int i = 0; i < 5_000; i++) {
            // longer than the tokenizer's read buffer now and then
            String t = i % 500 == 0 ? text(random).repeat(2_000) : text(random);
            assertEquals(lucene(pattern, t), lucene(words, t), () -> "tokens of " + escaped(t));
        }
    }

    private static String escaped(String t) {
        StringBuilder sb = new StringBuilder();
        t.chars().forEach(c -> sb.append(c < 0x80 && c >= 0x20 ? String.valueOf((char) c)
                : String.format("\\u%04X", c)));
        return sb.toString();
    }
}
