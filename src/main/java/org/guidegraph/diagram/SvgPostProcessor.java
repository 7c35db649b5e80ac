package org.guidegraph.diagram;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes Graphviz's SVG deterministic and fit to inline in an HTML page:
 * <ul>
 *   <li>drops the XML prolog, DOCTYPE and comments ({@code dot} writes its version and the node names there);</li>
 *   <li>keeps the {@code viewBox}, replaces the fixed {@code width}/{@code height} by {@code width="100%"} with the
 *       natural width as {@code max-width} (and as {@code --gg-natural-width} for {@code diagram.css}), so the
 *       drawing shrinks to fit and never grows past its size (the height follows the viewBox);</li>
 *   <li>names the drawing for assistive technology: {@code role="img"}, a first {@code <title>} (the graph's name,
 *       which {@link DotBuilder} sets to the tree's label) and {@code aria-labelledby} pointing at it;</li>
 *   <li>replaces Graphviz's per-node {@code <title>} (the internal node name) by the node's tooltip, so browsers
 *       show the tooltip and nothing shows {@code q-production};</li>
 *   <li>writes {@code -} for Graphviz's {@code &#45;} and names a generic font family after Helvetica.</li>
 * </ul>
 * Links ({@code <a xlink:href>}) are left as Graphviz writes them: the HTML parser maps {@code xlink:href} to the
 * XLink namespace when the SVG is inlined, and relative URLs resolve against the page.
 */
final class SvgPostProcessor {

    private static final Pattern PROLOG = Pattern.compile("\\A.*?(?=<svg\\b)", Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->\\n?", Pattern.DOTALL);
    private static final Pattern SVG_TAG = Pattern.compile("<svg\\b([^>]*)>");
    private static final Pattern WIDTH = Pattern.compile("\\swidth=\"([^\"]*)\"");
    private static final Pattern HEIGHT = Pattern.compile("\\sheight=\"[^\"]*\"");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>\\n?");
    private static final Pattern GRAPH_ID = Pattern.compile("<g id=\"([^\"]*)\" class=\"graph\\b");
    private static final Pattern ANCHOR_WITH_TITLE = Pattern.compile("<a\\b([^>]*?)\\sxlink:title=\"([^\"]*)\"([^>]*)>");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?(?:px|pt)?");

    private SvgPostProcessor() {
    }

    static String process(String svg) {
        if (!svg.contains("<svg")) {
            throw new DiagramException("Graphviz returned no SVG (" + svg.length() + " characters)");
        }
        String s = svg.replace("\r\n", "\n");
        s = PROLOG.matcher(s).replaceFirst("");
        s = COMMENT.matcher(s).replaceAll("");
        s = s.replace("&#45;", "-");
        s = s.replace("font-family=\"Helvetica,sans-Serif\"", "font-family=\"Helvetica,Arial,sans-serif\"");

        Matcher title = TITLE.matcher(s);
        String name = title.find() ? title.group(1) : "Diagram";
        Matcher graph = GRAPH_ID.matcher(s);
        String titleId = (graph.find() ? graph.group(1) : "gg-diagram") + "-title";
        s = TITLE.matcher(s).replaceAll("");
        s = ANCHOR_WITH_TITLE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                "<a" + m.group(1) + " xlink:title=\"" + m.group(2) + "\"" + m.group(3) + "><title>" + m.group(2)
                        + "</title>"));

        Matcher tag = SVG_TAG.matcher(s);
        if (!tag.find()) {
            throw new DiagramException("Graphviz returned no <svg> element");
        }
        String attrs = tag.group(1);
        Matcher w = WIDTH.matcher(attrs);
        String maxWidth = w.find() && NUMBER.matcher(w.group(1)).matches() ? w.group(1) : null;
        attrs = WIDTH.matcher(attrs).replaceAll("");
        attrs = HEIGHT.matcher(attrs).replaceAll("");
        attrs = attrs.strip().replaceAll("\\s+", " ");
        StringBuilder open = new StringBuilder("<svg ").append(attrs).append(" width=\"100%\"");
        if (maxWidth != null) {
            String unit = maxWidth.endsWith("pt") || maxWidth.endsWith("px") ? "" : "px";
            String natural = maxWidth + unit;
            open.append(" style=\"max-width:").append(natural).append(";--gg-natural-width:").append(natural)
                    .append("\"");
        }
        open.append(" role=\"img\" aria-labelledby=\"").append(titleId).append("\">\n<title id=\"")
                .append(titleId).append("\">").append(name).append("</title>");
        s = s.substring(0, tag.start()) + open + s.substring(tag.end());
        s = s.strip() + "\n";
        return s;
    }
}
