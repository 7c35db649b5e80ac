package org.guidegraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * guidegraph's own ontology and templates, packaged in the jar. The build writes an index of them
 * ({@code org/guidegraph/builtin/index.txt}) so they can be listed without scanning the class path.
 */
final class BuiltIn {

    private static final String ROOT = "/org/guidegraph/builtin/";

    private BuiltIn() {
    }

    /** The files, read from the class path once: they cannot change while the program runs. */
    static List<SourceFile> files() {
        return Files.ALL;
    }

    private static final class Files {
        static final List<SourceFile> ALL = List.copyOf(read());
    }

    private static List<SourceFile> read() {
        List<SourceFile> out = new ArrayList<>();
        try (InputStream index = BuiltIn.class.getResourceAsStream(ROOT + "index.txt")) {
            if (index == null) {
                return out;
            }
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String rel = line.strip();
                SourceKind kind = rel.isEmpty() ? null : GuideSources.kindOf(rel);
                if (kind == null) {
                    continue;
                }
                try (InputStream in = BuiltIn.class.getResourceAsStream(ROOT + rel)) {
                    if (in == null) {
                        throw new IllegalStateException("built-in file listed but missing: " + rel);
                    }
                    out.add(new SourceFile(rel, kind, in.readAllBytes(), true));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
