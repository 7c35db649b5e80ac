package org.guidegraph.acceptance;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.guidegraph.gates.Site;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The search box every page has ({@code search.js}), driven as a reader drives it: typed into, key by key, on a
 * freshly loaded page (so nothing of the index is loaded yet). Needs a driver with the performance log enabled, as
 * {@link org.guidegraph.gates.Browser#launch()} gives.
 */
final class SearchBox {

    /** How often the results are read while they settle, and how many equal reads in a row mean settled. */
    private static final long POLL_MILLIS = 100;
    private static final int STEADY_READS = 3;

    private SearchBox() {
    }

    /**
     * What the box shows once the reader has stopped typing.
     *
     * @param urls the results' links, site-relative, best first
     * @param titles the results' titles
     * @param status the status line ("3 results", "No results for …")
     * @param indexFiles the files of the {@code search/} folder the page loaded, in load order
     */
    record Shown(List<String> urls, List<String> titles, String status, List<String> indexFiles) {

        /** The first result's URL, or fails saying what the box shows instead. */
        String first() {
            if (urls.isEmpty()) {
                throw new AssertionError("no result; the box says: " + status);
            }
            return urls.get(0);
        }
    }

    /** Opens {@code page}, types {@code query} into its search box and reads the results once they stop changing. */
    static Shown type(WebDriver driver, Site site, String page, String query) {
        return type(driver, site.fileBase(), page, query);
    }

    /** Like {@link #type(WebDriver, Site, String, String)}, for a site under any root: from disk or a server. */
    static Shown type(WebDriver driver, URI base, String page, String query) {
        Pages.open(driver, base, page);
        // What was requested so far belongs to the page load; what the typing requests comes after.
        driver.manage().logs().get(LogType.PERFORMANCE);
        WebElement input = driver.findElement(By.id("gg-search-input"));
        input.sendKeys(query);
        return read(driver, base, query);
    }

    /**
     * What the box shows once it has answered what was typed into it, and the index files requested since the
     * performance log was last read.
     */
    static Shown read(WebDriver driver, URI base, String query) {
        // Results come 60 ms after the last key and once the index files arrive: wait until the box has answered,
        // nothing is loading, and several reads in a row agree.
        String last = null;
        int steady = 0;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (steady < STEADY_READS) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the search box did not settle on results for \"" + query + "\": " + last);
            }
            Object now = Pages.js(driver, """
                    var pending = window.__ggSearch && window.__ggSearch.pending ? Object.keys(window.__ggSearch.pending).length : 0;
                    var status = document.querySelector('#gg-search .gg-search-status');
                    var links = Array.from(document.querySelectorAll('#gg-search-listbox a')).map(a => a.href);
                    return pending + '|' + (status ? status.textContent : '') + '|' + links.join(' ');""");
            String snapshot = String.valueOf(now);
            boolean answered = snapshot.startsWith("0|") && !snapshot.startsWith("0||");
            steady = answered && Objects.equals(snapshot, last) ? steady + 1 : answered ? 1 : 0;
            last = snapshot;
            sleep();
        }
        List<WebElement> links = driver.findElements(By.cssSelector("#gg-search-listbox a"));
        List<String> urls = links.stream().map(a -> Pages.relative(base, a.getAttribute("href"))).toList();
        List<String> titles = driver.findElements(By.cssSelector("#gg-search-listbox .gg-search-result-title")).stream()
                .map(t -> t.getAttribute("textContent")).toList();
        String status = driver.findElement(By.cssSelector("#gg-search .gg-search-status")).getAttribute("textContent");
        return new Shown(urls, titles, status, requested(driver, base + "search/"));
    }

    /**
     * The files under {@code folder} the page requested since the performance log was last read, as the network
     * panel lists them (Chromium keeps no resource timing for {@code file:} URLs, so the DevTools events it is).
     */
    @SuppressWarnings("unchecked")
    private static List<String> requested(WebDriver driver, String folder) {
        Json json = new Json();
        List<String> files = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> logged = json.toType(entry.getMessage(), Json.MAP_TYPE);
            Map<String, Object> message = (Map<String, Object>) logged.get("message");
            if (message == null || !"Network.requestWillBeSent".equals(message.get("method"))) {
                continue;
            }
            Map<String, Object> request = (Map<String, Object>) ((Map<String, Object>) message.get("params")).get("request");
            String url = String.valueOf(request.get("url"));
            if (url.startsWith(folder)) {
                files.add(url.substring(folder.length()));
            }
        }
        return files;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for search results", e);
        }
    }
}
