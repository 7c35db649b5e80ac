package org.guidegraph.diagnostic;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a guide's sources, printed as {@code file:line:col: error|warning: message — hint}.
 *
 * @param file the source file, relative to the guide directory, with forward slashes
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param severity error or warning
 * @param message what is wrong
 * @param hint what to do about it; may be empty
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message, String hint) {

    /** Sorts by file, position, severity and message, so output is stable from run to run. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message)
            .thenComparing(Diagnostic::hint);

    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    /** An error at a position. */
    public static Diagnostic error(SourcePosition at, String message, String hint) {
        return new Diagnostic(at.file(), at.line(), at.column(), Severity.ERROR, message, hint);
    }

    /** A warning at a position. */
    public static Diagnostic warning(SourcePosition at, String message, String hint) {
        return new Diagnostic(at.file(), at.line(), at.column(), Severity.WARNING, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The diagnostic as one line of text. */
    public String format() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(Math.max(column, 1));
        }
        sb.append(": ").append(severity.word()).append(": ").append(message);
        if (!hint.isEmpty()) {
            sb.append(" — ").append(hint);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
