package org.guidegraph.search.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The text encodings of the static index. Numbers are written with a 90-character alphabet of printable ASCII
 * that needs no escaping inside a JavaScript string (no quote, backslash, space or {@code <}), so chunks are plain
 * ASCII script files the browser evaluates without any decoding library.
 *
 * <ul>
 * <li>a <em>varint</em> is base-45 digits, most significant first; every digit but the last is taken from the
 * first 45 characters, the last from the next 45 (so a reader knows where a number ends);</li>
 * <li>a <em>digit</em> is one character for a value 0–89 (ranks, quantised impacts).</li>
 * </ul>
 */
public final class Codec {

    /**
     * The alphabet: {@code #} (0x23) to {@code ~} (0x7E) without the backslash and {@code <} (which JSON text
     * here escapes): 90 characters.
     */
    public static final String ALPHABET;

    /** Values one character can hold. */
    public static final int DIGITS = 90;

    private static final int BASE = 45;

    static {
        StringBuilder sb = new StringBuilder();
        for (char c = '#'; c <= '~' && sb.length() < DIGITS; c++) {
            if (c != '\\' && c != '<') {
                sb.append(c);
            }
        }
        ALPHABET = sb.toString();
    }

    private Codec() {
    }

    /** Appends a non-negative number as a varint. */
    public static void varint(StringBuilder out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative varint " + value);
        }
        char[] digits = new char[16];
        int n = 0;
        long v = value;
        digits[n++] = ALPHABET.charAt(BASE + (int) (v % BASE));
        v /= BASE;
        while (v > 0) {
            digits[n++] = ALPHABET.charAt((int) (v % BASE));
            v /= BASE;
        }
        for (int i = n - 1; i >= 0; i--) {
            out.append(digits[i]);
        }
    }

    /** How many characters {@link #varint} writes for {@code value}. */
    public static int varintLength(long value) {
        int n = 1;
        for (long v = value / BASE; v > 0; v /= BASE) {
            n++;
        }
        return n;
    }

    /** Appends one digit 0–89. */
    public static void digit(StringBuilder out, int value) {
        if (value < 0 || value >= DIGITS) {
            throw new IllegalArgumentException("digit out of range: " + value);
        }
        out.append(ALPHABET.charAt(value));
    }

    /**
     * The level 0 to {@code levels - 1} (at most 89) of {@code value} on a logarithmic scale from {@code max}
     * (level 0) down to {@code max / range} (the last level and below): reading it back costs at most half a step,
     * about 2.6% for a range of 100 in 90 levels, 5.3% in 45.
     */
    public static int quantise(double value, double max, double range, int levels) {
        if (levels < 2 || levels > DIGITS) {
            throw new IllegalArgumentException("levels must be 2 to " + DIGITS + ", not " + levels);
        }
        if (value >= max) {
            return 0;
        }
        double step = Math.log(range) / (levels - 1);
        long level = Math.round(Math.log(max / value) / step);
        return (int) Math.min(level, levels - 1);
    }

    /** The value a level stands for; {@code search.js} computes the same. */
    public static double dequantise(int level, double max, double range, int levels) {
        return max * Math.exp(-level * Math.log(range) / (levels - 1));
    }

    /** The highest level of a two-digit value. */
    public static final int MAX_LEVEL = DIGITS * DIGITS - 1;

    /**
     * The two-digit level 0–8099 of {@code value} on a logarithmic scale from {@code lo} (level 0) to {@code hi}:
     * reading it back costs at most half a step (under 0.05% for a range of 1000).
     */
    public static int scaleLevel(double value, double lo, double hi) {
        if (hi <= lo || value <= lo) {
            return 0;
        }
        long level = Math.round(Math.log(value / lo) / Math.log(hi / lo) * MAX_LEVEL);
        return (int) Math.min(level, MAX_LEVEL);
    }

    /** The value a two-digit level stands for; {@code search.js} computes the same. */
    public static double scaleValue(int level, double lo, double hi) {
        return hi <= lo ? lo : lo * Math.exp(level / (double) MAX_LEVEL * Math.log(hi / lo));
    }

    /** A number with five significant digits, in plain notation (never an exponent): the same on every run. */
    public static String decimal(double value) {
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(5)).stripTrailingZeros().toPlainString();
    }

    /** A JSON string literal, ASCII only (so the file's encoding never matters). */
    public static void jsonString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7E || c == '<') {
                        // '<' too: a chunk pasted into an HTML page could never close a script element early.
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The first six base-36 characters of the SHA-256 of {@code text}: a file name part that changes with it. */
    public static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 5; i++) {
                v = (v << 8) | (d[i] & 0xFF);
            }
            String s = Long.toString(v, 36);
            s = "000000".substring(Math.min(6, s.length())) + s;
            return s.substring(s.length() - 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
