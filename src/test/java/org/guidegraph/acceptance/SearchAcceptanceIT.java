package org.guidegraph.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.guidegraph.TestGuides;
import org.guidegraph.gates.Browser;
import org.guidegraph.gates.Site;
import org.guidegraph.gates.SiteServer;
import org.guidegraph.search.HtmlSections;
import org.guidegraph.search.SearchDocument;
import org.guidegraph.search.SearchHit;
import org.guidegraph.search.SearchIndex;
import org.guidegraph.search.SearchQueryException;
import org.guidegraph.search.StaticIndexExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogType;

/**
 * Issue 5's acceptance, tried as a new user would: {@code index.html} of the built guide opened from disk in
 * Chromium, words typed into its search box, and the same queries asked of the server-side index.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAcceptanceIT {

    /** A word the source guide uses once, in Use Case 5's "Why" (found by scanning the search documents). */
    private static final String WORD_USED_ONCE = "horizontally";
    private static final String TYPO = "disagregation";
    private static final String STEMMED = "disaggregated";
    private static final String DISTINCTIVE = "disaggregation";
    /** Results the search box shows. */
    private static final int SHOWN = 8;

    private BuiltGuide guide;
    private Site site;
    private Browser browser;
    private WebDriver driver;
    private SearchIndex server;
    private final Map<String, SearchBox.Shown> typed = new HashMap<>();

    @BeforeAll
    void launch() {
        Browser.assumeAvailable();
        guide = BuiltGuide.get();
        site = guide.site();
        server = guide.serverIndex();
        browser = Browser.launch();
        driver = browser.driver();
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aWordTheGuideUsesInOnePlaceFindsThatPageAndSectionFirstAndClickingLandsOnIt() throws IOException {
        String source = Files.readString(TestGuides.PROJECT.resolve("src/test/resources/source/llm-serving-decision-guide.md"),
                StandardCharsets.UTF_8);
        Pattern word = Pattern.compile("\\b" + WORD_USED_ONCE + "\\b", Pattern.CASE_INSENSITIVE);
        assertEquals(1, word.matcher(source).results().count(), "the source guide uses \"" + WORD_USED_ONCE
                + "\" once; if that changed, pick another word it uses once");
        String section = onlyHomeOf(WORD_USED_ONCE);

        SearchBox.Shown shown = SearchBox.type(driver, site, "index.html", WORD_USED_ONCE);
        assertEquals(section, shown.first(), "first result for \"" + WORD_USED_ONCE + "\" (" + shown.status() + ")");

        driver.findElement(By.cssSelector("#gg-search-listbox a")).click();
        Pages.waitFor(driver, "the result to open " + section, d -> Pages.here(d, site).equals(section));
        String anchor = section.substring(section.indexOf('#') + 1);
        assertEquals(anchor, Pages.js(driver, "var t = document.querySelector(':target'); return t && t.id"),
                "the browser lands on the section's element");
        assertEquals(Boolean.TRUE, Pages.js(driver, "var r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + " return r.top >= 0 && r.top < innerHeight", anchor), "the section is scrolled into view");
        // The section: its heading and what follows up to the next heading of the same or a higher level.
        String text = (String) Pages.js(driver, """
                var t = document.getElementById(arguments[0]);
                var level = /^H[1-6]$/.test(t.tagName) ? +t.tagName[1] : 7;
                var text = t.innerText;
                for (var n = t.nextElementSibling; n && !(/^H[1-6]$/.test(n.tagName) && +n.tagName[1] <= level);
                    n = n.nextElementSibling) {
                  text += '\\n' + n.innerText;
                }
                return text;""", anchor);
        assertTrue(word.matcher(text).find(), "the section #" + anchor + " holds \"" + WORD_USED_ONCE + "\": " + text);
    }

    @Test
    void everyResourceResultLandsOnItsOwnUniqueAnchorOnTheResourcesPage() throws IOException {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(
                Files.readString(BuiltGuide.OUT.resolve("resources.html"), StandardCharsets.UTF_8));
        Map<String, Integer> ids = new HashMap<>();
        page.select("[id]").forEach(e -> ids.merge(e.id(), 1, Integer::sum));
        ids.forEach((id, n) -> assertEquals(1, n, "resources.html has the id " + id + " once"));
        List<SearchDocument> resources = guide.searchDocuments().stream()
                .filter(d -> d.type().equals("Resource")).toList();
        assertTrue(resources.size() > 5, "the guide's resources are indexed");
        java.util.Set<String> urls = new java.util.HashSet<>();
        for (SearchDocument d : resources) {
            assertTrue(d.url().startsWith("resources.html#res-"), d.title() + " links to its anchor: " + d.url());
            String anchor = d.url().substring(d.url().indexOf('#') + 1);
            assertTrue(ids.containsKey(anchor), d.title() + ": resources.html has the anchor " + anchor);
            assertTrue(urls.add(d.url()), "one resource per anchor: " + d.url());
        }
    }

    @Test
    void slashFocusesTheBoxAndTheKeyboardOpensTheFirstResult() {
        String section = onlyHomeOf(WORD_USED_ONCE);
        Pages.open(driver, site, "index.html");
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.findElement(By.tagName("body")).sendKeys("/");
        WebElement input = driver.switchTo().activeElement();
        assertEquals("gg-search-input", input.getAttribute("id"), "\"/\" puts the cursor in the search box");
        input.sendKeys(WORD_USED_ONCE);
        assertEquals(section, SearchBox.read(driver, site.fileBase(), WORD_USED_ONCE).first());
        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals("gg-search-option-0", input.getAttribute("aria-activedescendant"), "ArrowDown selects the first result");
        input.sendKeys(Keys.ENTER);
        Pages.waitFor(driver, "Enter to open " + section, d -> Pages.here(d, site).equals(section));
    }

    @Test
    void aPageInASubfolderServedUnderASubPathFindsAndOpensTheSameSection() {
        String section = onlyHomeOf(WORD_USED_ONCE);
        try (SiteServer server = SiteServer.start(site)) {
            URI base = server.base();
            SearchBox.Shown shown = SearchBox.type(driver, base, "approach/llm-d.html", WORD_USED_ONCE);
            assertEquals(section, shown.first(), "first result from approach/llm-d.html under " + base);
            assertEquals("manifest.js", shown.indexFiles().get(0), "the index is found under " + base + "search/");
            driver.findElement(By.cssSelector("#gg-search-listbox a")).click();
            Pages.waitFor(driver, "the result to open " + section, d -> Pages.here(d, base).equals(section));
        }
    }

    @Test
    void aLinkedSearchPageListsEveryResultOfTheChosenType() throws SearchQueryException {
        List<SearchHit> expected = server.search(DISTINCTIVE, "Need", SearchIndex.MAX_LIMIT);
        assertTrue(expected.size() > 1, "the guide has several Need results for \"" + DISTINCTIVE + "\"");
        Pages.open(driver, site, "search.html?q=" + DISTINCTIVE + "&type=Need");
        String status = Pages.waitFor(driver, "the search page's results", d -> {
            String text = d.findElement(By.cssSelector("#gg-search-page .gg-search-status")).getText();
            return text.endsWith("results") ? text : null;
        });
        assertEquals(expected.size() + " results", status);
        List<WebElement> results = driver.findElements(By.cssSelector("#gg-search-page li"));
        assertEquals(expected.size(), results.size(), "every result is listed");
        assertEquals(expected.get(0).url(),
                Pages.relative(site, results.get(0).findElement(By.tagName("a")).getAttribute("href")));
        assertEquals(List.of("Need"), results.stream()
                .map(r -> r.findElement(By.cssSelector(".gg-search-result-type")).getText()).distinct().toList());
        assertEquals(DISTINCTIVE, driver.findElement(By.id("gg-search-input")).getAttribute("value"));
        assertEquals("Need", driver.findElement(By.cssSelector("#gg-search select[name=type]")).getAttribute("value"));
    }

    @Test
    void aOneLetterTypoOfADistinctiveWordStillFindsIt() throws SearchQueryException {
        SearchBox.Shown shown = typeOnHome(TYPO);
        assertEquals(serverFirst(DISTINCTIVE), shown.first(), "\"" + TYPO + "\" finds what \"" + DISTINCTIVE + "\" finds");
        assertTrue(shown.titles().get(0).toLowerCase(Locale.ROOT).contains(DISTINCTIVE), shown.titles().get(0));
    }

    @Test
    void aStemmedFormFindsTheDisaggregationContent() throws SearchQueryException {
        SearchBox.Shown shown = typeOnHome(STEMMED);
        assertEquals(serverFirst(DISTINCTIVE), shown.first(), "\"" + STEMMED + "\" finds what \"" + DISTINCTIVE + "\" finds");
        assertTrue(shown.titles().get(0).toLowerCase(Locale.ROOT).contains(DISTINCTIVE), shown.titles().get(0));
    }

    @Test
    void theServerGivesTheSameTopResultAndCountAsTheBrowserForEachQuery() throws SearchQueryException {
        for (String query : List.of(WORD_USED_ONCE, TYPO, STEMMED, DISTINCTIVE)) {
            // All of them, for the count; the static index stores scores coarser than Lucene's, so near-ties
            // further down may swap and only the top result is compared.
            List<SearchHit> hits = server.search(query, null, SearchIndex.MAX_LIMIT);
            SearchBox.Shown shown = typeOnHome(query);
            assertEquals(hits.get(0).url(), shown.first(), "\"" + query + "\": the server's top result and the search box's");
            assertEquals(hits.size() == 1 ? "1 result" : hits.size() + " results", shown.status(),
                    "\"" + query + "\": as many results in the browser as on the server");
        }
    }

    @Test
    void theBrowserLoadsOnlyTheIndexChunksAQueryNeeds() throws IOException {
        List<String> all;
        try (var files = Files.list(site.file("search"))) {
            all = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".js")).sorted().toList();
        }
        assertTrue(all.size() > 20, "the index is split into chunks: " + all);
        for (String query : List.of(WORD_USED_ONCE, TYPO, STEMMED)) {
            SearchBox.Shown shown = typeOnHome(query);
            List<String> loaded = shown.indexFiles();
            String said = "\"" + query + "\" loaded " + loaded.size() + " of " + all.size() + " index files " + loaded;
            assertEquals("manifest.js", loaded.get(0), said);
            assertTrue(all.containsAll(loaded), said + ", some not in search/");
            assertEquals(loaded.size(), loaded.stream().distinct().count(), said + ", one twice");
            // Of the word lists: the terms chunk of each stem, the prefix lists of the word being typed, and the
            // typo lists of words of its first letter and length ±1, only for a word that matched nothing.
            assertTrue(count(loaded, "t") <= 2, said);
            assertTrue(count(loaded, "w") <= 2, said);
            assertTrue(count(loaded, "f") <= (query.equals(TYPO) ? 3 : 0), said);
            // Of the documents: only chunks that hold a result on show.
            for (String file : loaded) {
                if (file.matches("m\\d+-.*")) {
                    List<String> held = documentUrls(file);
                    assertTrue(shown.urls().stream().anyMatch(held::contains), said + ": " + file
                            + " holds none of the results shown " + shown.urls());
                }
            }
            assertTrue(loaded.size() * 3 < all.size(), said + ": more than a third");
        }
    }

    private static long count(List<String> files, String kind) {
        return files.stream().filter(f -> f.matches(kind + "\\d+-.*")).count();
    }

    /**
     * The URLs of the documents in a documents chunk ({@code m<n>-<hash>.js}: lines of {@code url TAB title TAB
     * excerpt}, see {@code StaticIndexExporter.writeDocuments}), with their pages put back.
     */
    private List<String> documentUrls(String file) throws IOException {
        String text = Files.readString(site.file("search").resolve(file), StandardCharsets.UTF_8);
        String data = text.substring(text.indexOf(",\"") + 1, text.lastIndexOf(')'));
        String chunk = new Json().toType(data, String.class);
        List<String> urls = new ArrayList<>();
        String page = null;
        String pageTitle = null;
        for (String line : chunk.split("\n", -1)) {
            String[] row = line.split("\t", -1);
            String url = row[0];
            String title = row[1];
            boolean continued = title.startsWith(" ") && pageTitle != null;
            String heading = continued ? title.substring(1) : null;
            title = continued ? pageTitle + HtmlSections.SEPARATOR + heading : title;
            String thisTitle = title.contains(HtmlSections.SEPARATOR)
                    ? title.substring(0, title.indexOf(HtmlSections.SEPARATOR)) : title;
            if (url.isEmpty() && continued) { // the anchor is the heading's slug
                url = "#" + StaticIndexExporter.slug(heading);
            }
            if (url.startsWith("#")) {
                url = page + url;
            } else if (url.startsWith("``")) {
                url = url.substring(2);
            } else {
                url = url.replace("`", StaticIndexExporter.slug(thisTitle));
            }
            page = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
            pageTitle = thisTitle;
            urls.add(url);
        }
        return urls;
    }

    /** The one section of the site whose search document holds {@code word}, or fails. */
    private String onlyHomeOf(String word) {
        Pattern pattern = Pattern.compile("\\b" + Pattern.quote(word) + "\\b", Pattern.CASE_INSENSITIVE);
        List<SearchDocument> holding = guide.searchDocuments().stream()
                .filter(d -> pattern.matcher(d.title() + "\n" + d.body()).find()).toList();
        assertEquals(1, holding.size(), "one section of the site holds \"" + word + "\": "
                + holding.stream().map(SearchDocument::url).toList());
        String section = holding.get(0).url();
        assertTrue(section.contains("#"), "the word's home is a section, with an anchor: " + section);
        return section;
    }

    private SearchBox.Shown typeOnHome(String query) {
        return typed.computeIfAbsent(query, q -> SearchBox.type(driver, site, "index.html", q));
    }

    private String serverFirst(String query) throws SearchQueryException {
        List<SearchHit> hits = server.search(query, null, SHOWN);
        assertTrue(!hits.isEmpty(), "the server finds \"" + query + "\"");
        return hits.get(0).url();
    }
}
