package org.guidegraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
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
        return byPage(site, excluded, unchanged, elsewhere, other, null);
    }

    /**
     * As {@link #byPage(Path, Set, Map, Set, Path)}; with {@code reuse} (may be null), the pages are put in path
     * order by taking the order noted there at the last call when they are the same pages (a regeneration seldom
     * adds or removes one) instead of sorting them again, and their order is noted there for the next call.
     */
    public static Map<String, List<SearchDocument>> byPage(Path site, Set<String> excluded,
            Map<String, List<SearchDocument>> unchanged, Set<String> elsewhere, Path other, IndexReuse reuse)
            throws IOException {
        Set<String> walked = new HashSet<>();
        try (Stream<Path> walk = Files.walk(site)) {
            walk.filter(p -> p.toString().endsWith(".html") && Files.isRegularFile(p))
                    .map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .forEach(walked::add);
        }
        Set<String> found = new HashSet<>(walked);
        for (String rel : elsewhere) {
            if (rel.endsWith(".html")) {
                found.add(rel);
            }
        }
        found.removeAll(excluded);
        List<String> pages = inPathOrder(found, reuse);
        try {
            // An ordered stream: the parallel map keeps the pages' order, so the threads never show in the output.
            List<List<SearchDocument>> sections = pages.parallelStream()
                    .map(rel -> unchanged.containsKey(rel) ? unchanged.get(rel)
                            : HtmlSections.extract(rel, read((walked.contains(rel) ? site : other).resolve(rel))))
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

    /** The pages {@code found}, sorted: as {@code reuse} noted them last if they are the same; noted there. */
    private static List<String> inPathOrder(Set<String> found, IndexReuse reuse) {
        List<String> last = reuse == null ? List.of() : reuse.pages;
        if (last.size() == found.size() && found.containsAll(last)) {
            return last;
        }
        List<String> sorted = new ArrayList<>(found);
        Collections.sort(sorted);
        if (reuse != null) {
            reuse.pages = List.copyOf(sorted);
        }
        return sorted;
    }

    private static String read(Path page) {
        try {
            return Files.readString(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
