package org.guidegraph.querypage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.guidegraph.TestGuides;
import org.guidegraph.build.BuildOptions;
import org.guidegraph.build.BuildResult;
import org.guidegraph.build.SiteBuild;
import org.guidegraph.gates.Browser;
import org.guidegraph.gates.Problem;
import org.guidegraph.gates.Site;
import org.guidegraph.serve.Generation;
import org.guidegraph.serve.GuideServer;
import org.guidegraph.serve.ServeOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The query page in Chromium: served by a real {@link GuideServer} over a fresh build of this repository's guide, it
 * loads a named query with one click and runs it on the endpoint; a malformed query shows the parser's line and
 * column and puts the caret there; opened from disk it says where the endpoint lives and sends nothing.
 */
class QueryPageIT {

    @TempDir
    static Path tmp;
    static Path site;
    static GuideServer server;
    static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        Browser.assumeAvailable();
        site = tmp.resolve("site");
        BuildResult r = new SiteBuild(BuildOptions.of(TestGuides.PROJECT, site), new PrintWriter(new StringWriter()))
                .run();
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        server = GuideServer.start(Generation.load(1, site), ServeOptions.onPort(0));
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebDriver driver() {
        return browser.driver();
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver(), Duration.ofSeconds(20));
    }

    private static WebElement editor() {
        return driver().findElement(By.id("q-text"));
    }

    private static long number(String script, WebElement e) {
        return ((Number) ((JavascriptExecutor) driver()).executeScript(script, e)).longValue();
    }

    /**
     * Runs axe-core on the page as it is now (results or error shown) and returns its serious and critical
     * violations; also keeps a screenshot in {@code target/screenshots/querypage/} for a person to look at.
     */
    private static List<String> seriousViolations(String shot) throws IOException {
        java.nio.file.Files.createDirectories(SHOTS);
        java.nio.file.Files.write(SHOTS.resolve(shot + ".png"),
                ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES));
        Results results = new AxeBuilder().analyze(driver());
        assertFalse(results.isErrored(), results.getErrorMessage());
        return results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
    }

    static final Path SHOTS = Path.of("target", "screenshots", "querypage");

    @Test
    void oneClickLoadsTheApproachesQueryAndRunningItShowsATableOfThreeApproachesWithLinksToTheirPages() throws IOException {
        driver().get(server.url() + "/sparql.html");
        driver().findElement(By.cssSelector("button.q-example[data-query='approaches']")).click();
        String text = editor().getAttribute("value");
        assertTrue(text.startsWith("PREFIX "), "the prefixes come first: " + text);
        assertTrue(text.contains("PREFIX gg: <https://guidegraph.org/ns#>"), text);
        assertTrue(text.contains("SELECT ?approach ?label"), "the approaches query is loaded: " + text);
        assertTrue(driver().findElement(By.id("q-loaded")).getText().contains("approaches"));

        driver().findElement(By.id("q-run")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#q-output table tbody tr")).isEmpty());
        List<WebElement> rows = driver().findElements(By.cssSelector("#q-output table tbody tr"));
        assertEquals(3, rows.size(), "the guide compares three approaches");
        WebElement table = driver().findElement(By.cssSelector("#q-output table"));
        assertTrue(table.findElement(By.tagName("caption")).getText().contains("3 rows"));
        List<String> heads = table.findElements(By.cssSelector("thead th[scope=col]")).stream()
                .map(WebElement::getText).toList();
        assertEquals("?approach", heads.get(0), heads.toString());
        List<String> pages = table.findElements(By.cssSelector("tbody tr td:first-child a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertEquals(3, pages.size(), "each approach IRI is a link");
        assertTrue(pages.contains(server.url() + "/approach/llm-d.html"), "links go to the approach's page: " + pages);
        assertTrue(driver().findElement(By.id("q-error")).getAttribute("hidden") != null, "no error");
        assertEquals(List.of(), seriousViolations("approaches"), "the results are accessible");

        // the link opens the approach's page on this server
        table.findElement(By.cssSelector("a[href='approach/llm-d.html']")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/approach/llm-d.html"));
        assertFalse(driver().findElement(By.tagName("h1")).getText().isBlank());
    }

    @Test
    void aMalformedQueryRunWithCtrlEnterShowsTheLineAndColumnAndPutsTheCaretThere() throws IOException {
        driver().get(server.url() + "/sparql.html");
        WebElement editor = editor();
        editor.clear();
        editor.sendKeys("SELECT * WHERE {\n  ?s ?p ?o ) .\n  ?s a ?t .\n}");
        long before = number("return arguments[0].selectionStart", editor);
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        waiting().until(d -> d.findElement(By.id("q-error")).isDisplayed());
        String error = driver().findElement(By.id("q-error")).getText();
        Matcher at = Pattern.compile("line (\\d+), column (\\d+)").matcher(error);
        assertTrue(at.find(), "the error says where: " + error);
        assertEquals("2", at.group(1), error);
        assertEquals("12", at.group(2), error);
        long caret = number("return arguments[0].selectionStart", editor);
        long expected = "SELECT * WHERE {\n".length() + 11;
        assertEquals(expected, caret, "the caret is at line 2, column 12 (the stray ')'), not at " + before);
        assertEquals(")", editor.getAttribute("value").substring((int) caret, (int) caret + 1));
        assertEquals(editor, driver().switchTo().activeElement(), "the editor has the focus");
        assertTrue(driver().findElement(By.id("q-results")).getAttribute("hidden") != null, "no results shown");
        assertEquals(List.of(), seriousViolations("error"), "the error is accessible");
    }

    @Test
    void fromDiskThePageSaysWhereTheEndpointLivesStillLoadsTheExamplesAndHasNoConsoleErrors() throws IOException {
        Site disk = Site.at(site);
        List<Problem> problems = browser.load(disk.fileBase(), "sparql.html");
        assertEquals(List.of(), problems, "no console errors or failed requests from disk");
        WebElement note = driver().findElement(By.id("q-no-endpoint"));
        assertTrue(note.isDisplayed(), "the no-endpoint note shows");
        String said = note.getText();
        assertTrue(said.contains("No SPARQL endpoint here") && said.contains("guidegraph serve")
                && said.contains("http://127.0.0.1:8080/sparql.html"), said);
        List<String> links = note.findElements(By.tagName("a")).stream().map(a -> a.getAttribute("href")).toList();
        assertTrue(links.contains(disk.fileBase() + "graph.ttl") && links.contains(disk.fileBase() + "graph.jsonld"),
                "the graph is offered for download: " + links);

        driver().findElement(By.cssSelector("button.q-example[data-query='approaches']")).click();
        assertTrue(editor().getAttribute("value").contains("SELECT ?approach ?label"), "the examples still load");
        driver().findElement(By.id("q-run")).click();
        assertTrue(driver().findElement(By.id("q-status")).getText().contains("opened from disk"),
                driver().findElement(By.id("q-status")).getText());
        assertTrue(driver().findElement(By.id("q-results")).getAttribute("hidden") != null, "nothing ran");

        // the queries page links to sparql.html?query=NAME: from disk too, that loads the query
        driver().get(disk.fileBase() + "sparql.html?query=needs");
        assertTrue(driver().findElement(By.id("q-loaded")).getText().contains("needs"),
                driver().findElement(By.id("q-loaded")).getText());
        assertTrue(driver().findElement(By.id("q-no-endpoint")).isDisplayed());
        assertEquals(List.of(), seriousViolations("from-disk"), "the note is accessible");
    }
}
