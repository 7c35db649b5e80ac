package org.guidegraph.diagnostic;

/**
 * A place in a source file.
 *
 * @param file path relative to the guide directory, forward slashes
 * @param line 1-based, 0 for the file as a whole
 * @param column 1-based, 0 when unknown
 */
public record SourcePosition(String file, int line, int column) implements Comparable<SourcePosition> {

    /** The whole of a file, when no finer position is known. */
    public static SourcePosition ofFile(String file) {
        return new SourcePosition(file, 0, 0);
    }

    @Override
    public int compareTo(SourcePosition o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + Math.max(column, 1) : file;
    }
}
