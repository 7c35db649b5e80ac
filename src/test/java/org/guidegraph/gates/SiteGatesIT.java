package org.guidegraph.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.guidegraph.gates.Browser.ColorScheme;
import org.guidegraph.gates.Browser.Viewport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every gate over every page of the built guide site, one dynamic test per page (and per colour
 * scheme or screenshot), so that a failure names its page.
 *
 * <p>System properties: {@code guidegraph.site} is the site folder (default: a fresh build of this repository's guide);
 * {@code guidegraph.requireSite=true} turns a missing {@code index.html} there from a skip into a
 * failure; {@code guidegraph.screenshots} lists the key pages to photograph, comma-separated
 * (default {@link #KEY_PAGES}). Screenshots go to {@code target/screenshots/site/}, the list of
 * external links to {@code target/gates/external-links.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteGatesIT {

    /** The pages a human should look at after a change; add the matrix, wizard and search pages as they land. */
    static final List<String> KEY_PAGES = List.of("index.html", "matrix.html", "decide.html",
            "approach/llm-d.html", "use-case/production-general.html");

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "site");
    private static final Path EXTERNAL_LINKS = Path.of("target", "gates", "external-links.txt");

    private Site builtSite;
    private boolean toldSiteMissing;
    private Browser browser;
    private SiteServer server;

    /**
     * The site under test. Each test factory asks for it, so that without a built site every gate is
     * reported skipped (or, with {@code -Dguidegraph.requireSite=true}, failed) with the reason.
     */
    private Site site() {
        if (builtSite != null) {
            return builtSite;
        }
        String given = System.getProperty("guidegraph.site");
        Path folder = given != null ? Path.of(given) : freshBuild();
        Path index = folder.toAbsolutePath().normalize().resolve("index.html");
        if (!Files.isRegularFile(index)) {
            String message = "no built site: " + index + " does not exist; build the site into it, or point"
                    + " -Dguidegraph.site at a built site";
            if (Boolean.getBoolean("guidegraph.requireSite")) {
                Assertions.fail(message + " (-Dguidegraph.requireSite=true makes a missing site a failure)");
            }
            message += "; the site gates are skipped (-Dguidegraph.requireSite=true makes this a failure)";
            if (!toldSiteMissing) {
                System.out.println("SiteGatesIT: " + message);
                toldSiteMissing = true;
            }
            Assumptions.abort(message);
        }
        builtSite = Site.at(folder);
        return builtSite;
    }

    /**
     * Without {@code -Dguidegraph.site}, the gates check a fresh build of this repository's guide (so a broken
     * template fails them, naming the page), written under {@code target/gates/site}.
     */
    private static Path freshBuild() {
        Path out = Path.of("target", "gates", "site").toAbsolutePath();
        try {
            var log = new java.io.StringWriter();
            org.guidegraph.build.BuildResult r = new org.guidegraph.build.SiteBuild(
                    org.guidegraph.build.BuildOptions.of(Path.of("").toAbsolutePath(), out),
                    new java.io.PrintWriter(log)).run();
            if (!r.ok()) {
                Assertions.fail("the guide does not build:\n" + String.join("\n",
                        r.diagnostics().sorted().stream().map(Object::toString).toList()));
            }
        } catch (java.io.IOException e) {
            Assertions.fail("the guide does not build: " + e.getMessage());
        }
        return out;
    }

    @AfterAll
    void quitBrowser() {
        if (server != null) {
            server.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    /** Surefire counts a skipped test, not a skipped test factory: this one carries the reason into the summary. */
    @Test
    void siteToCheckIsBuilt() {
        assertTrue(Files.isRegularFile(site().file("index.html")));
    }

    @TestFactory
    Stream<DynamicTest> everyPageIsValidHtml() {
        Site site = site();
        HtmlValidity validity = new HtmlValidity();
        return site.pages().stream().map(page -> dynamicTest(page,
                () -> GateAssertions.assertNoProblems(page + " is valid HTML (Nu HTML Checker)", validity.check(site, page))));
    }

    @TestFactory
    Stream<DynamicTest> everyLinkAnchorAndResourceResolves() throws IOException {
        Site site = site();
        LinkCheck.Result result = new LinkCheck(site).check();
        writeExternalLinks(result.externalUrls());
        Map<String, List<Problem>> byFile = result.problems().stream().collect(Collectors.groupingBy(Problem::file));
        return Stream.concat(site.pages().stream(), site.stylesheets().stream()).map(file -> dynamicTest(file,
                () -> GateAssertions.assertNoProblems("every reference in " + file + " resolves",
                        byFile.getOrDefault(file, List.of()))));
    }

    /** Like {@link #siteToCheckIsBuilt()}: carries a missing browser into the summary as a skip (or, in CI, a failure). */
    @Test
    void browserForTheBrowserGatesIsInstalled() {
        site();
        Browser.unavailable().ifPresent(reason -> System.out.println("SiteGatesIT: " + reason));
        Browser.assumeAvailable();
    }

    @TestFactory
    Stream<DynamicTest> everyPageLoadsFromDiskWithoutConsoleErrorsOrFailedRequests() {
        Site site = site();
        Browser.assumeAvailable();
        return site.pages().stream().map(page -> dynamicTest(page,
                () -> GateAssertions.assertNoProblems(page + " loads from disk without console errors or failed requests",
                        browser().load(site.fileBase(), page))));
    }

    @TestFactory
    Stream<DynamicTest> everyPageLoadsOverHttpWithoutConsoleErrorsOrFailedRequests() {
        Site site = site();
        Browser.assumeAvailable();
        return site.pages().stream().map(page -> dynamicTest(page,
                () -> GateAssertions.assertNoProblems(page + " loads over HTTP under " + SiteServer.DEFAULT_PATH
                        + " without console errors or failed requests", browser().load(server().base(), page))));
    }

    @TestFactory
    Stream<DynamicTest> everyPageHasNoSeriousOrCriticalAccessibilityViolation() {
        Site site = site();
        Browser.assumeAvailable();
        return site.pages().stream().flatMap(page -> Arrays.stream(ColorScheme.values()).map(scheme -> dynamicTest(
                page + " (" + scheme.name().toLowerCase() + ")",
                () -> GateAssertions.assertNoProblems(page + " has no serious or critical axe-core violation in "
                        + scheme.name().toLowerCase() + " mode", browser().accessibility(server().base(), page, scheme)))));
    }

    @TestFactory
    Stream<DynamicTest> keyPagesAreScreenshottedAtDesktopAndPhoneWidthsInLightAndDark() {
        Site site = site();
        Browser.assumeAvailable();
        List<DynamicTest> tests = new ArrayList<>();
        for (String page : keyPages()) {
            for (Viewport viewport : Viewport.values()) {
                for (ColorScheme scheme : ColorScheme.values()) {
                    tests.add(dynamicTest(page + " " + viewport.name().toLowerCase() + " " + scheme.name().toLowerCase(), () -> {
                        assertTrue(Files.isRegularFile(site.file(page)), "key page " + page + " is not in " + site
                                + "; update SiteGatesIT.KEY_PAGES or -Dguidegraph.screenshots");
                        Path shot = browser().screenshot(server().base(), page, viewport, scheme, SCREENSHOTS);
                        BufferedImage image = ImageIO.read(shot.toFile());
                        assertEquals(viewport == Viewport.DESKTOP ? 1280 : 390, image.getWidth(),
                                shot + " is not as wide as the viewport: the page overflows it horizontally");
                    }));
                }
            }
        }
        return tests.stream();
    }

    private List<String> keyPages() {
        String listed = System.getProperty("guidegraph.screenshots", "");
        if (listed.isBlank()) {
            return KEY_PAGES;
        }
        return Arrays.stream(listed.split(",")).map(String::strip).filter(page -> !page.isEmpty()).toList();
    }

    private void writeExternalLinks(Map<String, SortedSet<String>> urls) throws IOException {
        Files.createDirectories(EXTERNAL_LINKS.getParent());
        StringBuilder text = new StringBuilder("# External links of " + site().root().getFileName()
                + ", listed by the link gate and never fetched: URL, then the pages that link to it.\n");
        urls.forEach((url, pages) -> text.append(url).append('\t').append(String.join(" ", pages)).append('\n'));
        Files.writeString(EXTERNAL_LINKS, text, StandardCharsets.UTF_8);
        System.out.println("link gate: " + urls.size() + " external URLs listed in " + EXTERNAL_LINKS + " (not fetched)");
    }

    private Browser browser() {
        if (browser == null) {
            browser = Browser.launch();
        }
        return browser;
    }

    private SiteServer server() {
        if (server == null) {
            server = SiteServer.start(site());
        }
        return server;
    }
}
