package org.guidegraph.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.parser.Parser;

/**
 * Reads a page's sections in one pass over its text, without building a DOM, giving exactly what
 * {@link HtmlSections}' jsoup-based reading gives. It reads only markup whose tree is its tags' own nesting (every
 * element closed by its own end tag, no construct the HTML5 tree builder rearranges); on anything else (an end tag
 * left out, text inside a table outside its cells, a {@code <template>}, an unusual tag or attribute syntax …) it
 * gives up and answers {@code null}, and the page is parsed with jsoup instead. It never answers differently.
 */
final class SectionScanner {

    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "param", "source", "track", "wbr");
    /** Tags whose handling by the HTML5 tree builder goes beyond nesting: their pages go to jsoup. */
    private static final Set<String> UNSUPPORTED = Set.of("template", "select", "option", "optgroup", "image",
            "body", "html", "head", "frameset", "frame", "plaintext", "xmp", "iframe", "noembed", "noframes",
            "math", "rb", "rp", "rt", "rtc", "menuitem", "basefont", "bgsound", "keygen", "isindex", "nobr",
            "listing", "main", "title", "meta", "base", "link");
    /** What may sit in an open {@code <p>} without closing it (the rest closes it: their pages go to jsoup). */
    private static final Set<String> PHRASING = Set.of("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data",
            "dfn", "em", "i", "img", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
            "u", "var", "wbr", "label", "button", "input", "script", "style", "svg", "noscript", "del", "ins", "output");
    private static final Set<String> TABLE_PARTS = Set.of("caption", "colgroup", "col", "thead", "tbody", "tfoot",
            "tr", "td", "th");
    private static final Set<String> TABLE_ROWS_PARENTS = Set.of("thead", "tbody", "tfoot");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Breaking out of SVG, or the tree builder's foreign-content rules: such pages go to jsoup. */
    private static final Set<String> NOT_IN_SVG = Set.of("b", "big", "blockquote", "body", "br", "center", "code",
            "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li",
            "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike",
            "sub", "sup", "table", "tt", "u", "ul", "var", "font", "script", "style", "svg", "math", "template");
    private static final Set<String> SVG_HTML_POINTS = Set.of("foreignobject", "desc", "title");
    private static final Set<String> HEAD_TAGS = Set.of("meta", "link", "base", "title", "script", "style");

    /** Thrown (without a stack) when the page needs jsoup. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED_PAGE = new Unsupported();

    private final String s;
    /** The chars of {@code s}: reading them from an array spares a bounds check and a decoding per char. */
    private final char[] a;
    private int pos;
    private final int end;

    // the tag just read
    private String tag;
    private boolean endTag;
    private boolean selfClosing;
    private final List<String> attrs = new ArrayList<>(); // name, value, name, value, …

    private SectionScanner(String s, char[] a, int start, int end) {
        this.s = s;
        this.a = a;
        this.pos = start;
        this.end = end;
    }

    /** The page's sections as {@link HtmlSections#extract} gives them, or {@code null} when jsoup must read it. */
    static List<SearchDocument> scan(String relPath, String html) {
        if (HtmlSections.upperCaseTag(html)) {
            return null;
        }
        int[] bounds = HtmlSections.headAndMainBounds(html, html);
        if (bounds == null || html.indexOf('\0') >= 0 || html.indexOf('\r') >= 0) {
            return null;
        }
        try {
            char[] chars = html.toCharArray();
            Head head = new SectionScanner(html, chars, 0, bounds[0]).head();
            SectionScanner body = new SectionScanner(html, chars, bounds[1], bounds[2]);
            Main main = body.main();
            String pageTitle;
            if (main.firstH1 != null && !main.firstH1.isEmpty()) {
                pageTitle = main.firstH1;
            } else {
                if (head.title == null && main.hasTitleElement) {
                    return null; // whether jsoup looks for a <title> outside the head is not worth the risk
                }
                String title = head.title == null ? "" : headingText(new StringBuilder(head.title));
                pageTitle = title.isEmpty() ? relPath : title;
            }
            return HtmlSections.documents(relPath, head.type, pageTitle, main.sections);
        } catch (Unsupported e) {
            return null;
        }
    }

    /** The index of the first {@code c} at or after {@code from}, or -1. */
    private int indexOf(char c, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static Unsupported unsupported() {
        return UNSUPPORTED_PAGE;
    }

    // ---- the head ----

    private record Head(String title, String type) {
    }

    private Head head() {
        String title = null;
        String type = null;
        boolean sawMeta = false;
        while (pos < end) {
            int lt = indexOf('<', pos);
            if (lt < 0 || lt >= end) {
                requireBlank(pos, end);
                break;
            }
            requireBlank(pos, lt);
            pos = lt;
            if (s.startsWith("<!--", pos)) {
                comment();
                continue;
            }
            if (s.regionMatches(true, pos, "<!doctype", 0, 9)) {
                int gt = s.indexOf('>', pos);
                if (gt < 0 || gt >= end || pos != s.indexOf('<')) {
                    throw unsupported();
                }
                pos = gt + 1;
                continue;
            }
            readTag();
            if (endTag) {
                if (!tag.equals("head") && !tag.equals("title") && !tag.equals("script") && !tag.equals("style")) {
                    throw unsupported();
                }
                continue;
            }
            if (tag.equals("html") || tag.equals("head")) {
                continue;
            }
            if (!HEAD_TAGS.contains(tag) || selfClosing && !VOID.contains(tag)) {
                throw unsupported();
            }
            switch (tag) {
                case "title" -> {
                    String text = rawText("title", true);
                    if (title == null) {
                        title = text;
                    }
                }
                case "script", "style" -> rawText(tag, false);
                case "meta" -> {
                    String name = attr("name");
                    if (name != null && !name.equals("gg:type") && name.trim().equalsIgnoreCase("gg:type")) {
                        throw unsupported();
                    }
                    if ("gg:type".equals(name) && !sawMeta) {
                        sawMeta = true;
                        String content = attr("content");
                        type = content == null || content.isBlank() ? HtmlSections.PAGE : content.strip();
                    }
                }
                default -> {
                }
            }
        }
        return new Head(title, type == null ? HtmlSections.PAGE : type);
    }

    private void requireBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = a[i];
            if (c != ' ' && c != '\n' && c != '\t' && c != '\f') {
                throw unsupported();
            }
        }
    }

    // ---- <main> ----

    private static final class Main {
        final List<HtmlSections.Section> sections = new ArrayList<>();
        String firstH1;
        boolean hasTitleElement;
    }

    /** An open element. */
    private static final class Open {
        final String name;
        /** Its end closes a skipped subtree, a section heading being captured, or the first h1 being captured. */
        boolean skipEnds;
        boolean sectionHeading;
        boolean firstH1;
        boolean removedFromHeading;
        boolean implicit;
        boolean inline;

        Open(String name) {
            this.name = name;
        }
    }

    private Main main() {
        Main m = new Main();
        m.sections.add(new HtmlSections.Section(null, ""));
        StringBuilder text = m.sections.get(0).text;
        Set<String> anchors = new HashSet<>();
        boolean sawPageHeading = false;
        boolean sawH1 = false;

        List<Open> stack = new ArrayList<>();
        int skipping = 0; // open skipped subtrees (body text not collected)
        int headings = 0; // open h1–h6
        int paragraphs = 0;
        int pres = 0;
        int svg = 0; // open elements inside <svg>, the svg included
        int svgHtml = 0; // open svg HTML integration points
        int buttons = 0;
        int forms = 0;
        int anchorsOpen = 0;
        StringBuilder capture = null; // a heading's text as jsoup's text() reads it
        int removed = 0; // open elements removed from the captured heading

        readTag();
        if (endTag || !tag.equals("main") || selfClosing) {
            throw unsupported();
        }
        Open root = new Open("main");
        stack.add(root);
        text.append(' ');

        while (true) {
            if (pos >= end) {
                throw unsupported();
            }
            int lt = indexOf('<', pos);
            if (lt < 0 || lt > end) {
                lt = end;
            }
            if (lt > pos) {
                String t = decode(pos, lt, false);
                Open top = stack.get(stack.size() - 1);
                if (isTableContainer(top.name) && !isAsciiBlank(t)) {
                    throw unsupported();
                }
                if (skipping == 0) {
                    text.append(t);
                }
                if (capture != null && removed == 0) {
                    capture.append(t);
                }
                pos = lt;
                continue;
            }
            if (s.startsWith("<!--", pos)) {
                comment();
                continue;
            }
            char next = pos + 1 < end ? a[pos + 1] : 0;
            if (!(next == '/' || isAsciiLetter(next))) {
                throw unsupported(); // a literal '<', <!DOCTYPE>, <?…>, CDATA: rare, and jsoup's to read
            }
            readTag();
            Open top = stack.get(stack.size() - 1);
            if (endTag) {
                if (top.implicit && tag.equals("table") && top.name.equals("tbody")) {
                    stack.remove(stack.size() - 1);
                    top = stack.get(stack.size() - 1);
                }
                if (!top.name.equals(tag)) {
                    throw unsupported();
                }
                stack.remove(stack.size() - 1);
                if (top == root) {
                    if (pos != end) {
                        throw unsupported();
                    }
                    text.append(' ');
                    break;
                }
                if (svg > 0) {
                    svg--;
                    if (SVG_HTML_POINTS.contains(tag)) {
                        svgHtml--;
                    }
                    if (svg > 0) {
                        continue;
                    }
                }
                if (HEADINGS.contains(tag)) {
                    headings--;
                }
                switch (tag) {
                    case "p" -> paragraphs--;
                    case "pre" -> pres--;
                    case "button" -> buttons--;
                    case "form" -> forms--;
                    case "a" -> anchorsOpen--;
                    default -> {
                    }
                }
                if (top.removedFromHeading) {
                    removed--;
                }
                if (top.sectionHeading || top.firstH1) {
                    String heading = headingText(capture);
                    if (top.firstH1) {
                        m.firstH1 = heading;
                    }
                    if (top.sectionHeading) {
                        HtmlSections.Section section = m.sections.get(m.sections.size() - 1);
                        m.sections.set(m.sections.size() - 1, new HtmlSections.Section(section.anchor, heading));
                        text = m.sections.get(m.sections.size() - 1).text;
                    }
                    capture = null;
                }
                if (top.skipEnds) {
                    skipping--;
                } else if (skipping == 0 && !top.inline) {
                    text.append(' ');
                }
                continue;
            }

            // a start tag
            if (svg > 0) {
                if (tag.equals("title")) {
                    m.hasTitleElement = true;
                }
                if (NOT_IN_SVG.contains(tag) || svgHtml > 0) {
                    throw unsupported();
                }
                if (!selfClosing) {
                    svg++;
                    stack.add(new Open(tag));
                    if (SVG_HTML_POINTS.contains(tag)) {
                        svgHtml++;
                    }
                }
                continue;
            }
            if (tag.equals("title")) {
                m.hasTitleElement = true;
            }
            if (UNSUPPORTED.contains(tag) || selfClosing && !VOID.contains(tag) && !tag.equals("svg")) {
                throw unsupported();
            }
            if (paragraphs > 0 && !PHRASING.contains(tag)) {
                throw unsupported();
            }
            if (HEADINGS.contains(tag) && headings > 0
                    || tag.equals("button") && buttons > 0
                    || tag.equals("form") && forms > 0
                    || tag.equals("a") && anchorsOpen > 0) {
                throw unsupported();
            }
            checkTablePlacement(top, tag, stack);
            if (capture != null && removed == 0 && !removedFromHeading() && !HtmlSections.INLINE.contains(tag)
                    && !tag.equals("img")) {
                throw unsupported(); // only phrasing inside a heading: jsoup's text() adds no spaces for it
            }
            if (tag.equals("tr") && isTableContainer(top.name) && top.name.equals("table")) {
                Open tbody = new Open("tbody"); // the tree builder's implied <tbody>
                tbody.implicit = true;
                stack.add(tbody);
                if (skipping == 0) {
                    text.append(' ');
                }
            }
            Open e = new Open(tag);
            e.inline = HtmlSections.INLINE.contains(tag);
            boolean isVoid = VOID.contains(tag) || selfClosing; // only void elements and <svg/> get here so
            String hidden = attr("hidden");
            String ariaHidden = attr("aria-hidden");
            if (ariaHidden != null && !ariaHidden.equals("true") && ariaHidden.trim().equalsIgnoreCase("true")) {
                throw unsupported();
            }
            boolean skipped = HtmlSections.SKIPPED.contains(tag) || hidden != null || "true".equals(ariaHidden)
                    || "ignore".equals(attr("data-gg-search"));
            if (tag.equals("h1") && !sawH1) {
                sawH1 = true;
                if (pres > 0) {
                    throw unsupported();
                }
                e.firstH1 = true;
                if (removedFromHeading()) {
                    throw unsupported(); // jsoup cannot remove the heading itself from its copy
                }
                capture = new StringBuilder();
            }
            if (capture != null && !e.firstH1 && removedFromHeading()) {
                e.removedFromHeading = true;
                removed++;
            }
            if (skipping > 0) {
                e.skipEnds = false;
            } else if (skipped) {
                e.skipEnds = true;
            } else if (HtmlSections.SECTION_HEADINGS.contains(tag)) {
                boolean pageHeading = !sawPageHeading && tag.equals("h1");
                sawPageHeading |= tag.equals("h1");
                String id = attr("id");
                if (!pageHeading && id != null && !id.isEmpty() && anchors.add(id)) {
                    if (pres > 0) {
                        throw unsupported();
                    }
                    e.sectionHeading = true;
                    e.skipEnds = true;
                    m.sections.add(new HtmlSections.Section(id, ""));
                    if (capture == null) {
                        capture = new StringBuilder();
                    }
                } else if (pageHeading && m.sections.size() == 1) {
                    e.skipEnds = true;
                }
            }
            if (skipping == 0 && !e.skipEnds) {
                if (tag.equals("img")) {
                    String alt = attr("alt");
                    if (alt != null && !alt.isBlank()) {
                        text.append(' ').append(alt).append(' ');
                    }
                }
                if (!e.inline) {
                    text.append(' ');
                }
            }
            if (e.skipEnds) {
                skipping++;
            }
            if (tag.equals("textarea") && skipping == 0) {
                throw unsupported(); // its text is read, less its first newline: left to jsoup
            }
            if (tag.equals("script") || tag.equals("style") || tag.equals("textarea")) {
                rawText(tag, tag.equals("textarea"));
                if (e.removedFromHeading) {
                    removed--;
                }
                if (e.skipEnds) {
                    skipping--;
                }
                continue; // always skipped: nothing to collect
            }
            if (isVoid) {
                if (e.removedFromHeading) {
                    removed--;
                }
                if (skipping == 0 && !e.skipEnds && !e.inline) {
                    text.append(' ');
                }
                if (e.skipEnds) {
                    skipping--;
                }
                continue;
            }
            if (tag.equals("svg")) {
                svg = 1;
                stack.add(e);
                continue;
            }
            stack.add(e);
            if (HEADINGS.contains(tag)) {
                headings++;
            }
            switch (tag) {
                case "p" -> paragraphs++;
                case "pre" -> pres++;
                case "button" -> buttons++;
                case "form" -> forms++;
                case "a" -> anchorsOpen++;
                default -> {
                }
            }
        }
        return m;
    }

    /** Whether the tag just read is one jsoup's heading text leaves out. */
    private boolean removedFromHeading() {
        String ariaHidden = attr("aria-hidden");
        String cls = attr("class");
        boolean anchorClass = false;
        if (cls != null) {
            for (String c : cls.split("[ \t\n\f\r]+")) {
                if (c.equals("anchor") || c.equals("headerlink")) {
                    anchorClass = true;
                } else if (c.equalsIgnoreCase("anchor") || c.equalsIgnoreCase("headerlink")) {
                    throw unsupported();
                }
            }
        }
        return anchorClass || attr("hidden") != null || "true".equals(ariaHidden);
    }

    private static boolean isTableContainer(String name) {
        return name.equals("table") || name.equals("tbody") || name.equals("thead") || name.equals("tfoot")
                || name.equals("tr") || name.equals("colgroup");
    }

    /** Table parts only where they belong, and nothing else directly in a table's structure. */
    private static void checkTablePlacement(Open top, String tag, List<Open> stack) {
        String parent = top.name;
        boolean ok;
        if (TABLE_PARTS.contains(tag)) {
            ok = switch (tag) {
                case "caption", "colgroup", "thead", "tbody", "tfoot" -> parent.equals("table") && !top.implicit;
                case "tr" -> parent.equals("table") || TABLE_ROWS_PARENTS.contains(parent);
                case "td", "th" -> parent.equals("tr");
                case "col" -> parent.equals("colgroup");
                default -> false;
            };
        } else {
            ok = !isTableContainer(parent);
        }
        if (!ok) {
            throw unsupported();
        }
        if (tag.equals("li") && !(parent.equals("ul") || parent.equals("ol") || parent.equals("menu"))
                || (tag.equals("dd") || tag.equals("dt")) && !parent.equals("dl")) {
            throw unsupported();
        }
        // With its list as parent, an item closes no other: the tree builder's search for an open item stops there.
    }

    private static String headingText(StringBuilder raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < ' ' && c != '\t' && c != '\n' && c != '\f' || c == '\u00A0' || c == '\u00AD'
                    || c >= '\u2000' && c <= '\u200F' || c == '\u2028' || c == '\u2029' || c == '\u202F'
                    || c == '\u205F' || c == '\u2060' || c == '\u3000' || c == '\uFEFF' || c == '\u1680'
                    || c == '\u0085') {
                throw unsupported(); // space jsoup and Java tell apart differently: jsoup's to read
            }
        }
        StringBuilder sb = new StringBuilder(raw.length());
        appendNormalisedWhitespace(sb, raw.toString());
        return sb.toString().trim().strip();
    }

    /** jsoup's whitespace normalisation of text for {@code text()}, for ASCII white space. */
    private static void appendNormalisedWhitespace(StringBuilder out, String text) {
        boolean lastWasWhite = false;
        boolean reachedNonWhite = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
                if (!reachedNonWhite || lastWasWhite) {
                    continue;
                }
                out.append(' ');
                lastWasWhite = true;
            } else {
                out.append(c);
                lastWasWhite = false;
                reachedNonWhite = true;
            }
        }
    }

    // ---- the tokenizer ----

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f';
    }

    private static boolean isAsciiBlank(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (!isSpace(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private String decode(int from, int to, boolean inAttribute) {
        String raw = s.substring(from, to);
        int amp = raw.indexOf('&');
        if (amp < 0) {
            return raw;
        }
        // The entities templates write decode here; any other makes jsoup decode the whole run.
        StringBuilder out = new StringBuilder(raw.length());
        int done = 0;
        for (; amp >= 0; amp = raw.indexOf('&', done)) {
            char c;
            int len;
            if (raw.startsWith("&amp;", amp)) {
                c = '&';
                len = 5;
            } else if (raw.startsWith("&lt;", amp)) {
                c = '<';
                len = 4;
            } else if (raw.startsWith("&gt;", amp)) {
                c = '>';
                len = 4;
            } else if (raw.startsWith("&quot;", amp)) {
                c = '"';
                len = 6;
            } else if (raw.startsWith("&#39;", amp)) {
                c = '\'';
                len = 5;
            } else {
                return Parser.unescapeEntities(raw, inAttribute);
            }
            out.append(raw, done, amp).append(c);
            done = amp + len;
        }
        return out.append(raw, done, raw.length()).toString();
    }

    /** A comment at {@code pos}; the plain kind only. */
    private void comment() {
        int close = s.indexOf("-->", pos + 4);
        if (close < 0 || close + 3 > end) {
            throw unsupported();
        }
        String body = s.substring(pos + 4, close);
        if (body.startsWith(">") || body.startsWith("->") || body.contains("--!>") || body.endsWith("-")
                || body.contains("<!--")) {
            throw unsupported();
        }
        pos = close + 3;
    }

    /** Reads the tag at {@code pos} ({@code <} then a letter, or {@code </} then a letter). */
    private void readTag() {
        attrs.clear();
        selfClosing = false;
        int i = pos + 1;
        endTag = i < end && a[i] == '/';
        if (endTag) {
            i++;
        }
        if (i >= end || !isAsciiLetter(a[i])) {
            throw unsupported();
        }
        int nameStart = i;
        while (i < end && !isSpace(a[i]) && a[i] != '/' && a[i] != '>') {
            char c = a[i];
            if (c == '<' || c == '"' || c == '\'' || c == '=' || c >= 0x80) {
                throw unsupported();
            }
            i++;
        }
        tag = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
        while (true) {
            while (i < end && isSpace(a[i])) {
                i++;
            }
            if (i >= end) {
                throw unsupported();
            }
            char c = a[i];
            if (c == '>') {
                i++;
                break;
            }
            if (c == '/') {
                if (i + 1 < end && a[i + 1] == '>') {
                    selfClosing = true;
                    i += 2;
                    break;
                }
                throw unsupported();
            }
            if (endTag) {
                throw unsupported(); // attributes on an end tag
            }
            int an = i;
            while (i < end && !isSpace(a[i]) && a[i] != '/' && a[i] != '>'
                    && a[i] != '=') {
                char d = a[i];
                if (d == '<' || d == '"' || d == '\'') {
                    throw unsupported();
                }
                i++;
            }
            if (i == an) {
                throw unsupported();
            }
            String name = s.substring(an, i).toLowerCase(Locale.ROOT);
            int j = i;
            while (j < end && isSpace(a[j])) {
                j++;
            }
            String value = "";
            if (j < end && a[j] == '=') {
                j++;
                while (j < end && isSpace(a[j])) {
                    j++;
                }
                if (j >= end) {
                    throw unsupported();
                }
                char q = a[j];
                if (q == '"' || q == '\'') {
                    int close = s.indexOf(q, j + 1);
                    if (close < 0 || close >= end) {
                        throw unsupported();
                    }
                    value = decode(j + 1, close, true);
                    i = close + 1;
                    if (i < end && !isSpace(a[i]) && a[i] != '>' && a[i] != '/') {
                        throw unsupported();
                    }
                } else {
                    int vs = j;
                    while (j < end && !isSpace(a[j]) && a[j] != '>') {
                        char d = a[j];
                        if (d == '"' || d == '\'' || d == '<' || d == '=' || d == '`') {
                            throw unsupported();
                        }
                        j++;
                    }
                    if (j == vs) {
                        throw unsupported();
                    }
                    value = decode(vs, j, true);
                    i = j;
                }
            }
            if (attr(name) == null) {
                attrs.add(name);
                attrs.add(value);
            }
        }
        pos = i;
    }

    private String attr(String name) {
        for (int k = 0; k < attrs.size(); k += 2) {
            if (attrs.get(k).equals(name)) {
                return attrs.get(k + 1);
            }
        }
        return null;
    }

    /** The text of a raw-text ({@code script}, {@code style}) or RCDATA ({@code title}) element, then its end tag. */
    private String rawText(String name, boolean rcdata) {
        int from = pos;
        int i = from;
        while (true) {
            int lt = s.indexOf("</", i);
            if (lt < 0 || lt >= end) {
                throw unsupported();
            }
            int after = lt + 2 + name.length();
            if (s.regionMatches(true, lt + 2, name, 0, name.length()) && after < end
                    && (isSpace(a[after]) || a[after] == '>' || a[after] == '/')) {
                if (a[after] != '>') {
                    throw unsupported();
                }
                String body = s.substring(from, lt);
                if (name.equals("script") && body.contains("<!--")) {
                    throw unsupported(); // script data's escape states
                }
                pos = after + 1;
                return rcdata ? decode(from, lt, false) : body;
            }
            i = lt + 2;
        }
    }
}
