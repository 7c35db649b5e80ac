package org.guidegraph.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guidegraph.gates.Browser;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Query times of the search box in Chromium ({@link Browser}): the site's search page is opened from disk, a query
 * is put into the box as typing does (an {@code input} event), and {@code search.js} reports, with the event
 * {@code gg-search-shown}, when it started the search and when the results were in the page; the benchmark's
 * listener then forces style and layout of the list before it reads the clock, so laying the results out counts.
 *
 * <ul>
 * <li>cold: the first query of a freshly opened page (with the browser's cache cleared): the manifest and every
 * chunk it needs are loaded;</li>
 * <li>next: another query on that page: only the chunks it needs and no other query loaded are;</li>
 * <li>warm: the same query again: everything it needs is loaded.</li>
 * </ul>
 */
final class BrowserQueries {

    /** What one query cost. */
    record Timing(double searchMs, double inputMs, long bytes, int files) {
    }

    /** The figures of a run: per query, in the order of the queries given. */
    record Run(List<Timing> cold, List<Timing> next, List<Timing> warm) {
    }

    private static final String TYPE = """
            var query = arguments[0];
            var done = arguments[arguments.length - 1];
            var form = document.getElementById('gg-search');
            var input = document.getElementById('gg-search-input');
            function shown(e) {
              if (e.detail.query !== query) return;
              form.removeEventListener('gg-search-shown', shown);
              document.getElementById('gg-search-listbox').getBoundingClientRect(); // style and layout
              var now = performance.now();
              done([now - e.detail.startedAt, now - e.detail.typedAt,
                    document.querySelectorAll('#gg-search-listbox [role=option]').length]);
            }
            form.addEventListener('gg-search-shown', shown);
            input.focus();
            input.value = query;
            input.dispatchEvent(new Event('input', { bubbles: true }));""";

    private BrowserQueries() {
    }

    static boolean available() {
        return Browser.unavailable().isEmpty();
    }

    /**
     * Runs each query cold on a fresh page, then {@code next} (the following query on that page) and warm (itself
     * again), on the site at {@code site} (its {@code search.html}).
     */
    static Run run(Path site, List<String> queries) throws IOException {
        List<Timing> cold = new ArrayList<>();
        List<Timing> next = new ArrayList<>();
        List<Timing> warm = new ArrayList<>();
        String page = site.toAbsolutePath().resolve("search.html").toUri().toString();
        String folder = site.toAbsolutePath().resolve("search").toUri().toString();
        try (Browser browser = Browser.launch()) {
            WebDriver driver = browser.driver();
            for (int i = 0; i < queries.size(); i++) {
                ((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCache",
                        Map.of());
                driver.get(page);
                requested(driver, folder); // the page's own requests
                cold.add(type(driver, queries.get(i), site, folder));
                String other = queries.get((i + 1) % queries.size());
                next.add(type(driver, other, site, folder));
                warm.add(type(driver, other, site, folder));
            }
        }
        return new Run(cold, next, warm);
    }

    private static Timing type(WebDriver driver, String query, Path site, String folder) throws IOException {
        List<?> r = (List<?>) ((JavascriptExecutor) driver).executeAsyncScript(TYPE, query);
        long bytes = 0;
        Set<String> files = requested(driver, folder);
        for (String f : files) {
            bytes += Files.size(site.resolve("search").resolve(f));
        }
        return new Timing(((Number) r.get(0)).doubleValue(), ((Number) r.get(1)).doubleValue(), bytes, files.size());
    }

    /** The files under {@code folder} requested since the performance log was last read. */
    @SuppressWarnings("unchecked")
    private static Set<String> requested(WebDriver driver, String folder) {
        Json json = new Json();
        Set<String> files = new LinkedHashSet<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> logged = json.toType(entry.getMessage(), Json.MAP_TYPE);
            Map<String, Object> message = (Map<String, Object>) logged.get("message");
            if (message == null || !"Network.requestWillBeSent".equals(message.get("method"))) {
                continue;
            }
            Map<String, Object> params = (Map<String, Object>) message.get("params");
            String url = String.valueOf(((Map<String, Object>) params.get("request")).get("url"));
            if (url.startsWith(folder)) {
                files.add(url.substring(folder.length()));
            }
        }
        return files;
    }
}
