package org.guidegraph.render;

import java.util.List;
import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.exec.QueryExec;
import org.commonmark.node.FencedCodeBlock;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.query.NamedQueries;
import org.guidegraph.query.QueryProblem;
import org.guidegraph.query.SparqlQueries;

/**
 * Runs a {@code sparql table|list} block of a prose page at build time and renders its rows: a table with a header
 * per variable, or a list of the first variable (linked where it has a page). Errors become diagnostics at the
 * block's line, and the page shows a short note instead of the view.
 */
final class LiveViewRenderer implements Markdown.LiveViews {

    private final PageModel page;
    private final ProsePage prose;

    LiveViewRenderer(PageModel page, ProsePage prose) {
        this.page = page;
        this.prose = prose;
    }

    @Override
    public String render(String text, String hint, FencedCodeBlock block) {
        SiteContext site = page.site();
        int line = prose.bodyLine() + lineOf(block);
        if (!hint.equals("table") && !hint.equals("list")) {
            site.diagnostics().add(Diagnostic.error(new SourcePosition(prose.source(), line, 1),
                    "unknown view hint '" + hint + "'", "write ```sparql table or ```sparql list"));
            return "";
        }
        Map<String, String> prefixes = new java.util.TreeMap<>(site.graph().ontology().getNsPrefixMap());
        prefixes.putAll(site.graph().content().getNsPrefixMap());
        Query q;
        try {
            q = SparqlQueries.parse(NamedQueries.prologue(prefixes), text, prose.source(), line + 1);
        } catch (QueryProblem e) {
            site.diagnostics().add(e.diagnostic());
            return "";
        }
        if (!q.isSelectType()) {
            site.diagnostics().add(Diagnostic.error(new SourcePosition(prose.source(), line + 1, 1),
                    "a live view needs a SELECT query", "use SELECT … ORDER BY …"));
            return "";
        }
        page.readLive(q);
        StringBuilder html = new StringBuilder();
        try (QueryExec exec = SparqlQueries.exec(site.graph().dataset(), q, Map.of())) {
            ResultSet rs = ResultSet.adapt(exec.select());
            List<String> vars = rs.getResultVars();
            if (hint.equals("table")) {
                html.append("<div class=\"table-wrap\"><table class=\"view\">\n<thead><tr>");
                for (String v : vars) {
                    html.append("<th scope=\"col\">").append(esc(v)).append("</th>");
                }
                html.append("</tr></thead>\n<tbody>\n");
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    html.append("<tr>");
                    for (String v : vars) {
                        html.append("<td>").append(cell(s.get(v))).append("</td>");
                    }
                    html.append("</tr>\n");
                }
                html.append("</tbody>\n</table></div>\n");
            } else {
                html.append("<ul class=\"view\">\n");
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    html.append("<li>").append(cell(s.get(vars.get(0)))).append("</li>\n");
                }
                html.append("</ul>\n");
            }
        }
        return html.toString();
    }

    private String cell(RDFNode n) {
        if (n == null) {
            return "";
        }
        Map<String, Object> c = Cells.cell(n, page.getPage().path(), page.site().plan());
        String value = String.valueOf(c.get("value"));
        Object href = c.get("href");
        if (href != null) {
            String label = value;
            if (c.get("iri") != null && page.site().plan().pathOf(value) != null) {
                String path = page.site().plan().pathOf(value);
                PageSpec target = page.site().plan().page(path);
                label = target == null ? value : target.title();
            }
            return "<a href=\"" + esc(href.toString()) + "\">" + esc(label) + "</a>";
        }
        return esc(value);
    }

    private static int lineOf(FencedCodeBlock block) {
        var spans = block.getSourceSpans();
        return spans == null || spans.isEmpty() ? 0 : spans.get(0).getLineIndex();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
