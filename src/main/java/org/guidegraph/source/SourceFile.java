package org.guidegraph.source;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One source file of a guide, read into memory.
 *
 * @param path path relative to the guide directory with forward slashes (also for built-in files,
 *     which are named as they would be in a guide, e.g. {@code ontology/guidegraph.ttl})
 * @param kind what the file is
 * @param bytes the file's content
 * @param builtIn true when the file comes from guidegraph itself rather than the guide directory
 */
public record SourceFile(String path, SourceKind kind, byte[] bytes, boolean builtIn) {

    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** The content decoded as UTF-8. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The file name without folders. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFile f && f.path.equals(path) && f.kind == kind
                && java.util.Arrays.equals(f.bytes, bytes) && f.builtIn == builtIn;
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path;
    }
}
