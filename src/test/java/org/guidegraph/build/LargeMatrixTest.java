package org.guidegraph.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.guidegraph.synth.SyntheticGuide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A matrix too large for one page (here 8 approaches × 300 features) is shown one category per page: the matrix
 * page lists the categories, each category's page holds its part of the matrix, and nothing of it is lost.
 */
class LargeMatrixTest {

    @TempDir
    static Path tmp;
    static Path site;

    @BeforeAll
    static void build() throws IOException {
        Path guide = tmp.resolve("guide");
        SyntheticGuide.write(new SyntheticGuide.Spec(8, 300, 40, 4, 3), guide);
        site = tmp.resolve("site");
        BuildResult r = SiteBuildTest.build(guide, site);
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(Files.readString(site.resolve(path)), site.resolve(path).toUri().toString());
    }

    @Test
    void theMatrixPageListsEveryCategoryWithALinkToItsPartInsteadOfOneHugeTable() throws IOException {
        Document matrix = page("matrix.html");
        assertTrue(matrix.select("table.matrix").isEmpty(), "no whole-matrix table");
        List<Element> rows = matrix.select("main table tbody tr");
        assertFalse(rows.isEmpty());
        int features = 0;
        for (Element row : rows) {
            Element link = row.selectFirst("th a");
            assertNotNull(link, row.outerHtml());
            assertTrue(link.attr("href").startsWith("category/") && link.attr("href").endsWith(".html#matrix"),
                    link.attr("href"));
            Document category = page(link.attr("href").replace("#matrix", ""));
            assertNotNull(category.getElementById("matrix"), "the category page has the matrix section");
            int count = Integer.parseInt(row.select("td").first().text());
            assertEquals(count, category.select("table.matrix tbody tr").size(), link.attr("href"));
            features += count;
        }
        assertEquals(300, features, "every feature is in one category's part");
    }

    @Test
    void everyCellOfACategoryPartIsAnAssessmentOfEveryApproach() throws IOException {
        Path categories = site.resolve("category");
        List<Path> pages = new ArrayList<>();
        try (var s = Files.list(categories)) {
            s.filter(p -> p.toString().endsWith(".html")).sorted().forEach(pages::add);
        }
        int cells = 0;
        for (Path p : pages) {
            Document d = Jsoup.parse(Files.readString(p));
            assertEquals(9, d.select("table.matrix thead th").size(), "feature column and 8 approaches: " + p);
            for (Element tr : d.select("table.matrix tbody tr")) {
                assertEquals(8, tr.select("td").size(), p + ": " + tr.attr("data-feature"));
                cells += tr.select("td[data-level]").size();
            }
        }
        assertTrue(cells > 300 * 8 / 2, "most cells are assessed: " + cells);
    }

    @Test
    void aFeaturePageLinksToItsRowOnItsCategoryPage() throws IOException {
        Path features = site.resolve("feature");
        Path first;
        try (var s = Files.list(features)) {
            first = s.filter(p -> p.toString().endsWith(".html")).sorted().findFirst().orElseThrow();
        }
        Document feature = Jsoup.parse(Files.readString(first));
        Element link = feature.select("p.lead a").stream().filter(a -> a.text().equals("comparison matrix"))
                .findFirst().orElseThrow();
        String href = link.attr("href");
        assertTrue(href.startsWith("../category/"), href);
        String slug = first.getFileName().toString().replace(".html", "");
        assertEquals("f-" + slug, href.substring(href.indexOf('#') + 1));
        Document category = page(href.substring("../".length(), href.indexOf('#')));
        assertNotNull(category.getElementById("f-" + slug), "the row the link names");
    }

    @Test
    void anApproachPageSummarisesItsAssessmentsByCategory() throws IOException {
        Path approaches = site.resolve("approach");
        Path first;
        try (var s = Files.list(approaches)) {
            first = s.filter(p -> p.toString().endsWith(".html")).sorted().findFirst().orElseThrow();
        }
        Document approach = Jsoup.parse(Files.readString(first));
        Element table = approach.getElementById("assessments").nextElementSibling().nextElementSibling();
        int features = 0;
        for (Element tr : table.select("tbody tr")) {
            List<Element> tds = tr.select("td");
            int inCategory = Integer.parseInt(tds.get(0).text());
            int byLevel = 0;
            for (Element td : tds.subList(1, tds.size())) {
                byLevel += Integer.parseInt(td.text());
            }
            assertEquals(inCategory, byLevel, "every assessment has one level: " + tr.text());
            features += inCategory;
        }
        assertTrue(features > 0 && features <= 300, "features assessed: " + features);
    }
}
