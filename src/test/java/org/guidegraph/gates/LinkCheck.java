package org.guidegraph.gates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.sax.HtmlParser;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The link gate: every internal reference in the site resolves.
 *
 * <p>Pages are parsed with the Nu HTML Checker's HTML5 parser (the same tree a browser builds). Every
 * URL-bearing attribute is followed: {@code href} (also SVG's {@code xlink:href}), {@code src},
 * {@code srcset}/{@code imagesrcset}, {@code poster}, {@code object data}, {@code form action},
 * {@code formaction}, {@code cite}, {@code meta refresh}, and {@code url(…)}/{@code @import} in
 * {@code <style>}, {@code style=""} and every {@code *.css} file. A reference is a problem when its
 * file does not exist, when its {@code #fragment} names no element {@code id} (or {@code a name}) on
 * the target page, when it leaves the site, when it points at a folder, or when it is root-relative
 * ({@code /x.html}): the last two break when the site is opened from disk or served under a
 * sub-path. External URLs (any scheme but {@code data:}, {@code javascript:}, {@code about:} and
 * {@code blob:}, and {@code //host} URLs) are collected, never fetched.
 *
 * <p>Parsed pages are cached, so one instance should check one site once.
 */
public final class LinkCheck {

    /** A link to a place outside the site, listed for a human, never fetched. */
    public record ExternalLink(String file, int line, int column, String url) {
    }

    /**
     * What the gate found.
     *
     * @param problems      internal references that do not resolve, in file, line, column order
     * @param externalLinks every external link, in file, line, column order
     */
    public record Result(List<Problem> problems, List<ExternalLink> externalLinks) {

        /** Each external URL with the files that link to it, both sorted. */
        public SortedMap<String, SortedSet<String>> externalUrls() {
            SortedMap<String, SortedSet<String>> urls = new TreeMap<>();
            for (ExternalLink link : externalLinks) {
                urls.computeIfAbsent(link.url(), url -> new TreeSet<>()).add(link.file());
            }
            return urls;
        }
    }

    /** Where pages are placed to resolve references: a host that can never exist. */
    private static final URI ROOT = URI.create("http://site.invalid/");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Set<String> IGNORED_SCHEMES = Set.of("data", "javascript", "about", "blob");
    private static final Pattern CSS_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern CSS_URL = Pattern.compile(
            "url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\"'\\s]*))\\s*\\)|@import\\s+(?:\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REFRESH_URL = Pattern.compile("^\\s*\\d*\\.?\\d*\\s*[;,]\\s*url\\s*=\\s*['\"]?([^'\"]*)['\"]?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private final Site site;
    private final Map<String, ParsedPage> parsed = new HashMap<>();

    /** A link check of {@code site}. */
    public LinkCheck(Site site) {
        this.site = site;
    }

    /** Checks every page and every stylesheet of the site. */
    public Result check() {
        List<Problem> problems = new ArrayList<>();
        List<ExternalLink> external = new ArrayList<>();
        for (String page : site.pages()) {
            Result result = checkPage(page);
            problems.addAll(result.problems());
            external.addAll(result.externalLinks());
        }
        for (String stylesheet : site.stylesheets()) {
            Result result = checkStylesheet(stylesheet);
            problems.addAll(result.problems());
            external.addAll(result.externalLinks());
        }
        return sorted(problems, external);
    }

    /** Checks the references of one page (its attributes, {@code <style>} elements and {@code style=""}). */
    public Result checkPage(String page) {
        ParsedPage parsedPage = parse(page);
        URI pageUri = Site.resolve(ROOT, page);
        URI base = pageUri;
        if (parsedPage.base() != null) {
            // A <base href> moves every relative URL of the page; it is itself relative to the page.
            Reference baseRef = parsedPage.base();
            base = resolveBase(pageUri, baseRef.url());
            if (base == null) {
                return sorted(List.of(new Problem(page, baseRef.line(), baseRef.column(),
                        baseRef.context() + ": <base> must be a relative URL inside the site")), List.of());
            }
        }
        Collector collector = new Collector(page);
        for (Reference reference : parsedPage.references()) {
            follow(collector, page, base, reference);
        }
        return sorted(collector.problems, collector.external);
    }

    /** Checks the {@code url(…)} and {@code @import} references of one stylesheet. */
    public Result checkStylesheet(String stylesheet) {
        String css;
        try {
            css = Files.readString(site.file(stylesheet), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stylesheet + " in " + site, e);
        }
        Collector collector = new Collector(stylesheet);
        URI base = Site.resolve(ROOT, stylesheet);
        for (Reference reference : cssReferences(css, 1, 1)) {
            follow(collector, stylesheet, base, reference);
        }
        return sorted(collector.problems, collector.external);
    }

    private static Result sorted(List<Problem> problems, List<ExternalLink> external) {
        return new Result(problems.stream().sorted(Problem.ORDER).toList(),
                external.stream().sorted(java.util.Comparator.comparing(ExternalLink::file)
                        .thenComparingInt(ExternalLink::line).thenComparingInt(ExternalLink::column)
                        .thenComparing(ExternalLink::url)).toList());
    }

    private static URI resolveBase(URI pageUri, String href) {
        String url = href.strip();
        if (SCHEME.matcher(url).find() || url.startsWith("/")) {
            return null;
        }
        try {
            return pageUri.resolve(new URI(url));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Resolves one reference and records a problem or an external link. */
    private void follow(Collector out, String file, URI base, Reference reference) {
        String url = reference.url().strip();
        if (url.isEmpty() || url.equals("#")) {
            return; // the page itself, or its top
        }
        Matcher scheme = SCHEME.matcher(url);
        if (scheme.find()) {
            if (!IGNORED_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
                out.external(reference, url);
            }
            return;
        }
        if (url.startsWith("//")) {
            out.external(reference, url);
            return;
        }
        if (url.startsWith("/")) {
            out.problem(reference, "a root-relative URL breaks when the site is opened from disk or served under a"
                    + " sub-path; make it relative to " + file);
            return;
        }
        URI ref;
        try {
            ref = new URI(url);
        } catch (URISyntaxException e) {
            out.problem(reference, "malformed URL (" + e.getReason() + " at index " + e.getIndex()
                    + "); percent-encode spaces and special characters");
            return;
        }
        URI target = ref.getRawPath() == null || ref.getRawPath().isEmpty()
                ? base // "?query" and "#fragment" stay on the same document
                : base.resolve(ref).normalize();
        String path = target.getPath();
        if (path.startsWith("/..")) {
            out.problem(reference, "points outside the site");
            return;
        }
        String name = path.substring(1);
        Path targetFile = site.file(name);
        if (name.isEmpty() || name.endsWith("/") || Files.isDirectory(targetFile)) {
            String folder = name.isEmpty() || name.endsWith("/") ? name : name + "/";
            out.problem(reference, "links to the folder \"" + (folder.isEmpty() ? "./" : folder)
                    + "\", which shows a file listing, not a page, when the site is opened from disk; link to \""
                    + folder + "index.html\"");
            return;
        }
        if (!Files.isRegularFile(targetFile)) {
            out.problem(reference, "no file \"" + name + "\" in the site");
            return;
        }
        String fragment = ref.getRawPath() == null || ref.getRawPath().isEmpty() ? ref.getFragment() : target.getFragment();
        if (fragment == null || fragment.isEmpty() || fragment.startsWith(":~:") || !isPage(name)) {
            return;
        }
        ParsedPage targetPage = parse(name);
        if (!targetPage.ids().contains(fragment) && !targetPage.anchorNames().contains(fragment)
                && !fragment.equalsIgnoreCase("top")) {
            out.problem(reference, "\"" + name + "\" has no element with id \"" + fragment + "\"");
        }
    }

    private static boolean isPage(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm");
    }

    private ParsedPage parse(String page) {
        ParsedPage cached = parsed.get(page);
        if (cached == null) {
            cached = PageHandler.parse(site.file(page), page);
            parsed.put(page, cached);
        }
        return cached;
    }

    /** The {@code url(…)} and {@code @import} references in CSS text that starts at {@code line:column}. */
    static List<Reference> cssReferences(String css, int line, int column) {
        // Comments are blanked out, keeping their line breaks so that positions stay right.
        Matcher comments = CSS_COMMENT.matcher(css);
        StringBuilder text = new StringBuilder();
        while (comments.find()) {
            comments.appendReplacement(text, Matcher.quoteReplacement(comments.group().replaceAll("[^\n]", " ")));
        }
        comments.appendTail(text);
        List<Reference> references = new ArrayList<>();
        Matcher urls = CSS_URL.matcher(text);
        while (urls.find()) {
            String url = firstNonNull(urls.group(1), urls.group(2), urls.group(3), urls.group(4), urls.group(5));
            int lineInText = 0;
            int lineStart = 0;
            for (int i = 0; i < urls.start(); i++) {
                if (text.charAt(i) == '\n') {
                    lineInText++;
                    lineStart = i + 1;
                }
            }
            int col = urls.start() - lineStart + 1;
            references.add(new Reference(line + lineInText, lineInText == 0 ? column + col - 1 : col, urls.group().strip(), url));
        }
        return references;
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return "";
    }

    /**
     * One URL in a file.
     *
     * @param context what held it, as written ({@code <a href="x.html">}, {@code url("y.png")})
     */
    record Reference(int line, int column, String context, String url) {
    }

    private record ParsedPage(Set<String> ids, Set<String> anchorNames, List<Reference> references, Reference base) {
    }

    /** Problems and external links of one file. */
    private static final class Collector {
        private final String file;
        private final List<Problem> problems = new ArrayList<>();
        private final List<ExternalLink> external = new ArrayList<>();

        Collector(String file) {
            this.file = file;
        }

        void problem(Reference reference, String message) {
            problems.add(new Problem(file, reference.line(), reference.column(), reference.context() + ": " + message));
        }

        void external(Reference reference, String url) {
            external.add(new ExternalLink(file, reference.line(), reference.column(), url));
        }
    }

    /** Collects ids, {@code a name}s and URL-bearing attributes while the HTML5 parser streams a page. */
    private static final class PageHandler extends DefaultHandler {
        private static final String HTML = "http://www.w3.org/1999/xhtml";
        private static final String XLINK = "http://www.w3.org/1999/xlink";

        private Locator locator;
        private final Set<String> ids = new HashSet<>();
        private final Set<String> anchorNames = new HashSet<>();
        private final List<Reference> references = new ArrayList<>();
        private Reference base;
        private StringBuilder style;
        private int styleLine;
        private int styleColumn;

        static ParsedPage parse(Path file, String page) {
            PageHandler handler = new PageHandler();
            HtmlParser parser = new HtmlParser(XmlViolationPolicy.ALTER_INFOSET);
            parser.setContentHandler(handler);
            try (InputStream in = Files.newInputStream(file)) {
                InputSource source = new InputSource(in);
                source.setSystemId(page);
                source.setEncoding("UTF-8");
                parser.parse(source);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read page " + page, e);
            } catch (SAXException e) {
                throw new IllegalStateException("the HTML parser gave up on " + page + ": " + e.getMessage(), e);
            }
            return new ParsedPage(Set.copyOf(handler.ids), Set.copyOf(handler.anchorNames),
                    List.copyOf(handler.references), handler.base);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            int line = locator == null ? 0 : locator.getLineNumber();
            int column = locator == null ? 0 : locator.getColumnNumber();
            boolean html = HTML.equals(uri);
            String id = attributes.getValue("", "id");
            if (id != null) {
                ids.add(id);
            }
            if (html && localName.equals("a") && attributes.getValue("", "name") != null) {
                anchorNames.add(attributes.getValue("", "name"));
            }
            if (html && localName.equals("base")) {
                String href = attributes.getValue("", "href");
                if (href != null && base == null) {
                    base = new Reference(line, column, "<base href=\"" + href + "\">", href);
                }
                return;
            }
            for (int i = 0; i < attributes.getLength(); i++) {
                String name = attributes.getLocalName(i);
                String namespace = attributes.getURI(i);
                String value = attributes.getValue(i);
                String context = "<" + localName + " " + attributes.getQName(i) + "=\"" + value + "\">";
                if (namespace.equals(XLINK) && name.equals("href")) {
                    references.add(new Reference(line, column, context, value));
                } else if (!namespace.isEmpty()) {
                    continue;
                } else if (name.equals("href") || name.equals("src") || name.equals("poster") || name.equals("cite")
                        || name.equals("formaction") || (name.equals("action") && localName.equals("form"))
                        || (name.equals("data") && localName.equals("object"))) {
                    references.add(new Reference(line, column, context, value));
                } else if (name.equals("srcset") || name.equals("imagesrcset")) {
                    for (String candidate : value.split(",")) {
                        String url = candidate.strip().split("\\s+")[0];
                        if (!url.isEmpty()) {
                            references.add(new Reference(line, column, context, url));
                        }
                    }
                } else if (name.equals("style")) {
                    for (Reference css : cssReferences(value, line, column)) {
                        references.add(new Reference(line, column, "<" + localName + " style=\"" + css.context() + "\">", css.url()));
                    }
                } else if (html && name.equals("content") && localName.equals("meta")
                        && "refresh".equalsIgnoreCase(attributes.getValue("", "http-equiv"))) {
                    Matcher refresh = REFRESH_URL.matcher(value);
                    if (refresh.matches()) {
                        references.add(new Reference(line, column, context, refresh.group(1)));
                    }
                }
            }
            if (html && localName.equals("style")) {
                style = new StringBuilder();
                styleLine = line;
                styleColumn = column + 1;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (style != null) {
                style.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (style != null && HTML.equals(uri) && localName.equals("style")) {
                references.addAll(cssReferences(style.toString(), styleLine, styleColumn));
                style = null;
            }
        }
    }
}
