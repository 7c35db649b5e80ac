package org.guidegraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sections ({@link HtmlSections}) of every page of a built site, pages read and parsed in parallel over the
 * available cores. The result is in the order of the pages' paths, whatever the number of threads, so an index
 * built from it is the same on every machine.
 */
public final class SiteSections {

    private SiteSections() {
    }

    /**
     * The sections of every {@code .html} file under {@code site}, in the order of their site-relative paths.
     *
     * @param site the site root
     * @param excluded site-relative paths of pages that are not searched ({@code 404.html}, the search page)
     */
    public static List<SearchDocument> extract(Path site, Set<String> excluded) throws IOException {
        List<String> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html") && Files.isRegularFile(p))
                    .map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .filter(rel -> !excluded.contains(rel))
                    .sorted()
                    .toList();
        }
        try {
            // An ordered stream: the parallel map keeps the pages' order, so the threads never show in the output.
            return pages.parallelStream()
                    .map(rel -> HtmlSections.extract(rel, read(site.resolve(rel))))
                    .flatMap(List::stream)
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String read(Path page) {
        try {
            return Files.readString(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
