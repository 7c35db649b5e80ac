package org.guidegraph.render;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Markdown with commonmark-java: GFM tables, heading anchors, and live views — a fenced block whose info string is
 * {@code sparql table} or {@code sparql list} is run at build time by a caller-supplied function and its HTML put in
 * place of the block. Immutable and thread-safe.
 */
public final class Markdown {

    /** Renders a live view: the query text and the hint (table or list) to HTML. */
    public interface LiveViews {
        String render(String query, String hint, FencedCodeBlock block);
    }

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            HeadingAnchorExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS)
            .includeSourceSpans(org.commonmark.parser.IncludeSourceSpans.BLOCKS).build();
    private final HtmlRenderer inlineRenderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();

    /** Renders a whole document, with live views. */
    public String render(String markdown, LiveViews views) {
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .nodeRendererFactory(ctx -> new SparqlBlockRenderer(ctx, views))
                .build();
        return renderer.render(parser.parse(markdown));
    }

    /** Renders a short text (a list item, a note) as inline HTML: no surrounding paragraph, raw HTML escaped. */
    public String inline(String markdown) {
        Node doc = parser.parse(markdown);
        if (doc.getFirstChild() instanceof Paragraph p && p.getNext() == null) {
            StringBuilder sb = new StringBuilder();
            for (Node n = p.getFirstChild(); n != null; n = n.getNext()) {
                sb.append(inlineRenderer.render(n));
            }
            return sb.toString().strip();
        }
        return inlineRenderer.render(doc).strip();
    }

    private static final class SparqlBlockRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext ctx;
        private final LiveViews views;

        SparqlBlockRenderer(HtmlNodeRendererContext ctx, LiveViews views) {
            this.ctx = ctx;
            this.views = views;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FencedCodeBlock.class);
        }

        @Override
        public void render(Node node) {
            FencedCodeBlock block = (FencedCodeBlock) node;
            String info = block.getInfo() == null ? "" : block.getInfo().strip();
            String[] words = info.split("\\s+");
            HtmlWriter html = ctx.getWriter();
            if (words.length > 0 && words[0].equals("sparql") && words.length > 1 && views != null) {
                html.line();
                html.raw(views.render(block.getLiteral(), words[1], block));
                html.line();
                return;
            }
            // Default rendering of a code block, with a language class for styling.
            html.line();
            html.tag("pre");
            Map<String, String> attrs = words.length > 0 && !words[0].isEmpty()
                    ? Map.of("class", "language-" + words[0]) : Map.of();
            html.tag("code", ctx.extendAttributes(block, "code", attrs));
            html.text(block.getLiteral());
            html.tag("/code");
            html.tag("/pre");
            html.line();
        }
    }

    /** A function form of {@link #inline}, for templates. */
    public Function<String, String> inlineFunction() {
        return this::inline;
    }
}
