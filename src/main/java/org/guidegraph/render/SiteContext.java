package org.guidegraph.render;

import java.util.List;
import java.util.Map;

import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.query.NamedQueries;

/**
 * Everything page rendering needs, built once per build: the graph's views (named queries), the page plan, the
 * markdown renderer and the prose pages. Templates see it only through {@link PageModel}.
 *
 * @param graph the loaded guide (used for live views in prose, through named-query style SELECTs only)
 * @param queries the named queries and their cached results
 * @param plan the pages
 * @param prose the prose pages by output path
 * @param markdown the markdown renderer
 * @param site site-wide values for templates (title, date, purpose, base URL)
 * @param diagnostics where rendering problems go
 * @param diagrams the decision trees drawn for templates (svg, wizard and text markup, relative to the site root)
 */
public record SiteContext(GuideGraph graph, NamedQueries queries, PagePlan plan, Map<String, ProsePage> prose,
        Markdown markdown, Map<String, Object> site, Diagnostics diagnostics, List<Map<String, Object>> diagrams) {

    /** Pages in plan order. */
    public List<PageSpec> pages() {
        return plan.pages();
    }
}
