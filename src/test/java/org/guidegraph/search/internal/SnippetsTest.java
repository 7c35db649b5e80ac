package org.guidegraph.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SnippetsTest {

    /** What normaliseSpace was defined as: its regular expression. */
    private static String byRegex(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** What excerpt was defined as, over the whole normalised text. */
    private static String excerptByRegex(String text, int max) {
        String t = byRegex(text);
        if (t.length() <= max) {
            return t;
        }
        int space = t.lastIndexOf(' ', max - 1);
        return t.substring(0, space > 0 ? space : max - 1) + '\u2026';
    }

    /** Texts of letters and every kind of white space, the Unicode ones \s does not collapse among them. */
    private static String text(Random random) {
        String alphabet = "ab \t\n\r\f\u000B\u2003\u00A0\u3000.";
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void normalisingSpaceIsWhatTheRegularExpressionAndStripDo() {
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            String t = text(random);
            assertEquals(byRegex(t), Snippets.normaliseSpace(t), "\"" + t + "\"");
        }
    }

    @Test
    void anExcerptIsCutFromTheWholeNormalisedTextThoughOnlyItsStartIsRead() {
        Random random = new Random(6);
        for (int i = 0; i < 20_000; i++) {
            String t = text(random);
            for (int max : new int[] {1, 2, 5, 12, 30}) {
                assertEquals(excerptByRegex(t, max), Snippets.excerpt(t, max), max + " of \"" + t + "\"");
            }
        }
    }
}
