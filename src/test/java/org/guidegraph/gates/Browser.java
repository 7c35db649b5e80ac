package org.guidegraph.gates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The browser gates: Debian's Chromium, driven by Selenium through Debian's chromedriver.
 *
 * <p>Nothing is downloaded: the browser and the driver are given by path ({@code /usr/bin/chromium}
 * and {@code /usr/bin/chromedriver}, or the system properties {@code guidegraph.chromium} and
 * {@code guidegraph.chromedriver}), and a driver path given to the driver service makes Selenium skip
 * Selenium Manager. Each browser gets a fresh profile folder, deleted on {@link #close()}.
 *
 * <p>Console messages come from chromedriver's browser log and network events from its performance
 * log (Chrome DevTools Protocol events that chromedriver records itself), so no CDP binding of a
 * particular Chromium version is needed. Colour scheme and viewport are emulated with the CDP
 * commands {@code Emulation.setEmulatedMedia} and {@code Emulation.setDeviceMetricsOverride}.
 *
 * <p>One instance drives one browser tab: use it from one thread.
 */
public final class Browser implements AutoCloseable {

    /** What to run to get a browser on Debian. */
    public static final String INSTALL_HINT = "apt-get install chromium chromium-driver";

    /** A viewport that screenshots are taken at, in CSS pixels. */
    public enum Viewport {
        /** A laptop screen. */
        DESKTOP(1280, 800, false),
        /** A phone held upright, rendered as a mobile browser does (the page's viewport meta applies). */
        PHONE(390, 844, true);

        final int width;
        final int height;
        final boolean mobile;

        Viewport(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    /** The colour scheme the page is told the reader prefers ({@code prefers-color-scheme}). */
    public enum ColorScheme {
        LIGHT, DARK
    }

    /** Impacts that fail the accessibility gate; axe's other two are "moderate" and "minor". */
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    /** Full-page screenshots are cut at this height (CSS pixels) to keep files reasonable. */
    private static final int MAX_SCREENSHOT_HEIGHT = 12_000;
    /** How long to wait for the network to fall quiet after the load event. */
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(5);
    /** How long a cancelled request may take to report the HTTP status it was cancelled over. */
    private static final Duration CANCEL_GRACE = Duration.ofMillis(500);
    /** chromedriver's console line: the source URL, then "line:column", "line" or "-", then the text. */
    private static final Pattern CONSOLE_AT = Pattern.compile("^(\\S+) (?:(\\d+)(?::(\\d+))?|-) (.*)$", Pattern.DOTALL);

    private final ChromeDriver driver;
    private final Path profile;
    private final Json json = new Json();

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** The Chromium binary the gates use. */
    public static Path chromium() {
        return Path.of(System.getProperty("guidegraph.chromium", "/usr/bin/chromium"));
    }

    /** The chromedriver binary the gates use. */
    public static Path chromedriver() {
        return Path.of(System.getProperty("guidegraph.chromedriver", "/usr/bin/chromedriver"));
    }

    /** Why no browser can be launched here, or empty when Chromium and chromedriver are both installed. */
    public static Optional<String> unavailable() {
        return unavailable(chromium(), chromedriver());
    }

    static Optional<String> unavailable(Path chromium, Path chromedriver) {
        List<String> missing = new ArrayList<>();
        for (Path binary : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(binary)) {
                missing.add(binary.toString());
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("no " + String.join(" and no ", missing) + "; install them with: " + INSTALL_HINT);
    }

    /** True when the environment says this is a CI run ({@code CI} set to anything but empty, {@code false} or {@code 0}). */
    public static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    /**
     * Lets a browser test go on only when a browser can be launched: outside CI a missing browser
     * skips the test with the install command; in CI it fails the test, because there the browser
     * gates must run.
     */
    public static void assumeAvailable() {
        assumeAvailable(unavailable(), inCi());
    }

    static void assumeAvailable(Optional<String> unavailable, boolean ci) {
        if (unavailable.isEmpty()) {
            return;
        }
        if (ci) {
            Assertions.fail("CI is set, so the browser gates must run, but there is " + unavailable.get());
        }
        Assumptions.abort("browser gates skipped: there is " + unavailable.get());
    }

    /** Starts headless Chromium with a fresh profile; throws if it cannot start. */
    public static Browser launch() {
        Path profile;
        try {
            profile = Files.createTempDirectory("guidegraph-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a profile folder for Chromium", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium().toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--force-color-profile=srgb",
                "--window-size=" + Viewport.DESKTOP.width + "," + Viewport.DESKTOP.height,
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        // A driver executable given to the service is what makes Selenium skip Selenium Manager.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver().toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw new IllegalStateException("Chromium (" + chromium() + ") did not start through " + chromedriver()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The Selenium driver, for clicking through a page's flows. */
    public WebDriver driver() {
        return driver;
    }

    /** The browser's version, as it reports it. */
    public String version() {
        return driver.getCapabilities().getBrowserVersion();
    }

    /**
     * Loads a page and reports its console errors (uncaught exceptions, {@code console.error}) and its
     * failed requests (network errors, HTTP status 400 and above), waiting for the network to fall
     * quiet after the load event.
     *
     * @param base the site root ({@link Site#fileBase()} or {@link SiteServer#base()})
     * @param page the site-relative page
     */
    public List<Problem> load(URI base, String page) {
        URI uri = Site.resolve(base, page);
        drain();
        driver.get(uri.toString());
        Map<String, String> failures = settle();
        List<Problem> problems = new ArrayList<>();
        failures.forEach((url, error) -> problems.add(Problem.in(page, "failed request for " + shorten(base, url) + ": " + error)));
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                Problem problem = consoleProblem(base, page, entry.getMessage(), failures.keySet());
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        return problems.stream().sorted(Problem.ORDER).toList();
    }

    /**
     * Loads a page in a colour scheme and runs axe-core on it; reports each element in violation of a
     * rule whose impact is serious or critical, with the rule id and the element's CSS selector.
     */
    public List<Problem> accessibility(URI base, String page, ColorScheme scheme) {
        try {
            emulate(scheme);
            driver.get(Site.resolve(base, page).toString());
            Results results = new AxeBuilder().analyze(driver);
            if (results.isErrored()) {
                return List.of(Problem.in(page, "axe-core could not run: " + results.getErrorMessage()));
            }
            List<Problem> problems = new ArrayList<>();
            for (Rule rule : results.getViolations()) {
                for (CheckedNode node : rule.getNodes()) {
                    String impact = node.getImpact() != null ? node.getImpact() : rule.getImpact();
                    if (impact != null && FAILING_IMPACTS.contains(impact)) {
                        problems.add(Problem.in(page, "accessibility (" + scheme.name().toLowerCase(Locale.ROOT) + "): "
                                + rule.getId() + " (" + impact + ") " + rule.getHelp() + " at " + selector(node.getTarget())));
                    }
                }
            }
            return problems.stream().sorted(Problem.ORDER).toList();
        } finally {
            clearEmulation();
        }
    }

    /**
     * Takes a full-page screenshot (cut at 12,000 CSS pixels high) of a page at a viewport width in a
     * colour scheme, and writes it to {@code folder} as {@code <page>-<viewport>-<scheme>.png}
     * ({@code guide/intro.html} becomes {@code guide_intro-phone-dark.png}).
     *
     * @return the file written
     */
    public Path screenshot(URI base, String page, Viewport viewport, ColorScheme scheme, Path folder) {
        try {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                    "width", viewport.width, "height", viewport.height, "deviceScaleFactor", 1, "mobile", viewport.mobile));
            emulate(scheme);
            driver.get(Site.resolve(base, page).toString());
            // Web fonts and images that arrive late would otherwise be missing from the picture.
            driver.executeScript("return document.fonts.ready.then(() => true)");
            settle();
            Number width = (Number) driver.executeScript("return document.documentElement.clientWidth");
            Number height = (Number) driver.executeScript(
                    "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width.intValue(),
                    "height", Math.max(1, Math.min(height.intValue(), MAX_SCREENSHOT_HEIGHT)), "scale", 1);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
            Files.createDirectories(folder);
            String name = page.replaceAll("\\.html?$", "").replace('/', '_') + "-" + viewport.name().toLowerCase(Locale.ROOT)
                    + "-" + scheme.name().toLowerCase(Locale.ROOT) + ".png";
            Path file = folder.resolve(name);
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a screenshot of " + page + " to " + folder, e);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            clearEmulation();
        }
    }

    /** Quits the browser and deletes its profile folder. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private void emulate(ColorScheme scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", scheme.name().toLowerCase(Locale.ROOT)))));
    }

    private void clearEmulation() {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    /** Empties both logs, so that what is read next belongs to the next page. */
    private void drain() {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    /**
     * Reads network events until no request is pending twice in a row (or {@link #SETTLE_LIMIT}
     * passes) and returns each failed URL with its error, in the order the requests were made.
     */
    private Map<String, String> settle() {
        NetworkLog network = new NetworkLog();
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadline) {
            List<LogEntry> entries = driver.manage().logs().get(LogType.PERFORMANCE).getAll();
            for (LogEntry entry : entries) {
                network.record(json.toType(entry.getMessage(), Json.MAP_TYPE));
            }
            quiet = entries.isEmpty() && network.settled(System.nanoTime()) ? quiet + 1 : 0;
            if (quiet < 2) {
                sleep(50);
            }
        }
        return network.failures();
    }

    /** What the CDP network events of one page load say, by request id. */
    private static final class NetworkLog {
        private final Map<String, String> urls = new LinkedHashMap<>();
        private final Set<String> pending = new HashSet<>();
        private final Map<String, Integer> statuses = new HashMap<>();
        private final Map<String, String> errors = new HashMap<>();
        private final Map<String, Long> canceledAt = new HashMap<>();

        @SuppressWarnings("unchecked")
        void record(Map<String, Object> logEntry) {
            Map<String, Object> message = (Map<String, Object>) logEntry.get("message");
            Map<String, Object> params = message == null ? null : (Map<String, Object>) message.get("params");
            if (params == null || !(params.get("requestId") instanceof String id)) {
                return;
            }
            switch (String.valueOf(message.get("method"))) {
                case "Network.requestWillBeSent" -> {
                    String url = (String) ((Map<String, Object>) params.get("request")).get("url");
                    if (!url.startsWith("data:")) {
                        urls.put(id, url);
                        pending.add(id);
                    }
                }
                case "Network.responseReceived" ->
                    status(id, ((Map<String, Object>) params.get("response")).get("status"));
                // Sent even when the browser then blocks the response (a 404 stylesheet served as
                // text/plain is cancelled before responseReceived): the status is only here.
                case "Network.responseReceivedExtraInfo" -> status(id, params.get("statusCode"));
                case "Network.loadingFinished" -> pending.remove(id);
                case "Network.loadingFailed" -> {
                    pending.remove(id);
                    if (Boolean.TRUE.equals(params.get("canceled"))) {
                        canceledAt.put(id, System.nanoTime());
                    } else {
                        errors.put(id, String.valueOf(params.get("errorText")));
                    }
                }
                default -> {
                    // other events say nothing about success
                }
            }
        }

        /**
         * No request is under way, and each cancelled one has either had its status (a blocked 404
         * reports it after the cancellation) or been given {@link #CANCEL_GRACE} to send it.
         */
        boolean settled(long now) {
            return pending.isEmpty() && canceledAt.entrySet().stream().allMatch(
                    canceled -> statuses.containsKey(canceled.getKey()) || now - canceled.getValue() > CANCEL_GRACE.toNanos());
        }

        private void status(String id, Object status) {
            if (status instanceof Number number) {
                statuses.merge(id, number.intValue(), Math::max);
            }
        }

        Map<String, String> failures() {
            Map<String, String> failures = new LinkedHashMap<>();
            urls.forEach((id, url) -> {
                Integer status = statuses.get(id);
                if (status != null && status >= 400) {
                    failures.putIfAbsent(url, "HTTP " + status);
                } else if (errors.containsKey(id)) {
                    failures.putIfAbsent(url, errors.get(id));
                }
            });
            return failures;
        }
    }

    /**
     * A console message as a problem of the page, or null when it only repeats a failed request
     * ("Failed to load resource", "Refused to apply style from …") that is reported already.
     */
    private static Problem consoleProblem(URI base, String page, String message, Set<String> failedUrls) {
        for (String url : failedUrls) {
            if (message.contains(url)) {
                return null;
            }
        }
        Matcher at = CONSOLE_AT.matcher(message);
        if (!at.matches()) {
            return Problem.in(page, "console error: " + message);
        }
        String source = shorten(base, at.group(1));
        String text = at.group(4);
        if (at.group(3) == null) {
            return Problem.in(page, "console error" + (source.equals(page) ? "" : " in " + source) + ": " + text);
        }
        // chromedriver counts lines and columns from 0.
        int line = Integer.parseInt(at.group(2)) + 1;
        int column = Integer.parseInt(at.group(3)) + 1;
        if (source.equals(page)) {
            return new Problem(page, line, column, "console error: " + text);
        }
        return Problem.in(page, "console error in " + source + ":" + line + ":" + column + ": " + text);
    }

    /** A URL inside the site as its site-relative name, any other URL whole. */
    private static String shorten(URI base, String url) {
        String prefix = base.toString();
        if (!url.startsWith(prefix)) {
            return url;
        }
        String name = url.substring(prefix.length());
        try {
            String path = new URI(name).getPath();
            return path == null || path.isEmpty() ? name : path;
        } catch (URISyntaxException e) {
            return name;
        }
    }

    /** An axe target: a selector, or a list of them across frames and shadow roots. */
    private static String selector(Object target) {
        if (target instanceof List<?> parts) {
            return String.join(" >> ", parts.stream().map(Browser::selector).toList());
        }
        return String.valueOf(target);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the page", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        // Chromium may still be writing its profile as it exits; what cannot be deleted is left in /tmp.
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left behind in the temp folder
        }
    }
}
