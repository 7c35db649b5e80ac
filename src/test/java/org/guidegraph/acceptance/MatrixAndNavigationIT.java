package org.guidegraph.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.guidegraph.gates.Browser;
import org.guidegraph.gates.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;

/**
 * Issue 8's key flows clicked through on the built guide, opened from disk in Chromium: the comparison matrix's
 * filters and downloads ({@code matrix.js}) and the main navigation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatrixAndNavigationIT {

    private static final String MATRIX = "matrix.html";
    private static final Path DOWNLOADS = Path.of("target", "acceptance", "downloads").toAbsolutePath();

    /** A matrix row as the downloads give it, or as the table shows it. */
    record Row(String category, String feature, String approach, String level, String value, String note) {
    }

    private final SourceGuide source = SourceGuide.read();
    private Site site;
    private Browser browser;
    private WebDriver driver;

    @BeforeAll
    void launch() throws IOException {
        Browser.assumeAvailable();
        site = BuiltGuide.get().site();
        browser = Browser.launch();
        driver = browser.driver();
        Files.createDirectories(DOWNLOADS);
        ((ChromeDriver) driver).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", DOWNLOADS.toString()));
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void uncheckingACategoryHidesItsRowsAndCheckingItShowsThemAgain() {
        Pages.open(driver, site, MATRIX);
        List<String> all = shownFeatures();
        assertEquals(source.matrix().stream().map(SourceGuide.Cell::feature).distinct().sorted().toList(),
                all.stream().sorted().toList(), "the whole matrix shows at first");
        List<String> hardware = driver.findElements(By.cssSelector("tbody[data-category=hardware] tr[data-feature] th"))
                .stream().map(WebElement::getText).toList();
        assertFalse(hardware.isEmpty(), "the Hardware category has features");

        toggle("Categories", "Hardware");
        List<String> without = new ArrayList<>(all);
        without.removeAll(hardware);
        assertEquals(without, shownFeatures(), "Hardware unticked: its rows " + hardware + " are hidden, no other");
        assertFalse(driver.findElement(By.id("cat-hardware")).isDisplayed(), "its category heading is hidden too");

        toggle("Categories", "Hardware");
        assertEquals(all, shownFeatures(), "Hardware ticked again: every row shows");
    }

    @Test
    void choosingTwoApproachesHidesTheThirdColumn() {
        Pages.open(driver, site, MATRIX);
        List<String> approaches = source.matrix().stream().map(SourceGuide.Cell::approach).distinct().toList();
        assertEquals(approaches, shownHeaders().subList(1, shownHeaders().size()), "every approach shows at first");

        toggle("Approaches to compare", "ServingRuntime");
        assertEquals(List.of("Feature", approaches.get(0), approaches.get(1)), shownHeaders());
        assertTrue(driver.findElements(By.cssSelector("#matrix tbody tr[data-feature]")).stream().allMatch(
                tr -> tr.findElements(By.tagName("td")).stream().filter(WebElement::isDisplayed).count() == 2),
                "every row shows two cells");
        assertEquals(List.of("3"), driver.findElements(By.cssSelector("#matrix .category-row th")).stream()
                .map(th -> th.getAttribute("colspan")).distinct().toList(), "category rows span the columns shown");
    }

    @Test
    void theCsvDownloadOfTheWholeMatrixHasEveryCellOfTheSource() {
        Pages.open(driver, site, MATRIX);
        List<Row> csv = parseCsv(download("CSV", "matrix.csv"));
        List<String> expected = source.matrix().stream()
                .map(c -> String.join(" | ", c.feature(), c.approach(), c.level(), c.value(), c.note())).sorted().toList();
        List<String> actual = csv.stream()
                .map(r -> String.join(" | ", r.feature(), r.approach(), r.level(), r.value(), r.note())).sorted().toList();
        assertEquals(expected, actual);
        assertEquals(csv, shownRows(), "the CSV has the table's rows, in its order");
    }

    @Test
    void theDownloadsOfAFilteredMatrixHaveTheRowsTheTableShows() {
        Pages.open(driver, site, MATRIX);
        toggle("Categories", "Maturity");
        toggle("Approaches to compare", "KServe LLMD");
        List<Row> shown = shownRows();
        assertTrue(shown.stream().noneMatch(r -> r.category().equals("Maturity") || r.approach().startsWith("KServe")),
                "the filters hide the Maturity rows and the KServe LLMD column: " + shown);
        long features = source.matrix().stream().map(SourceGuide.Cell::feature).distinct().count();
        long maturity = driver.findElements(By.cssSelector("tbody[data-category=maturity] tr[data-feature]")).size();
        assertEquals((features - maturity) * 2, shown.size(), "the features outside Maturity show, for two approaches");

        assertEquals(shown, parseCsv(download("CSV", "matrix.csv")), "the CSV has the rows the table shows");
        assertEquals(shown, parseJson(download("JSON", "matrix.json")), "the JSON has the rows the table shows");
    }

    @Test
    void everyLinkInTheMainNavOpensAPageWithAHeadingAndNoConsoleErrors() {
        Pages.open(driver, site, "index.html");
        List<String> targets = navLinks().stream().map(a -> Pages.relative(site, a.getAttribute("href"))).toList();
        assertTrue(targets.containsAll(List.of("index.html", "decide.html", MATRIX, "summary.html", "resources.html",
                "vocabulary.html", "queries.html")), "the main navigation: " + targets);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Pages.open(driver, site, "index.html");
            Pages.consoleErrors(driver);
            String target = targets.get(i);
            navLinks().get(i).click();
            Pages.waitFor(driver, "the nav link to open " + target, d -> Pages.here(d, site).equals(target));
            if (driver.findElements(By.tagName("h1")).stream().noneMatch(h -> !h.getText().isBlank())) {
                problems.add(target + ": no h1");
            }
            Pages.consoleErrors(driver).forEach(e -> problems.add(target + ": console error: " + e));
        }
        assertEquals(List.of(), problems);
    }

    private List<WebElement> navLinks() {
        return driver.findElements(By.cssSelector("nav[aria-label=Main] a"));
    }

    /** Clicks the checkbox labelled {@code label} in the fieldset whose legend is {@code legend}. */
    private void toggle(String legend, String label) {
        List<WebElement> boxes = driver.findElements(By.cssSelector("#matrix-controls fieldset")).stream()
                .filter(f -> f.findElement(By.tagName("legend")).getText().equals(legend))
                .flatMap(f -> f.findElements(By.tagName("label")).stream())
                .filter(l -> l.getText().strip().equals(label)).toList();
        assertEquals(1, boxes.size(), "one \"" + label + "\" box under \"" + legend + "\"");
        boxes.get(0).click();
    }

    private List<String> shownFeatures() {
        return driver.findElements(By.cssSelector("#matrix tbody tr[data-feature] th")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    private List<String> shownHeaders() {
        return driver.findElements(By.cssSelector("#matrix thead th")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).toList();
    }

    /**
     * The cells the table shows, read from what a reader sees (not from the data attributes the downloads use): the
     * badge's word is the level, the value is shown beside it unless it is the level's own word, the note follows
     * in parentheses.
     */
    @SuppressWarnings("unchecked")
    private List<Row> shownRows() {
        List<List<String>> cells = (List<List<String>>) Pages.js(driver, """
                var shown = e => e && e.offsetParent !== null;
                var text = e => e ? e.textContent.replace(/\\s+/g, ' ').trim() : '';
                var heads = Array.from(document.querySelectorAll('#matrix thead th')).map(text);
                var out = [];
                document.querySelectorAll('#matrix tbody').forEach(tb => {
                  var category = text(tb.querySelector('.category-row th'));
                  tb.querySelectorAll('tr[data-feature]').forEach(tr => {
                    if (!shown(tr)) return;
                    Array.from(tr.children).forEach((cell, i) => {
                      if (cell.tagName !== 'TD' || !shown(cell)) return;
                      var badge = cell.querySelector('.badge').cloneNode(true);
                      badge.querySelectorAll('.sym').forEach(s => s.remove());
                      var level = text(badge);
                      var value = cell.querySelector('.cell-value');
                      var note = text(cell.querySelector('.cell-note')).replace(/^\\((.*)\\)$/, '$1');
                      out.push([category, text(tr.querySelector('th')), heads[i], level, value ? text(value) : level, note]);
                    });
                  });
                });
                return out;""");
        return cells.stream().map(c -> new Row(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5))).toList();
    }

    /** Clicks a download button and returns the file the browser saved. */
    private String download(String button, String name) {
        Path file = DOWNLOADS.resolve(name);
        try {
            Files.deleteIfExists(file);
            driver.findElement(By.xpath("//form[@id='matrix-controls']//button[normalize-space()='" + button + "']")).click();
            Pages.waitFor(driver, name + " to be downloaded to " + DOWNLOADS, d -> Files.isRegularFile(file)
                    && !Files.exists(DOWNLOADS.resolve(name + ".crdownload")));
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the downloaded " + file, e);
        }
    }

    /** RFC 4180: CRLF lines, fields quoted when they hold a comma, quote or line break; a header line first. */
    private static List<Row> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertTrue(field.length() == 0 && record.isEmpty(), "the CSV ends with CRLF");
        assertEquals(List.of("category", "feature", "approach", "level", "value", "note"), records.get(0), "CSV header");
        return records.subList(1, records.size()).stream().map(r -> {
            assertEquals(6, r.size(), "six fields: " + r);
            return new Row(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5));
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Row> parseJson(String text) {
        List<Map<String, Object>> rows = new Json().toType(text, List.class);
        return rows.stream().map(r -> new Row((String) r.get("category"), (String) r.get("feature"),
                (String) r.get("approach"), (String) r.get("level"), (String) r.get("value"), (String) r.get("note")))
                .toList();
    }
}
