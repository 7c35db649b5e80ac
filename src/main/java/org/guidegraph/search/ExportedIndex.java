package org.guidegraph.search;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link StaticIndexExporter} wrote.
 *
 * @param directory the folder the files are in
 * @param documents how many documents the index holds
 * @param files every file, manifest first, then by name
 */
public record ExportedIndex(Path directory, int documents, List<File> files) {

    /**
     * One written file.
     *
     * @param name file name inside {@link #directory()}, e.g. {@code t3-k2j9x1.js}
     * @param kind {@code manifest}, {@code terms}, {@code words}, {@code typos}, {@code documents} or
     *     {@code directories}
     * @param bytes its size
     */
    public record File(String name, String kind, long bytes) {
    }

    public ExportedIndex {
        files = List.copyOf(files);
    }

    /** The size of all files. */
    public long totalBytes() {
        return files.stream().mapToLong(File::bytes).sum();
    }

    /** The size of the files of one kind. */
    public long bytes(String kind) {
        return files.stream().filter(f -> f.kind().equals(kind)).mapToLong(File::bytes).sum();
    }
}
