package org.guidegraph.search.internal;

/**
 * Finds the tokens of {@link Analysis#TOKEN_REGEX} in a text without a regular expression: runs of letters, marks
 * and digits ({@code \p{L}\p{M}\p{N}}, by code point), joined by apostrophes. The same tokens, at the same offsets,
 * as the expression's {@code find()} loop, several times faster, since every page of a site goes through it.
 */
final class Words {

    /** Whether each char of the Basic Multilingual Plane is a letter, mark or digit. */
    private static final boolean[] WORD_CHAR = new boolean[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            WORD_CHAR[c] = !Character.isSurrogate((char) c) && isWordType(Character.getType(c));
        }
    }

    private final CharSequence text;
    private final int length;
    private int next;
    private int start;
    private int end;

    Words(CharSequence text) {
        this.text = text;
        this.length = text.length();
    }

    /** Moves to the next token; false when there is none. */
    boolean find() {
        int i = next;
        while (i < length) {
            int n = wordAt(i);
            if (n > 0) {
                start = i;
                i = run(i + n);
                // joined by an apostrophe to another run: one token
                while (i + 1 < length && isApostrophe(text.charAt(i)) && (n = wordAt(i + 1)) > 0) {
                    i = run(i + 1 + n);
                }
                end = i;
                next = i;
                return true;
            }
            i++;
        }
        next = length;
        return false;
    }

    /** Where the current token starts (a char offset). */
    int start() {
        return start;
    }

    /** Where the current token ends (exclusive). */
    int end() {
        return end;
    }

    /** The end of the run of word characters going on at {@code i}. */
    private int run(int i) {
        int n;
        while (i < length && (n = wordAt(i)) > 0) {
            i += n;
        }
        return i;
    }

    /** The chars taken by the word character at {@code i} (1, or 2 for a surrogate pair); 0 if it is not one. */
    private int wordAt(int i) {
        char c = text.charAt(i);
        if (!Character.isHighSurrogate(c)) {
            return WORD_CHAR[c] ? 1 : 0;
        }
        if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
            return isWordType(Character.getType(Character.toCodePoint(c, text.charAt(i + 1)))) ? 2 : 0;
        }
        return 0;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\uFF07';
    }

    private static boolean isWordType(int type) {
        switch (type) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER:
                return true;
            default:
                return false;
        }
    }
}
