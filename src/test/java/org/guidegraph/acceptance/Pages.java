package org.guidegraph.acceptance;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;

import org.guidegraph.gates.Site;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Small steps the flows share: opening a page of the built site, waiting, reading where the browser is. */
final class Pages {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Pages() {
    }

    /** Opens a site-relative page (with an optional {@code #fragment} or {@code ?query}) from disk, as a new document. */
    static void open(WebDriver driver, Site site, String page) {
        open(driver, site.fileBase(), page);
    }

    /** Opens a page under a site root ({@link Site#fileBase()} or a server's base) as a new document. */
    static void open(WebDriver driver, URI base, String page) {
        // Via about:blank, so that a page that differs only by its fragment is loaded afresh, not scrolled to.
        driver.get("about:blank");
        driver.get(base + page);
    }

    /** Runs a script in the page and returns what it returns. */
    static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits up to ten seconds for {@code condition} to give something other than null or false. */
    static <T> T waitFor(WebDriver driver, String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, PATIENCE).withMessage(what).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + " on "
                    + driver.getCurrentUrl(), e);
        }
    }

    /** The site-relative form of an absolute URL inside the site ({@code approach/llm-d.html#why}). */
    static String relative(Site site, String url) {
        return relative(site.fileBase(), url);
    }

    /** The form of an absolute URL relative to a site root, which must hold it. */
    static String relative(URI base, String url) {
        if (!url.startsWith(base.toString())) {
            throw new AssertionError(url + " is not inside the site at " + base);
        }
        URI uri = URI.create(url);
        return uri.getRawPath().substring(base.getRawPath().length())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    /** The current page, site-relative. */
    static String here(WebDriver driver, Site site) {
        return relative(site, driver.getCurrentUrl());
    }

    /** The current page, relative to a site root. */
    static String here(WebDriver driver, URI base) {
        return relative(base, driver.getCurrentUrl());
    }

    /** The text of the page's first {@code h1}, or fails naming the page. */
    static String h1(WebDriver driver) {
        List<String> h1 = driver.findElements(By.tagName("h1")).stream().map(e -> e.getText().strip())
                .filter(t -> !t.isEmpty()).toList();
        if (h1.isEmpty()) {
            throw new AssertionError(driver.getCurrentUrl() + " has no h1 with text");
        }
        return h1.get(0);
    }

    /**
     * The console errors (uncaught exceptions, {@code console.error}, failed loads) logged since the last call;
     * needs a driver with the browser log enabled, as {@link org.guidegraph.gates.Browser#launch()} gives.
     */
    static List<String> consoleErrors(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }
}
