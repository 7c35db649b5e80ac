package org.guidegraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        List<SearchDocument> out = new java.util.ArrayList<>();
        byPage(site, excluded, Map.of()).values().forEach(out::addAll);
        return List.copyOf(out);
    }

    /**
     * The sections of every page, by site-relative path in path order. A page found in {@code unchanged} is not
     * read again: its sections are taken from there (a rebuild passes the sections of the pages it carried over).
     */
    public static Map<String, List<SearchDocument>> byPage(Path site, Set<String> excluded,
            Map<String, List<SearchDocument>> unchanged) throws IOException {
        return byPage(site, excluded, unchanged, Set.of(), site);
    }

    /**
     * As {@link #byPage(Path, Set, Map)} for a site whose files {@code elsewhere} (site-relative) are not in
     * {@code site} but in the folder {@code other} (a site written in place keeps them there): their pages count
     * too, read from there if {@code unchanged} lacks them.
     */
    public static Map<String, List<SearchDocument>> byPage(Path site, Set<String> excluded,
            Map<String, List<SearchDocument>> unchanged, Set<String> elsewhere, Path other) throws IOException {
        java.util.TreeSet<String> found = new java.util.TreeSet<>();
        try (Stream<Path> walk = Files.walk(site)) {
            walk.filter(p -> p.toString().endsWith(".html") && Files.isRegularFile(p))
                    .map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .forEach(found::add);
        }
        Set<String> there = new java.util.HashSet<>();
        for (String rel : elsewhere) {
            if (rel.endsWith(".html") && found.add(rel)) {
                there.add(rel);
            }
        }
        found.removeAll(excluded);
        List<String> pages = List.copyOf(found);
        try {
            // An ordered stream: the parallel map keeps the pages' order, so the threads never show in the output.
            List<List<SearchDocument>> sections = pages.parallelStream()
                    .map(rel -> unchanged.containsKey(rel) ? unchanged.get(rel)
                            : HtmlSections.extract(rel, read((there.contains(rel) ? other : site).resolve(rel))))
                    .toList();
            Map<String, List<SearchDocument>> out = new java.util.LinkedHashMap<>();
            for (int i = 0; i < pages.size(); i++) {
                out.put(pages.get(i), sections.get(i));
            }
            return out;
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
