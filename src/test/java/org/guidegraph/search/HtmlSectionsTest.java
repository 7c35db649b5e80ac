package org.guidegraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class HtmlSectionsTest {

    private static List<SearchDocument> withMain() {
        return HtmlSections.extract("feature/prefill-decode-split.html", Fixtures.read("sections/with-main.html"));
    }

    @Test
    void splitsAtH1ToH3HeadingsThatHaveAnId() {
        List<SearchDocument> docs = withMain();
        assertEquals(List.of("feature/prefill-decode-split.html", "feature/prefill-decode-split.html#support",
                "feature/prefill-decode-split.html#sources"), docs.stream().map(SearchDocument::url).toList());
        assertEquals(docs.stream().map(SearchDocument::url).toList(),
                docs.stream().map(SearchDocument::id).toList());
    }

    @Test
    void leadSectionIsTitledByTheFirstH1AndSectionsByPageAndHeading() {
        List<SearchDocument> docs = withMain();
        assertEquals("Prefill/Decode Split", docs.get(0).title());
        assertEquals("Prefill/Decode Split \u203A Support by approach", docs.get(1).title());
        assertEquals("Separates the prefill and decode phases of inference onto different workers.",
                docs.get(0).body());
    }

    @Test
    void headingsWithoutIdAndDeeperHeadingsStayInTheirSection() {
        String support = withMain().get(1).body();
        assertEquals("llm-d Project Full support ServingRuntime No Notes without an anchor KServe LLMD supports it"
                + " through the prefill: spec. A deep heading Still part of support.", support);
    }

    @Test
    void readsOnlyMainAndSkipsNavigationScriptsAndHiddenText() {
        String all = String.join(" ", withMain().stream().map(d -> d.title() + " " + d.body()).toList());
        for (String word : List.of("headerword", "navword", "tocword", "footerword", "scriptword", "hiddenword",
                "ignoredword", "color")) {
            assertFalse(all.contains(word), word + " should not be indexed: " + all);
        }
        assertTrue(all.contains("diagram of the disaggregated pipeline"), "image alt text is indexed: " + all);
        assertTrue(all.contains("matrix of October 2025"), "a <br> separates words: " + all);
    }

    @Test
    void typeComesFromTheGgTypeMetaElsePage() {
        assertTrue(withMain().stream().allMatch(d -> d.type().equals("Feature")));
        List<SearchDocument> glossary = HtmlSections.extract("glossary.html",
                Fixtures.read("sections/without-main.html"));
        assertTrue(glossary.stream().allMatch(d -> d.type().equals(HtmlSections.PAGE)));
    }

    @Test
    void withoutMainReadsTheBodyLessHeaderNavAsideAndFooter() {
        List<SearchDocument> docs = HtmlSections.extract("glossary.html", Fixtures.read("sections/without-main.html"));
        assertEquals(2, docs.size());
        assertEquals("Glossary", docs.get(0).title(), "no h1: the <title> names the page");
        assertEquals("Terms used across the guide.", docs.get(0).body());
        assertEquals("Glossary \u203A KV cache", docs.get(1).title());
        assertEquals("Attention keys and values kept between decode steps.", docs.get(1).body());
    }

    @Test
    void theRenderedGuideGivesOneSectionPerAnchoredHeading() {
        List<SearchDocument> docs = HtmlSections.extract("index.html", Fixtures.read("site/index.html"));
        assertEquals(21, docs.size(), "the lead, then 20 headings h2/h3 with ids");
        assertEquals("Quick Decision Guide: Which LLM Serving Approach?", docs.get(0).title());
        SearchDocument pd = docs.stream().filter(d -> d.url().endsWith("#i-need-prefilldecode-disaggregation"))
                .findFirst().orElseThrow();
        assertEquals("Quick Decision Guide: Which LLM Serving Approach? \u203A I need: Prefill/Decode Disaggregation",
                pd.title());
        assertTrue(pd.body().startsWith("\u2705 llm-d Project Full P/D support with NIXL"), pd.body());
    }

    @Test
    void aRepeatedIdDoesNotStartASecondSection() {
        List<SearchDocument> docs = HtmlSections.extract("notes.html", Fixtures.read("sections/repeated-id.html"));
        assertEquals(List.of("notes.html", "notes.html#setup"), docs.stream().map(SearchDocument::url).toList());
        assertEquals("Install the chart. Setup again Upgrade the chart.", docs.get(1).body());
    }

    @Test
    void rejectsAnAbsolutePagePath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HtmlSections.extract("/approach/llm-d.html", "<main></main>"));
        assertTrue(e.getMessage().contains("relative to the site root"), e.getMessage());
    }

    @Test
    void onlyTheHeadAndTheOneMainElementAreParsedWhenThePageHasOne() {
        String page = "<!DOCTYPE html><html><head><title>T</title><meta name=\"gg:type\" content=\"Feature\"></head>"
                + "<body><nav><a href=\"x.html\">Nav</a></nav><MAIN id=\"main\"><h1>Title</h1><p>Lead</p>"
                + "<h2 id=\"s\">Section</h2><p>Text</p></MAIN><footer>Foot</footer></body></html>";
        String reduced = HtmlSections.headAndMain(page);
        assertFalse(reduced.contains("Nav") || reduced.contains("Foot"), reduced);
        assertTrue(reduced.contains("<title>T</title>") && reduced.contains("<h2 id=\"s\">Section</h2>"), reduced);
        List<SearchDocument> docs = HtmlSections.extract("p.html", page);
        assertEquals(List.of("p.html", "p.html#s"), docs.stream().map(SearchDocument::url).toList());
        assertEquals("Feature", docs.get(0).type());
    }

    @Test
    void aPageWithTwoMainElementsOrNoneIsParsedWhole() {
        String two = "<html><head></head><body><main><p>a</p></main><main><p>b</p></main></body></html>";
        assertEquals(two, HtmlSections.headAndMain(two));
        String none = "<html><head></head><body><p>a <mainly>x</mainly></p></body></html>";
        assertEquals(none, HtmlSections.headAndMain(none));
    }

    @Test
    void headAndMainTagsAreFoundInAnyMixOfCapitals() {
        for (String page : List.of(
                "<html><HEAD></HEAD><body><nav>Nav</nav><Main><p>a</p></Main></body></html>",
                "<html><head></hEAD><body><nav>Nav</nav><mAIN><p>a</p></mAIN></body></html>",
                "<html><head></Head><body><nav>Nav</nav><main><p>a</p></main></body></html>")) {
            String reduced = HtmlSections.headAndMain(page);
            assertFalse(reduced.contains("Nav"), reduced);
            assertTrue(reduced.contains("<p>a</p>"), reduced);
        }
    }
}
