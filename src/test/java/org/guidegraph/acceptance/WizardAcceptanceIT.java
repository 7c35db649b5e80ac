package org.guidegraph.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
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
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Issue 4's acceptance, tried as a new user would, on {@code decide.html} of the built guide opened from disk in
 * Chromium: the wizard with and without JavaScript, and the SVG decision tree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WizardAcceptanceIT {

    private static final String PAGE = "decide.html";
    /** The answers of issue 4's walk: in production, not on RHOAI/OpenShift, Helm-based. */
    private static final List<String> ANSWERS = List.of("Yes", "No", "Helm-based");

    /** Each outcome of the source's tree by its words, with the page it recommends and that page's heading. */
    private static final Map<String, String[]> OUTCOME_PAGES = Map.of(
            "Use ServingRuntime + InferenceService", new String[] {"approach/servingruntime.html", "ServingRuntime + InferenceService"},
            "Wait for KServe LLMD to reach GA", new String[] {"approach/kserve-llmd.html", "KServe LLMD CRD"},
            "Use llm-d Project", new String[] {"approach/llm-d.html", "llm-d Project"},
            "Any approach works", new String[] {"use-case/experimentation-learning.html", "Experimentation / Learning"});

    private final SourceGuide source = SourceGuide.read();
    private Site site;
    private Browser browser;
    private WebDriver driver;

    @BeforeAll
    void launch() {
        Browser.assumeAvailable();
        site = BuiltGuide.get().site();
        browser = Browser.launch();
        driver = browser.driver();
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void answeringYesNoHelmBasedRecommendsLlmdWithItsReasonsAndTheUrlReopensThere() {
        Pages.open(driver, site, PAGE);
        for (String answer : ANSWERS) {
            answer(answer);
        }
        WebElement outcome = visibleStep();
        assertRecommendsLlmd(outcome);
        String step = outcome.getAttribute("id");
        assertEquals(List.of(), Pages.consoleErrors(driver), "console errors while walking the wizard");

        String url = driver.getCurrentUrl();
        assertTrue(url.contains("#"), "the path is in the URL: " + url);
        String first = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        try {
            driver.get(url);
            assertEquals(step, visibleStep().getAttribute("id"), "a fresh tab opens " + url
                    + " on the same step");
            assertRecommendsLlmd(visibleStep());
        } finally {
            driver.close();
            driver.switchTo().window(first);
        }
    }

    @Test
    void backReturnsToThePreviousQuestion() {
        Pages.open(driver, site, PAGE);
        List<String> questions = source.treeQuestions();
        List<String> asked = new ArrayList<>();
        for (String answer : ANSWERS) {
            asked.add(heading(visibleStep()));
            answer(answer);
        }
        assertEquals(questions, asked, "the wizard asks the source's questions in order");
        String hash = hash();
        driver.findElement(By.cssSelector(".gg-wizard-back")).click();
        assertEquals(questions.get(2), heading(visibleStep()), "Back from the outcome shows the last question");
        assertTrue(hash.startsWith(hash()) && hash.length() > hash().length(), "the URL's path is one answer shorter: "
                + hash + " then " + hash());
        driver.findElement(By.cssSelector(".gg-wizard-back")).click();
        assertEquals(questions.get(1), heading(visibleStep()), "Back again shows the question before");
    }

    @Test
    void withoutJavaScriptTheSamePathCanBeFollowedByLinks() {
        WebDriver plain = withoutJavaScript();
        try {
            Pages.open(plain, site, PAGE);
            assertTrue(plain.findElements(By.cssSelector(".gg-wizard--enhanced, button.gg-wizard-option")).isEmpty(),
                    "JavaScript is off, so wizard.js made no buttons");
            WebElement step = plain.findElement(By.cssSelector(".gg-wizard-step"));
            for (String answer : ANSWERS) {
                step.findElement(By.linkText(answer)).click();
                String target = hashOf(plain.getCurrentUrl());
                step = plain.findElement(By.id(target));
            }
            assertRecommendsLlmd(step);
            step.findElement(By.cssSelector(".gg-wizard-recommendation a")).click();
            Pages.waitFor(plain, "the approach page", d -> Pages.here(d, site).equals("approach/llm-d.html"));
            assertEquals("llm-d Project", Pages.h1(plain));
        } finally {
            plain.quit();
        }
    }

    @Test
    void theDiagramHasTheThreeQuestionsAndFourOutcomesOfTheSource() {
        Pages.open(driver, site, PAGE);
        List<String> questions = driver.findElements(By.cssSelector("svg .node.question")).stream()
                .map(WizardAcceptanceIT::svgText).toList();
        assertEquals(source.treeQuestions(), questions);
        List<String> outcomes = driver.findElements(By.cssSelector("svg .node.outcome")).stream()
                .map(WizardAcceptanceIT::svgText).toList();
        List<String> expected = source.treeOutcomes();
        assertEquals(4, expected.size(), "the source tree has four leaves: " + expected);
        assertEquals(expected.size(), outcomes.size(), outcomes.toString());
        for (String leaf : expected) {
            String words = leaf.replaceFirst("\\s*\\(.*\\)$", "");
            assertTrue(outcomes.stream().anyMatch(o -> o.contains(words)), "an outcome node says \"" + words + "\": "
                    + outcomes);
        }
    }

    @Test
    void theTextAlternativeListsTheSameQuestionsAndLinksTheSameOutcomePages() {
        Pages.open(driver, site, PAGE);
        assertEquals(source.treeQuestions(), driver.findElements(By.cssSelector(".gg-tree-list .gg-tree-question"))
                .stream().map(WebElement::getText).toList());
        List<String> linked = driver.findElements(By.cssSelector(".gg-tree-list .gg-tree-outcome a")).stream()
                .map(a -> Pages.relative(site, a.getAttribute("href"))).sorted().toList();
        assertEquals(OUTCOME_PAGES.values().stream().map(p -> p[0]).sorted().toList(), linked);
    }

    @Test
    void clickingAnOutcomeInTheDiagramOpensItsPage() {
        assertEquals(source.treeOutcomes().size(), OUTCOME_PAGES.size(), "every outcome of the source is clicked");
        OUTCOME_PAGES.forEach((words, where) -> {
            Pages.open(driver, site, PAGE);
            WebElement node = driver.findElements(By.cssSelector("svg .node.outcome")).stream()
                    .filter(n -> svgText(n).contains(words)).findFirst()
                    .orElseThrow(() -> new AssertionError("no outcome node says \"" + words + "\""));
            node.findElement(By.tagName("a")).click();
            Pages.waitFor(driver, "\"" + words + "\" to open " + where[0], d -> Pages.here(d, site).equals(where[0]));
            assertEquals(where[1], Pages.h1(driver), "the heading of " + where[0]);
        });
    }

    private void assertRecommendsLlmd(WebElement outcome) {
        String text = outcome.getText();
        assertTrue(text.contains("Recommended"), "the outcome says it is recommended: " + text);
        assertEquals("llm-d Project", outcome.findElement(By.cssSelector(".gg-wizard-recommendation a")).getText());
        assertEquals("approach/llm-d.html", Pages.relative(site,
                outcome.findElement(By.cssSelector(".gg-wizard-recommendation a")).getAttribute("href")));
        List<String> reasons = outcome.findElements(By.cssSelector(".gg-wizard-reasons li")).stream()
                .map(WebElement::getText).toList();
        assertEquals(source.bullets("### Use Case 1: Production LLM Serving (General)", "**Why:**"), reasons,
                "the reasons are the source's reasons for llm-d in production");
    }

    private void answer(String option) {
        WebElement step = visibleStep();
        List<WebElement> buttons = step.findElements(By.cssSelector("button.gg-wizard-option")).stream()
                .filter(b -> b.getText().equals(option)).toList();
        assertEquals(1, buttons.size(), "one button \"" + option + "\" on \"" + heading(step) + "\"");
        buttons.get(0).click();
    }

    private WebElement visibleStep() {
        List<WebElement> shown = driver.findElements(By.cssSelector(".gg-wizard-step")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertEquals(1, shown.size(), "one step shows at a time: "
                + shown.stream().map(e -> e.getAttribute("id")).toList());
        return shown.get(0);
    }

    private static String heading(WebElement step) {
        return step.findElement(By.tagName("h3")).getText();
    }

    private String hash() {
        return hashOf(driver.getCurrentUrl());
    }

    private static String hashOf(String url) {
        int at = url.indexOf('#');
        return at < 0 ? "" : url.substring(at + 1);
    }

    /** A node's words, as its text lines read one after another. */
    private static String svgText(WebElement node) {
        return node.findElements(By.tagName("text")).stream().map(t -> t.getAttribute("textContent").strip())
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    /** Chromium with JavaScript switched off in its content settings, as a reader can. */
    private static WebDriver withoutJavaScript() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browser.chromium().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--window-size=1280,800");
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Browser.chromedriver().toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
