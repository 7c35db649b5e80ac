package org.guidegraph.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class LinkCheckTest {

    private final Site good = Fixtures.site("good");
    private final Site broken = Fixtures.site("broken");

    @Test
    void acceptsEveryLinkAnchorImageStylesheetAndScriptOfTheGoodSite() {
        LinkCheck.Result result = new LinkCheck(good).check();
        GateAssertions.assertNoProblems("every reference of the good site resolves", result.problems());
    }

    @Test
    void listsExternalLinksWithTheirPagesWithoutReportingThem() {
        LinkCheck.Result result = new LinkCheck(good).check();
        assertEquals(Map.of(
                        "https://example.invalid/docs", new TreeSet<>(Set.of("index.html")),
                        "mailto:nobody@example.invalid", new TreeSet<>(Set.of("index.html"))),
                result.externalUrls());
        assertEquals(List.of(), result.problems());
    }

    @Test
    void reportsLinkToMissingAnchorWithPageAndFragment() {
        assertReports("broken-links.html:14:",
                "<a href=\"index.html#no-such-anchor\">: \"index.html\" has no element with id \"no-such-anchor\"");
    }

    @Test
    void reportsLinkToMissingFileWithPageAndPath() {
        assertReports("broken-links.html:15:", "<a href=\"missing-page.html\">: no file \"missing-page.html\" in the site");
    }

    @Test
    void reportsRootRelativeLinkBecauseItBreaksFromDiskAndUnderASubPath() {
        assertReports("broken-links.html:16:", "<a href=\"/index.html\">: a root-relative URL breaks when the site is"
                + " opened from disk or served under a sub-path; make it relative to broken-links.html");
    }

    @Test
    void reportsFragmentMissingOnTheSamePage() {
        assertReports("broken-links.html:17:", "<a href=\"#nowhere\">: \"broken-links.html\" has no element with id \"nowhere\"");
    }

    @Test
    void reportsLinkToFolderBecauseFromDiskItShowsAFileListing() {
        assertReports("broken-links.html:18:", "<a href=\"docs/\">: links to the folder \"docs/\", which shows a file"
                + " listing, not a page, when the site is opened from disk; link to \"docs/index.html\"");
    }

    @Test
    void reportsLinkThatClimbsOutOfTheSite() {
        assertReports("broken-links.html:19:", "<a href=\"../outside.html\">: points outside the site");
    }

    @Test
    void reportsMalformedUrl() {
        assertReports("broken-links.html:20:", "<a href=\"two words.html\">: malformed URL (Illegal character in path"
                + " at index 3); percent-encode spaces and special characters");
    }

    @Test
    void reportsMissingStylesheetWithPageAndPath() {
        assertReports("missing-stylesheet.html:9:", "<link href=\"css/missing.css\">: no file \"css/missing.css\" in the site");
    }

    @Test
    void reportsMissingFileReferencedFromAStylesheetWithItsLine() {
        assertReports("css/orphan-references.css:3:", "url(\"../img/nowhere.png\"): no file \"img/nowhere.png\" in the site");
    }

    @Test
    void reportsOnlyTheBrokenFilesOfTheBrokenSite() {
        assertEquals(Set.of("broken-links.html", "css/orphan-references.css", "missing-stylesheet.html"),
                Fixtures.filesWithProblems(new LinkCheck(broken).check().problems()));
    }

    @Test
    void failsWithAMessageNamingThePageAndTheProblem() {
        String message = GateAssertions.describe("every reference resolves", new LinkCheck(broken).checkPage("broken-links.html").problems());
        assertTrue(message.startsWith("expected: every reference resolves; found 7 problems:\n  broken-links.html:14:"), message);
    }

    /** Asserts that the broken site has a problem at {@code position} (file:line:) with exactly {@code message}. */
    private void assertReports(String position, String message) {
        List<String> lines = Fixtures.lines(new LinkCheck(broken).check().problems());
        SortedSet<String> matching = new TreeSet<>();
        for (String line : lines) {
            if (line.startsWith(position) && line.endsWith(": " + message)) {
                matching.add(line);
            }
        }
        assertEquals(1, matching.size(), () -> "expected one problem at " + position + " saying: " + message
                + "\nbut the link gate reported:\n  " + String.join("\n  ", lines));
    }
}
