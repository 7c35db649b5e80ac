package org.guidegraph.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class HtmlValidityTest {

    private static HtmlValidity validity;

    @BeforeAll
    static void startChecker() {
        validity = new HtmlValidity();
    }

    @Test
    void acceptsEveryPageOfTheGoodSite() {
        Site good = Fixtures.site("good");
        assertEquals(List.of("about.html", "index.html", "sub/page.html"), good.pages());
        GateAssertions.assertNoProblems("every page of the good site is valid HTML", validity.check(good));
    }

    @Test
    void reportsStrayEndTagAndMisplacedElementWithPageLineAndColumn() {
        List<String> lines = Fixtures.lines(validity.check(Fixtures.site("broken"), "invalid-html.html"));
        assertEquals(List.of(
                "invalid-html.html:14:55: Stray end tag “span”.",
                "invalid-html.html:15:11: Element “p” not allowed as child of element “ul” in this context."
                        + " (Suppressing further errors from this subtree.)"), lines);
    }

    @Test
    void reportsImageWithoutAltWithPageAndLine() {
        List<String> lines = Fixtures.lines(validity.check(Fixtures.site("broken"), "image-without-alt.html"));
        assertEquals(1, lines.size(), () -> "expected one problem, got " + lines);
        assertTrue(lines.get(0).startsWith("image-without-alt.html:14:"), lines::toString);
        assertTrue(lines.get(0).contains("An “img” element must have an “alt” attribute"), lines::toString);
    }

    @Test
    void reportsOnlyTheInvalidPagesOfTheBrokenSite() {
        // broken-links.html is invalid too: an unencoded space is not allowed in an href.
        assertEquals(Set.of("broken-links.html", "image-without-alt.html", "invalid-html.html"),
                Fixtures.filesWithProblems(validity.check(Fixtures.site("broken"))));
    }

    @Test
    void failsWithAMessageNamingEachPageAndProblem() {
        List<Problem> problems = validity.check(Fixtures.site("broken"));
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> GateAssertions.assertNoProblems("every page of the broken site is valid HTML", problems));
        String message = failure.getMessage();
        assertTrue(message.startsWith("expected: every page of the broken site is valid HTML; found "), message);
        assertTrue(message.contains("\n  invalid-html.html:14:55: Stray end tag “span”."), message);
        assertTrue(message.contains("\n  image-without-alt.html:14:"), message);
    }
}
