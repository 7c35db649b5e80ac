package org.guidegraph.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * All source files of a guide: its own {@code content/}, {@code ontology/} and {@code templates/}, completed by
 * guidegraph's built-in ontology and templates. A guide file shadows a built-in file of the same path, so a guide
 * can override one template or extend the vocabulary without copying the rest.
 */
public final class GuideSources {

    private final Path guideDir;
    private final List<SourceFile> files;

    private GuideSources(Path guideDir, List<SourceFile> files) {
        this.guideDir = guideDir;
        this.files = List.copyOf(files);
    }

    /** Reads every source file of the guide at {@code guideDir}, plus the built-in files it does not override. */
    public static GuideSources read(Path guideDir) {
        Map<String, SourceFile> byPath = new LinkedHashMap<>();
        for (SourceFile f : BuiltIn.files()) {
            byPath.put(f.path(), f);
        }
        for (SourceFile f : readDir(guideDir)) {
            byPath.put(f.path(), f);
        }
        List<SourceFile> list = new ArrayList<>(byPath.values());
        list.sort(Comparator.comparing(SourceFile::path));
        return new GuideSources(guideDir, list);
    }

    /** Builds a source set from files already in memory (tests, regeneration). */
    public static GuideSources of(Path guideDir, List<SourceFile> files) {
        List<SourceFile> list = new ArrayList<>(files);
        list.sort(Comparator.comparing(SourceFile::path));
        return new GuideSources(guideDir, list);
    }

    /** Works out the kind of a file from its path relative to the guide directory, or null if it is not a source. */
    public static SourceKind kindOf(String relPath) {
        if (relPath.startsWith("content/graph/") && relPath.endsWith(".ttl")) {
            return SourceKind.GRAPH;
        }
        if (relPath.startsWith("content/pages/") && relPath.endsWith(".md")) {
            return SourceKind.PAGE;
        }
        if (relPath.startsWith("ontology/") && relPath.endsWith(".ttl")) {
            return SourceKind.ONTOLOGY;
        }
        if (relPath.startsWith("templates/queries/") && relPath.endsWith(".rq")) {
            return SourceKind.QUERY;
        }
        if (relPath.startsWith("templates/assets/")) {
            return SourceKind.ASSET;
        }
        if (relPath.startsWith("templates/") && relPath.endsWith(".ftl")) {
            return SourceKind.TEMPLATE;
        }
        return null;
    }

    private static List<SourceFile> readDir(Path guideDir) {
        List<SourceFile> out = new ArrayList<>();
        for (String top : List.of("content", "ontology", "templates")) {
            Path dir = guideDir.resolve(top);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                    String rel = guideDir.relativize(p).toString().replace('\\', '/');
                    SourceKind kind = kindOf(rel);
                    if (kind != null && !isHidden(rel)) {
                        out.add(new SourceFile(rel, kind, Files.readAllBytes(p), false));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static boolean isHidden(String rel) {
        for (String part : rel.split("/")) {
            if (part.startsWith(".") || part.endsWith("~")) {
                return true;
            }
        }
        return false;
    }

    public Path guideDir() {
        return guideDir;
    }

    /** Every file, sorted by path. */
    public List<SourceFile> all() {
        return files;
    }

    /** The files of one kind, sorted by path. */
    public List<SourceFile> ofKind(SourceKind kind) {
        return files.stream().filter(f -> f.kind() == kind).toList();
    }

    /** The file at a relative path, or null. */
    public SourceFile get(String relPath) {
        for (SourceFile f : files) {
            if (f.path().equals(relPath)) {
                return f;
            }
        }
        return null;
    }
}
