package org.guidegraph.gates;

import java.util.Comparator;

/**
 * One thing a gate found wrong, located in a file of the site.
 *
 * @param file   the site-relative page or file ({@code guide/intro.html})
 * @param line   1-based line, or 0 when the gate cannot tell
 * @param column 1-based column, or 0 when the gate cannot tell
 * @param message what is wrong, and where it helps, what to do
 */
public record Problem(String file, int line, int column, String message) {

    /** File, then line, then column, then message: the order every gate reports in. */
    public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::message);

    /** A problem with no known position in the file. */
    public static Problem in(String file, String message) {
        return new Problem(file, 0, 0, message);
    }

    /** {@code file:line:col: message}, or {@code file: message} when the position is unknown. */
    @Override
    public String toString() {
        if (line <= 0) {
            return file + ": " + message;
        }
        return file + ":" + line + ":" + Math.max(column, 1) + ": " + message;
    }
}
