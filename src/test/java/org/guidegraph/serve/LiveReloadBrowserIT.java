package org.guidegraph.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.guidegraph.TestGuides;
import org.guidegraph.build.BuildOptions;
import org.guidegraph.gates.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An open page in Chromium follows the guide's files: it reloads itself, and shows a broken build's problems. */
class LiveReloadBrowserIT {

    @TempDir
    Path tmp;
    Path graph;
    LiveSite site;
    Browser browser;
    final StringWriter log = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        Browser.assumeAvailable();
        Path guide = tmp.resolve("guide");
        LiveSiteIT.copy(TestGuides.MINIMAL, guide);
        graph = guide.resolve("content/graph/guide.ttl");
        edit("gg:value \"Yes\" ;", "gg:value \"Yes\" ; gg:note \"first note\" ;");
        site = LiveSite.start(BuildOptions.of(guide, tmp.resolve("site")), ServeOptions.onPort(0), 100,
                new PrintWriter(log, true));
        browser = Browser.launch();
    }

    @AfterEach
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void anOpenPageShowsTheNewNoteThenTheProblemsOfABrokenSaveThenTheFix() throws Exception {
        WebDriver driver = browser.driver();
        driver.get(site.server().url() + "/approach/only.html");
        assertTrue(driver.getPageSource().contains("first note"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        Thread.sleep(300); // the page's event stream connects

        edit("first note", "second note");
        wait.until(d -> d.getPageSource().contains("second note"));

        edit("second note\" ;", "broken note ;");
        wait.until(d -> !d.findElements(By.id("gg-live-problems")).isEmpty());
        String overlay = driver.findElement(By.id("gg-live-problems")).getText();
        assertTrue(overlay.matches("(?s).*content/graph/guide\\.ttl:\\d+:\\d+: error: Turtle syntax.*"), overlay);
        assertTrue(driver.getPageSource().contains("second note"), "the last good page stays");

        edit("broken note ;", "third note\" ;");
        wait.until(d -> d.getPageSource().contains("third note"));
        assertTrue(driver.findElements(By.id("gg-live-problems")).isEmpty(), "the overlay is gone");
    }

    private void edit(String from, String to) throws IOException {
        String text = Files.readString(graph);
        assertTrue(text.contains(from), "the fixture has " + from);
        Files.writeString(graph, text.replace(from, to));
    }
}
