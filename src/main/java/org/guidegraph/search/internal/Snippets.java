package org.guidegraph.search.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Snippets: a window of a document's text around the first matched word, HTML-escaped, every word whose stem the
 * query matched wrapped in {@code <mark>}. {@code search.js} does the same over the excerpt the static index
 * keeps.
 */
public final class Snippets {

    /** The longest snippet, in characters of text (ellipses aside). */
    public static final int MAX_CHARS = 180;
    /** How much text is kept before the first match, so the reader sees its context. */
    private static final int LEAD = 40;

    private Snippets() {
    }

    /**
     * Collapses runs of white space to one space and trims: how bodies and excerpts are compared and shown. The
     * same as {@code text.replaceAll("\\s+", " ").strip()}, without a regular expression (it runs over every
     * section of a site).
     */
    public static String normaliseSpace(String text) {
        return normaliseSpace(text, Integer.MAX_VALUE);
    }

    /**
     * {@link #normaliseSpace(String)} of {@code text}, reading no further into it than the first {@code limit}
     * characters of the result need: when the result is {@code limit} characters long, they are the first of the
     * whole result; when shorter, it may differ from the whole result (stripped Unicode white space at the cut).
     */
    static String normaliseSpace(String text, int limit) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), limit));
        boolean space = false; // a run of white space waits for the next other character (none at either end)
        for (int i = 0; i < text.length() && out.length() < limit; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                    if (out.length() == limit) {
                        break;
                    }
                }
                space = false;
                out.append(c);
            }
        }
        // strip() also trims Unicode white space (an em space, say), which the regular expression's \s leaves.
        return out.toString().strip();
    }

    /** The snippet of {@code text} for a query that matched {@code stems}. */
    public static String snippet(String text, Set<String> stems) {
        String t = normaliseSpace(text);
        List<Analysis.RawToken> tokens = Analysis.tokens(t);
        Map<String, String> stemOf = new HashMap<>();
        boolean[] marked = new boolean[tokens.size()];
        int first = -1;
        for (int i = 0; i < tokens.size(); i++) {
            String s = tokens.get(i).surface();
            if (s != null && !Analysis.isStopWord(s) && stems.contains(stemOf.computeIfAbsent(s, Analysis::stem))) {
                marked[i] = true;
                if (first < 0) {
                    first = i;
                }
            }
        }
        int start = 0;
        int end = t.length();
        if (t.length() > MAX_CHARS) {
            int anchor = first < 0 ? 0 : tokens.get(first).start();
            start = Math.max(0, anchor - LEAD);
            if (start > 0) {
                int space = t.indexOf(' ', start);
                start = space < 0 || space >= anchor ? anchor : space + 1;
            }
            end = Math.min(t.length(), start + MAX_CHARS);
            if (end < t.length()) {
                int space = t.lastIndexOf(' ', end);
                if (space > start) {
                    end = space;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        if (start > 0) {
            out.append('\u2026');
        }
        int at = start;
        for (int i = 0; i < tokens.size(); i++) {
            Analysis.RawToken tok = tokens.get(i);
            if (!marked[i] || tok.start() < start || tok.end() > end) {
                continue;
            }
            escape(out, t, at, tok.start());
            out.append("<mark>");
            escape(out, t, tok.start(), tok.end());
            out.append("</mark>");
            at = tok.end();
        }
        escape(out, t, at, end);
        if (end < t.length()) {
            out.append('\u2026');
        }
        return out.toString();
    }

    /** The first {@code max} characters of {@code text} or fewer, cut between words, with an ellipsis if cut. */
    public static String excerpt(String text, int max) {
        String t = normaliseSpace(text, max + 1); // enough to tell whether it is cut, and where
        if (t.length() <= max) {
            t = normaliseSpace(text);
        }
        if (t.length() <= max) {
            return t;
        }
        int space = t.lastIndexOf(' ', max - 1);
        return t.substring(0, space > 0 ? space : max - 1) + '\u2026';
    }

    private static void escape(StringBuilder out, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
