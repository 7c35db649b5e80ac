package org.guidegraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages of a site by path, with the order a regeneration takes from the last build. */
class SiteSectionsTest {

    @TempDir
    Path tmp;

    @Test
    void pagesComeInPathOrderAfterPagesAreAddedOrRemovedBetweenCalls() throws IOException {
        Path site = tmp.resolve("site");
        IndexReuse reuse = new IndexReuse();
        page(site, "c.html");
        page(site, "a.html");
        page(site, "sub/b.html");
        assertEquals(List.of("a.html", "c.html", "sub/b.html"), pages(site, reuse));

        page(site, "b.html");
        assertEquals(List.of("a.html", "b.html", "c.html", "sub/b.html"), pages(site, reuse));

        // as many pages as before, one of them another
        Files.delete(site.resolve("c.html"));
        page(site, "0.html");
        assertEquals(List.of("0.html", "a.html", "b.html", "sub/b.html"), pages(site, reuse));

        Files.delete(site.resolve("a.html"));
        assertEquals(List.of("0.html", "b.html", "sub/b.html"), pages(site, reuse));
        assertEquals(pages(site, null), pages(site, reuse));
    }

    @Test
    void pagesKeptElsewhereTakeTheirPlaceInPathOrderAndAreReadFromThere() throws IOException {
        Path site = tmp.resolve("site");
        Path inPlace = tmp.resolve("in-place");
        IndexReuse reuse = new IndexReuse();
        page(site, "b.html");
        page(inPlace, "a.html");
        page(inPlace, "c.html");
        Set<String> kept = Set.of("a.html", "c.html", "style.css");
        Map<String, List<SearchDocument>> byPage = SiteSections.byPage(site, Set.of(), Map.of(), kept, inPlace,
                reuse);
        assertEquals(List.of("a.html", "b.html", "c.html"), List.copyOf(byPage.keySet()));
        assertEquals("Page c", byPage.get("c.html").get(0).title());

        Files.delete(site.resolve("b.html"));
        page(site, "d.html");
        byPage = SiteSections.byPage(site, Set.of(), Map.of(), kept, inPlace, reuse);
        assertEquals(List.of("a.html", "c.html", "d.html"), List.copyOf(byPage.keySet()));
    }

    private static List<String> pages(Path site, IndexReuse reuse) throws IOException {
        return List.copyOf(SiteSections.byPage(site, Set.of(), Map.of(), Set.of(), site, reuse).keySet());
    }

    /** Writes a page titled after its name. */
    private static void page(Path site, String rel) throws IOException {
        Path file = site.resolve(rel);
        Files.createDirectories(file.getParent());
        String name = file.getFileName().toString().replace(".html", "");
        Files.writeString(file, "<html><head><title>Page " + name + "</title></head><body><main><h1>Page " + name
                + "</h1><p>Text of " + name + ".</p></main></body></html>");
    }
}
