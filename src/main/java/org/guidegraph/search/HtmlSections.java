package org.guidegraph.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.guidegraph.search.internal.Snippets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;

/**
 * Turns a built page into search documents, one per section, so that a hit lands on the right anchor.
 *
 * <ul>
 * <li>Only the text of {@code <main>} is read (without {@code <main>}: {@code <body>} without its
 * {@code header}, {@code nav}, {@code footer} and {@code aside}); {@code script}, {@code style}, {@code nav},
 * {@code footer}, {@code template}, {@code noscript}, anything {@code hidden} or {@code aria-hidden} and anything
 * marked {@code data-gg-search="ignore"} are skipped everywhere.</li>
 * <li>A new section starts at each {@code h1}, {@code h2} or {@code h3} that has an {@code id}; its URL is the
 * page's with that anchor and its title is {@code Page › Heading}. Text before the first such heading (the
 * page's own {@code h1} included) is the page's lead section: its URL is the page's and its title the page
 * title. Headings without an id (or with the id of an earlier heading), and {@code h4}–{@code h6}, stay text of
 * their section.</li>
 * <li>The page title is the text of the first {@code h1} of the content, else of {@code <title>}, else the
 * path.</li>
 * <li>The type of every section is the {@code content} of {@code <meta name="gg:type">}, else {@code Page}.</li>
 * </ul>
 *
 * <p>Pages are read in one pass over their markup ({@link SectionScanner}); a page with markup the HTML5 tree builder
 * would rearrange is parsed with jsoup instead, which gives the same sections.
 */
public final class HtmlSections {

    // Selectors parsed once: parsing one allocates a large buffer, and a site has tens of thousands of headings.
    private static final Evaluator MAIN = QueryParser.parse("main");
    private static final Evaluator TYPE_META = QueryParser.parse("meta[name=gg:type]");
    private static final Evaluator H1 = QueryParser.parse("h1");
    private static final Evaluator HIDDEN_IN_HEADING = QueryParser.parse(
            "[aria-hidden=true], [hidden], .anchor, .headerlink");

    /** The type of pages that do not say theirs. */
    public static final String PAGE = "Page";
    /** Between a page title and a section heading in a section's title. */
    public static final String SEPARATOR = " \u203A ";

