package org.guidegraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.guidegraph.build.BuildOptions;
import org.guidegraph.build.SiteBuild;
import org.guidegraph.synth.SyntheticGuide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner reads every page as the jsoup-based reading does, or leaves it to jsoup. */
class SectionScannerTest {

    private static final String HEAD = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Tab &amp; title</title><meta name=\"gg:type\" content=\" Feature \">"
            + "<script>var x = '<p>';</script></head><body><nav>Nav</nav>";

    private static String page(String main) {
        return HEAD + "<main id=\"main\">" + main + "</main><footer>Foot</footer></body></html>";
    }

    /** Pages the scanner reads itself. */
    static final List<String> SCANNED = List.of(
            "<h1>Title <a class=\"anchor\" href=\"#t\">#</a></h1><p>Lead&nbsp;text &lt;b&gt; &amp &copy x</p>"
                    + "<h2 id=\"a\">A <span aria-hidden=\"true\">¶</span><code>x</code></h2><p>one<br>two</p>",
            "<p>No h1</p><h2 id=a>Unquoted</h2><p>t<img src=x alt='An image'>u<img alt=\" \">v</p>",
            "<h1 id=\"t\">Page</h1><h1 id=\"u\">Second h1</h1><p>x</p><h3 id=\"t\">Repeat</h3><h4 id=\"d\">Deep</h4>",
            "<div hidden><h1>Hidden title</h1></div><h1>Shown</h1><p>a<!-- comment <p>x</p> -->b</p>",
            "<section><h2 id=\"s\">In a section</h2><p>x<em>y</em>z<wbr>w<span>q</span></p></section>",
            "<table><caption>Cap</caption><tr><th>H</th><td>1</td></tr>\n<tr><td>2</td></tr></table>"
                    + "<table><thead><tr><th>x</th></tr></thead><tbody><tr><td>y</td></tr></tbody></table>",
            "<ul><li>a</li><li>b <a href=\"x\">link</a></li></ul><dl><dt>T</dt><dd>D</dd></dl><pre>\nline\n  pre</pre>",
            "<svg aria-hidden=\"true\"><title>Svg title</title><g><path d=\"M0\"/><text>t</text></g></svg><p>after</p>",
            "<h2 id=\"x\">Heading <svg aria-hidden=\"true\"><path/></svg>text</h2><p>y</p>",
            "<p>a<button>press</button>b</p><form><input name=q><label>L</label></form><noscript>ns</noscript>",
            "<p data-gg-search=\"ignore\">ignored</p><p aria-hidden=\"false\">kept</p><script>if (a<b) {}</script>"
                    + "<style>p{}</style><p>c</p>",
            "<h2 id=\"e\"></h2><p>empty heading</p><h2 id=\"f\">Tab &amp; title</h2>",
            "<h1></h1><p>empty h1: the title names the page</p>",
            "<p>\u2003em space\u2003</p><h2 id=\"g\">  spaced\n\theading  </h2><custom-el>custom</custom-el>",
            "<p title=\"&quot;q&quot; &#39;s&#39; &amp;amp;\">&lt;&gt;&quot;&#39;&amp;lt;&ampx &lt</p>"
                    + "<img alt=\"a &amp; b &quot;c&quot; &notit; &amp\"><img alt='&#39;&lt;'>",
            "<ul><li>a<ul><li>b</li></ul></li><li><p>c</p><ol><li>d</li></ol></li></ul><dl><dt>t<dl><dd>u</dd></dl></dt></dl>",
            "<form><textarea name=t>\n<p>not a tag</p> &amp;</textarea></form><p>after</p>",
            "<figure><img src=a alt=Fig><figcaption>cap</figcaption></figure><hr><blockquote>q</blockquote>");

    /** Pages left to jsoup, each for a reason of the tree builder. */
    static final List<String> LEFT_TO_JSOUP = List.of(
            "<p>unclosed<div>div closes the p</div>",
            "<ul><li>a<li>b</ul>",
            "<table><tr><td>x</td></tr>text in a table</table>",
            "<template><p>t</p></template>",
            "<p>a < b</p>",
            "<b><i>misnested</b></i>",
            "<h2 id=\"x\">a<br>b</h2>",
            "<h1>a\u00A0b</h1>",
            "<div/>",
            "<select><option>a<option>b</select>",
            "<a href=x>a<a href=y>b</a></a>",
            "<script><!-- <script> --></script>",
            "<p><![CDATA[x]]></p>",
            "<h2><h3>nested</h3></h2>",
            "<textarea>\nread text</textarea>",
            "<ul><li>a<div><li>b</li></div></li></ul>");

    @Test
    void scannedPagesGiveWhatJsoupGives() {
        for (String main : SCANNED) {
            String html = page(main);
            List<SearchDocument> scanned = SectionScanner.scan("p.html", html);
            assertNotNull(scanned, "scanned, not left to jsoup: " + main);
            assertEquals(HtmlSections.withJsoup("p.html", html), scanned, main);
        }
    }

    @Test
    void pagesTheTreeBuilderRearrangesAreLeftToJsoup() {
        for (String main : LEFT_TO_JSOUP) {
            String html = page(main);
            assertNull(SectionScanner.scan("p.html", html), main);
            assertEquals(HtmlSections.withJsoup("p.html", html), HtmlSections.extract("p.html", html), main);
        }
    }

    @Test
    void pagesWithoutOneMainOrWithCapitalTagsAreLeftToJsoup() {
        assertNull(SectionScanner.scan("p.html", "<html><head></head><body><p>x</p></body></html>"));
        assertNull(SectionScanner.scan("p.html", HEAD + "<MAIN><p>x</p></MAIN>"));
    }

    @Test
    void everyPageOfTheProjectsSiteIsReadAsJsoupReadsIt() throws IOException {
        int[] counts = compareAll(Path.of("site"));
        assertTrue(counts[0] > 40, "pages compared: " + counts[0]);
        assertTrue(counts[1] * 10 >= counts[0] * 9, "most pages are scanned: " + counts[1] + " of " + counts[0]);
    }

    @Test
    void everyPageOfABuiltSyntheticGuideIsReadAsJsoupReadsIt(@TempDir Path tmp) throws IOException {
        Path guide = tmp.resolve("guide");
        SyntheticGuide.write(new SyntheticGuide.Spec(4, 60, 30, 4, 7), guide);
        Path site = tmp.resolve("site");
        assertTrue(new SiteBuild(BuildOptions.of(guide, site), new java.io.PrintWriter(java.io.Writer.nullWriter()),
                null).run().ok());
        int[] counts = compareAll(site);
        assertTrue(counts[0] > 100, "pages compared: " + counts[0]);
        assertEquals(counts[0], counts[1], "every page is scanned");
    }

    /** Compares both readings over every page under {@code site}; answers {pages, pages scanned}. */
    static int[] compareAll(Path site) throws IOException {
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        int scannedPages = 0;
        for (Path p : pages) {
            String rel = site.relativize(p).toString().replace('\\', '/');
            String html = Files.readString(p, StandardCharsets.UTF_8);
            List<SearchDocument> scanned = SectionScanner.scan(rel, html);
            if (scanned != null) {
                scannedPages++;
                assertEquals(HtmlSections.withJsoup(rel, html), scanned, rel);
            }
        }
        return new int[] {pages.size(), scannedPages};
    }
}
