package org.guidegraph.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The decision page as a reader meets it, opened from disk in headless Chromium: the SVG diagram, its text
 * alternative and the wizard ({@code wizard.js}, {@code diagram.css}). Skipped where Chromium and chromedriver are
 * not installed.
 */
class DecisionPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SITE = Path.of("target", "diagram-it").toAbsolutePath();

    private static Path page;
    private static WebDriver browser;

    @BeforeAll
    static void writePage() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "no Chromium here");
        DecisionTreeView tree = Fixtures.servingTree();
        String svg = new CachingRenderer(GraphvizRenderer.create(DiagramEngine.V8, Fixtures.WORK_DIR),
                SITE.resolve("cache")).render(new DotBuilder(Fixtures::href).dot(tree));
        WizardMarkup markup = new WizardMarkup(Fixtures::href).headingLevel(3);
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Which serving approach?</title>\n<link rel=\"stylesheet\" href=\"diagram.css\">\n</head>\n"
                + "<body>\n<main>\n<h1>Which serving approach?</h1>\n"
                + "<h2>Decision tree</h2>\n<div class=\"gg-diagram\">\n" + svg + "</div>\n"
                + "<h2>The tree in words</h2>\n" + markup.textAlternative(tree)
                + "<h2>Help me decide</h2>\n" + markup.wizard(tree)
                + "</main>\n<script src=\"wizard.js\"></script>\n</body>\n</html>\n";
        Files.createDirectories(SITE);
        page = SITE.resolve("decision.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Files.copy(Path.of("templates/assets/wizard.js"), SITE.resolve("wizard.js"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("templates/assets/diagram.css"), SITE.resolve("diagram.css"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (String kind : List.of("approach/helm", "approach/crd", "approach/runtime", "use-case/production",
                "use-case/learning")) {
            Path p = SITE.resolve(kind + ".html");
            Files.createDirectories(p.getParent());
            Files.writeString(p, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + kind
                    + "</title></head><body><h1>" + kind + "</h1></body></html>\n", StandardCharsets.UTF_8);
        }
        browser = chrome(true);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void walksOneQuestionAtATimeKeepingThePathInTheUrl() {
        open(browser, "");
        assertEquals(List.of("q-production"), visibleSteps(browser));
        answer(browser, "Yes");
        assertEquals(List.of("q-platform"), visibleSteps(browser));
        assertEquals("#path=yes", hash(browser));
        assertEquals("q-platform-title", browser.switchTo().activeElement().getAttribute("id"),
                "focus moves to the new question");
        assertEquals("Answered Yes. Question 2: Are you using the \"Platform\" & its operator?",
                browser.findElement(By.cssSelector(".gg-wizard-live")).getAttribute("textContent"));
        answer(browser, "No");
        answer(browser, "Helm-based");
        assertEquals(List.of("o-helm"), visibleSteps(browser));
        assertEquals("#path=yes/no/helm-based", hash(browser));
        WebElement outcome = browser.findElement(By.id("o-helm"));
        assertTrue(outcome.getText().contains("Recommended"), outcome.getText());
        assertTrue(outcome.getText().contains("Production-tested and benchmarked"), outcome.getText());
        assertEquals(List.of("Do you need to serve models in production? Yes",
                "Are you using the \"Platform\" & its operator? No",
                "Do you want controller-managed or Helm-based? Helm-based"),
                browser.findElements(By.cssSelector(".gg-wizard-trail li")).stream().map(WebElement::getText)
                        .toList());

        // the same URL in a fresh tab shows the same outcome
        String url = browser.getCurrentUrl();
        String first = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(url);
        assertEquals(List.of("o-helm"), visibleSteps(browser));
        browser.close();
        browser.switchTo().window(first);

        click(browser, By.cssSelector(".gg-wizard-back"));
        assertEquals(List.of("q-management"), visibleSteps(browser));
        assertEquals("#path=yes/no", hash(browser));
        click(browser, By.cssSelector(".gg-wizard-startover"));
        assertEquals(List.of("q-production"), visibleSteps(browser));
        assertEquals("#path=", hash(browser));
        assertFalse(browser.findElement(By.cssSelector(".gg-wizard-back")).isEnabled(), "nothing to go back to");
    }

    @Test
    void stepsBackWithTheBrowsersBackButton() {
        open(browser, "");
        answer(browser, "Yes");
        answer(browser, "No");
        browser.navigate().back();
        waitFor(browser, "#path=yes");
        assertEquals(List.of("q-platform"), visibleSteps(browser));
    }

    @Test
    void opensTheStepAnAnchorOrPathNamesAndDropsWhatItDoesNotKnow() {
        open(browser, "#o-wait-crd");
        assertEquals(List.of("o-wait-crd"), visibleSteps(browser));
        assertEquals("#path=yes/no/controller-managed", hash(browser));
        open(browser, "#path=yes/nonsense/more");
        assertEquals(List.of("q-platform"), visibleSteps(browser));
        assertEquals("#path=yes", hash(browser));
    }

    @Test
    void worksFromTheKeyboard() {
        open(browser, "");
        browser.findElement(By.cssSelector("#q-production button[data-gg-option=yes]")).sendKeys(Keys.ENTER);
        assertEquals(List.of("q-platform"), visibleSteps(browser));
        browser.findElement(By.cssSelector("#q-platform button[data-gg-option=no]")).sendKeys(Keys.SPACE);
        assertEquals(List.of("q-management"), visibleSteps(browser));
        browser.findElement(By.cssSelector(".gg-wizard-back")).sendKeys(Keys.ENTER);
        assertEquals(List.of("q-platform"), visibleSteps(browser));
    }

    @Test
    void followsThePathByLinksWithoutJavaScript() {
        WebDriver plain = chrome(false);
        try {
            open(plain, "");
            assertEquals(7, visibleSteps(plain).size(), "every step shows");
            plain.findElement(By.cssSelector("#q-production a[data-gg-option=yes]")).click();
            assertEquals("#q-platform", hash(plain));
            plain.findElement(By.cssSelector("#q-platform a[data-gg-option=no]")).click();
            plain.findElement(By.cssSelector("#q-management a[data-gg-option=helm-based]")).click();
            assertEquals("#o-helm", hash(plain));
            plain.findElement(By.linkText("Read about Helm Project")).click();
            assertTrue(plain.getCurrentUrl().endsWith("/approach/helm.html"), plain.getCurrentUrl());
        } finally {
            plain.quit();
        }
    }

    @Test
    void opensAnOutcomesPageFromItsDiagramNode() {
        open(browser, "");
        browser.findElement(By.cssSelector("#gg-tree-o-helm a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("approach/helm.html"));
    }

    @Test
    void fitsAPhoneScreenScrollingTheDiagramNotThePage() {
        WebDriver phone = chrome(true);
        try {
            phone.manage().window().setSize(new Dimension(360, 740));
            open(phone, "");
            JavascriptExecutor js = (JavascriptExecutor) phone;
            long page = (Long) js.executeScript("return document.documentElement.scrollWidth");
            long view = (Long) js.executeScript("return document.documentElement.clientWidth");
            assertTrue(page <= view, "the page does not scroll sideways: " + page + " > " + view);
            long box = (Long) js.executeScript("return document.querySelector('.gg-diagram').clientWidth");
            long drawing = (Long) js.executeScript(
                    "return Math.round(document.querySelector('.gg-diagram svg').getBoundingClientRect().width)");
            assertTrue(drawing > box, "the diagram keeps its natural size and scrolls in its box");
        } finally {
            phone.quit();
        }
    }

    @Test
    void hasNoAccessibilityViolationsBeforeAndDuringTheWalk() {
        open(browser, "");
        assertNoViolations(new AxeBuilder().analyze(browser));
        answer(browser, "Yes");
        answer(browser, "No");
        answer(browser, "Helm-based");
        assertNoViolations(new AxeBuilder().analyze(browser));
    }

    @Test
    void isValidHtml() throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        // its language detector reads JSON through javax.json, whose provider class name clashes with Jena's
        // jakarta.json on this class path (org.glassfish.json.JsonProviderImpl in both jars)
        validator.setNoLangDetect(true);
        String out = validator.validate(page);
        List<String> errors = out.lines().filter(l -> l.contains("error")).toList();
        assertEquals(List.of(), errors, out);
    }

    private static void assertNoViolations(Results results) {
        List<String> problems = new ArrayList<>();
        for (Rule r : results.getViolations()) {
            problems.add(r.getId() + ": " + r.getHelp() + " " + r.getNodes().stream().map(n -> n.getTarget().toString())
                    .collect(Collectors.joining(", ")));
        }
        assertEquals(List.of(), problems);
    }

    private static WebDriver chrome(boolean javascript) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        if (!javascript) {
            o.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
        return new ChromeDriver(service, o);
    }

    private static void open(WebDriver d, String hash) {
        d.get("about:blank");
        d.get(page.toUri() + hash);
    }

    private static void answer(WebDriver d, String option) {
        WebElement step = d.findElements(By.cssSelector(".gg-wizard-step")).stream().filter(WebElement::isDisplayed)
                .findFirst().orElseThrow();
        step.findElements(By.cssSelector("button.gg-wizard-option")).stream()
                .filter(b -> b.getText().equals(option)).findFirst().orElseThrow().click();
    }

    private static void click(WebDriver d, By by) {
        d.findElement(by).click();
    }

    private static List<String> visibleSteps(WebDriver d) {
        return d.findElements(By.cssSelector(".gg-wizard-step")).stream().filter(WebElement::isDisplayed)
                .map(e -> e.getAttribute("id")).toList();
    }

    private static String hash(WebDriver d) {
        return (String) ((JavascriptExecutor) d).executeScript("return location.hash");
    }

    private static void waitFor(WebDriver d, String hash) {
        new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> hash.equals(hash(x)));
    }
}