    static final Set<String> SKIPPED = Set.of("script", "style", "nav", "footer", "template", "noscript",
            "svg", "button", "select", "form");
    private static final Set<String> OUTSIDE_MAIN = Set.of("header", "aside");
    static final Set<String> SECTION_HEADINGS = Set.of("h1", "h2", "h3");
    static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn",
            "em", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
            "wbr");

    private HtmlSections() {
    }

    /**
     * The sections of one page.
     *
     * @param relPath the page's path relative to the site root, with forward slashes ({@code approach/llm-d.html})
     * @param html the page
     * @return its sections in page order, the lead section first (when it has a title or text)
     */
    public static List<SearchDocument> extract(String relPath, String html) {
        if (relPath.startsWith("/") || relPath.contains("\\") || relPath.contains("#")) {
            throw new IllegalArgumentException("page path " + relPath
                    + " must be relative to the site root, with forward slashes and no anchor");
        }
        List<SearchDocument> scanned = SectionScanner.scan(relPath, html);
        return scanned != null ? scanned : withJsoup(relPath, html);
    }

    /** {@link #extract} by parsing the page with jsoup: for pages the {@link SectionScanner} leaves, and its test. */
    static List<SearchDocument> withJsoup(String relPath, String html) {
        Document page = Jsoup.parse(headAndMain(html));
        Element main = page.selectFirst(MAIN);
        boolean hasMain = main != null;
        Element content = hasMain ? main : page.body();
        Element meta = page.selectFirst(TYPE_META);
        String type = meta == null || meta.attr("content").isBlank() ? PAGE : meta.attr("content").strip();
        String pageTitle = pageTitle(page, content, relPath);

        Collector c = new Collector(hasMain);
        content.filter(c);
        return documents(relPath, type, pageTitle, c.sections);
    }

    /** The search documents of a page's sections, read by either reader. */
    static List<SearchDocument> documents(String relPath, String type, String pageTitle, List<Section> sections) {
        List<SearchDocument> out = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            String body = Snippets.normaliseSpace(s.text.toString());
            if (s.anchor == null) {
                out.add(new SearchDocument(relPath, relPath, pageTitle, type, body));
            } else {
                String url = relPath + "#" + s.anchor;
                String title = s.heading.isEmpty() || s.heading.equals(pageTitle)
                        ? pageTitle : pageTitle + SEPARATOR + s.heading;
                out.add(new SearchDocument(url, url, title, type, body));
            }
        }
        return out;
    }

    /**
     * The page's head and its one {@code <main>} element, when the page has exactly one: all that sections are read
     * from (and half a typical page's bytes, the header, navigation and footer, need no parsing). Otherwise the
     * whole page.
     */
    static String headAndMain(String html) {
        // pages written in lower case (as guidegraph's templates are) are searched as they are
        int[] bounds = headAndMainBounds(html, upperCaseTag(html) ? html.toLowerCase(java.util.Locale.ROOT) : html);
        if (bounds == null) {
            return html;
        }
        int headEnd = bounds[0];
        int mainStart = bounds[1];
        int end = bounds[2];
        return new StringBuilder(headEnd + end - mainStart + 30).append(html, 0, headEnd)
                .append("<body>").append(html, mainStart, end).append("</body></html>").toString();
    }

    /**
     * Where {@link #headAndMain} cuts the page: the end of {@code </head>}, the start of {@code <main} and the end of
     * {@code </main>}; {@code null} when the page is read whole. {@code lower} is the page, in lower case if it
     * has capitals in tags.
     */
    static int[] headAndMainBounds(String html, String lower) {
        int headEnd = lower.indexOf("</head>");
        int mainStart = mainTag(lower, 0);
        int mainEnd = lower.indexOf("</main>");
        if (headEnd < 0 || mainStart < headEnd || mainEnd < mainStart || mainTag(lower, mainStart + 1) >= 0
                || lower.indexOf("</main>", mainEnd + 1) >= 0) {
            return null;
        }
        return new int[] {headEnd + "</head>".length(), mainStart, mainEnd + "</main>".length()};
    }

    /**
     * Whether the page may spell {@code main} or {@code head} tags with capitals: holds {@code <M}, {@code </M},
     * {@code </H}, {@code <mA}, {@code </mA} or {@code </hE} (one pass over the tag starts).
     */
    static boolean upperCaseTag(String html) {
        int n = html.length();
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            int at = i + 1 < n && html.charAt(i + 1) == '/' ? i + 2 : i + 1;
            if (at >= n) {
                return false;
            }
            char c = html.charAt(at);
            char next = at + 1 < n ? html.charAt(at + 1) : 0;
            if (c == 'M' || c == 'm' && next == 'A' || at == i + 2 && (c == 'H' || c == 'h' && next == 'E')) {
                return true;
            }
        }
        return false;
    }

    /** The index of the next {@code <main} start tag at or after {@code from}, or -1. */
    private static int mainTag(String lower, int from) {
        for (int i = lower.indexOf("<main", from); i >= 0; i = lower.indexOf("<main", i + 1)) {
            char next = i + 5 < lower.length() ? lower.charAt(i + 5) : '>';
            if (next == '>' || Character.isWhitespace(next)) {
                return i;
            }
        }
        return -1;
    }

    private static String pageTitle(Document page, Element content, String relPath) {
        Element h1 = content.selectFirst(H1);
        if (h1 != null && !headingText(h1).isEmpty()) {
            return headingText(h1);
        }
        String title = page.title().strip();
        return title.isEmpty() ? relPath : title;
    }

    /** A heading's text without what is hidden from readers (permalink signs like ¶ or #). */
    private static String headingText(Element heading) {
        Element copy = heading.clone();
        copy.select(HIDDEN_IN_HEADING).remove();
        return copy.text().strip();
    }

    private static boolean skipped(Element e, boolean hasMain) {
        return SKIPPED.contains(e.normalName())
                || (!hasMain && OUTSIDE_MAIN.contains(e.normalName()))
                || e.hasAttr("hidden")
                || "true".equals(e.attr("aria-hidden"))
                || "ignore".equals(e.attr("data-gg-search"));
    }

    static final class Section {
        final String anchor;
        final String heading;
        final StringBuilder text = new StringBuilder();

        Section(String anchor, String heading) {
            this.anchor = anchor;
            this.heading = heading;
        }
    }

    /** Walks the content once, cutting it at headings with ids. */
    private static final class Collector implements NodeFilter {
        private final boolean hasMain;
        final List<Section> sections = new ArrayList<>();
        private final java.util.Set<String> anchors = new java.util.HashSet<>();
        private boolean sawPageHeading;

        Collector(boolean hasMain) {
            this.hasMain = hasMain;
            sections.add(new Section(null, ""));
        }

        @Override
        public FilterResult head(Node node, int depth) {
            Section current = sections.get(sections.size() - 1);
            if (node instanceof TextNode t) {
                current.text.append(t.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            if (depth > 0 && skipped(e, hasMain)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (SECTION_HEADINGS.contains(e.normalName())) {
                boolean pageHeading = !sawPageHeading && e.normalName().equals("h1");
                sawPageHeading |= e.normalName().equals("h1");
                // A repeated id (invalid HTML) cannot name a second section: its heading stays text.
                if (!pageHeading && !e.id().isEmpty() && anchors.add(e.id())) {
                    sections.add(new Section(e.id(), headingText(e)));
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (pageHeading && sections.size() == 1) {
                    return FilterResult.SKIP_ENTIRELY; // the page title: already the lead section's title
                }
            }
            if (e.normalName().equals("img") && !e.attr("alt").isBlank()) {
                current.text.append(' ').append(e.attr("alt")).append(' ');
            }
            if (!INLINE.contains(e.normalName())) {
                current.text.append(' ');
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e && !INLINE.contains(e.normalName())) {
                sections.get(sections.size() - 1).text.append(' ');
            }
            return FilterResult.CONTINUE;
        }
    }
}
