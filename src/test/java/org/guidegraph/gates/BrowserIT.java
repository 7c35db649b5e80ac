package org.guidegraph.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.guidegraph.gates.Browser.ColorScheme;
import org.guidegraph.gates.Browser.Viewport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {

    private final Site good = Fixtures.site("good");
    private final Site broken = Fixtures.site("broken");
    private Browser browser;
    private SiteServer goodServer;
    private SiteServer brokenServer;

    @BeforeAll
    void launch() {
        if (Browser.unavailable().isPresent()) {
            // Each test then skips (or fails, in CI) on its own: a skipped class would not be counted.
            System.out.println("BrowserIT: " + Browser.unavailable().get());
            return;
        }
        browser = Browser.launch();
        goodServer = SiteServer.start(good);
        brokenServer = SiteServer.start(broken);
    }

    @BeforeEach
    void requireBrowser() {
        Browser.assumeAvailable();
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.close();
            goodServer.close();
            brokenServer.close();
        }
    }

    @Test
    void loadsEveryPageOfTheGoodSiteFromDiskWithoutConsoleErrorsOrFailedRequests() {
        GateAssertions.assertNoProblems("the good site loads from disk cleanly", loadAll(good, good.fileBase()));
    }

    @Test
    void loadsEveryPageOfTheGoodSiteOverHttpWithoutConsoleErrorsOrFailedRequests() {
        GateAssertions.assertNoProblems("the good site loads over HTTP cleanly", loadAll(good, goodServer.base()));
    }

    @Test
    void reportsUncaughtExceptionAsConsoleErrorWithPageAndLine() {
        assertEquals(List.of("console-error.html:16:13: console error: Uncaught Error: deliberate failure for the console gate"),
                Fixtures.lines(browser.load(broken.fileBase(), "console-error.html")));
    }

    @Test
    void reportsMissingStylesheetAsFailedRequestWhenLoadedFromDisk() {
        assertEquals(List.of("missing-stylesheet.html: failed request for css/missing.css: net::ERR_FILE_NOT_FOUND"),
                Fixtures.lines(browser.load(broken.fileBase(), "missing-stylesheet.html")));
    }

    @Test
    void reportsMissingStylesheetAsFailedRequestWithStatusWhenLoadedOverHttp() {
        assertEquals(List.of("missing-stylesheet.html: failed request for css/missing.css: HTTP 404"),
                Fixtures.lines(browser.load(brokenServer.base(), "missing-stylesheet.html")));
    }

    @Test
    void reportsOnlyTheBrokenPagesOfTheBrokenSiteWhenLoading() {
        // The root-relative link of broken-links.html is never followed, so loading the page is clean.
        assertEquals(Set.of("console-error.html", "missing-stylesheet.html"),
                Fixtures.filesWithProblems(loadAll(broken, brokenServer.base())));
    }

    @Test
    void findsNoSeriousOrCriticalAccessibilityViolationOnTheGoodSiteInEitherColorScheme() {
        List<Problem> problems = new ArrayList<>();
        for (String page : good.pages()) {
            for (ColorScheme scheme : ColorScheme.values()) {
                problems.addAll(browser.accessibility(goodServer.base(), page, scheme));
            }
        }
        GateAssertions.assertNoProblems("the good site has no serious accessibility violation", problems);
    }

    @Test
    void reportsImageWithoutAltAsCriticalViolationWithRuleAndSelector() {
        assertEquals(List.of("image-without-alt.html: accessibility (light): image-alt (critical) Images must have"
                        + " alternative text at img"),
                Fixtures.lines(browser.accessibility(broken.fileBase(), "image-without-alt.html", ColorScheme.LIGHT)));
    }

    @Test
    void reportsOnlyThePagesWithSeriousViolationsAsInaccessible() {
        List<Problem> problems = new ArrayList<>();
        for (String page : broken.pages()) {
            problems.addAll(browser.accessibility(brokenServer.base(), page, ColorScheme.DARK));
        }
        // The <p> directly inside a <ul> of invalid-html.html also breaks axe's "list" rule (serious).
        assertEquals(Set.of("image-without-alt.html", "invalid-html.html"), Fixtures.filesWithProblems(problems));
        assertTrue(Fixtures.lines(problems).contains("invalid-html.html: accessibility (dark): list (serious) <ul> and <ol>"
                + " must only directly contain <li>, <script> or <template> elements at ul"), problems::toString);
    }

    @Test
    void takesScreenshotsAtDesktopAndPhoneWidthsInLightAndDark() throws Exception {
        Path folder = Path.of("target", "screenshots", "fixture-good");
        for (Viewport viewport : Viewport.values()) {
            BufferedImage light = ImageIO.read(browser.screenshot(goodServer.base(), "sub/page.html", viewport, ColorScheme.LIGHT, folder).toFile());
            BufferedImage dark = ImageIO.read(browser.screenshot(goodServer.base(), "sub/page.html", viewport, ColorScheme.DARK, folder).toFile());
            int width = viewport == Viewport.DESKTOP ? 1280 : 390;
            assertEquals(width, light.getWidth(), viewport + " light width");
            assertEquals(width, dark.getWidth(), viewport + " dark width");
            // The fixture's background is white in light and #121212 in dark; a corner shows which one was drawn.
            assertEquals(0xffffff, light.getRGB(2, 2) & 0xffffff, viewport + " light background");
            assertEquals(0x121212, dark.getRGB(2, 2) & 0xffffff, viewport + " dark background");
        }
        assertTrue(folder.resolve("sub_page-phone-dark.png").toFile().isFile());
    }

    private List<Problem> loadAll(Site site, java.net.URI base) {
        List<Problem> problems = new ArrayList<>();
        for (String page : site.pages()) {
            problems.addAll(browser.load(base, page));
        }
        return problems;
    }
}
