package org.guidegraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The search fixtures of {@code src/test/resources/search} (see its README). */
final class Fixtures {

    static final Path ROOT = Path.of("src/test/resources/search");
    static final Path SITE = ROOT.resolve("site");

    private Fixtures() {
    }

    static String read(String path) {
        try {
            return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every section of every page of the fixture site, then the entities: what the build would index. */
    static List<SearchDocument> guide() {
        List<SearchDocument> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SITE)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                String rel = SITE.relativize(p).toString().replace('\\', '/');
                docs.addAll(HtmlSections.extract(rel, Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        docs.addAll(entities());
        return docs;
    }

    static List<SearchDocument> entities() {
        List<SearchDocument> docs = new ArrayList<>();
        for (String line : read("entities.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            docs.add(new SearchDocument(f[0], f[1], f[2], f[3], f[4]));
        }
        return docs;
    }
}
