/**
 * Search: every section of every built page and every entity of the graph, found by what a reader types.
 *
 * <p>The build turns pages into {@link org.guidegraph.search.SearchDocument}s with
 * {@link org.guidegraph.search.HtmlSections} (one per anchored heading) and adds one per entity; then
 * <ul>
 * <li>{@link org.guidegraph.search.SearchIndex} indexes them with Lucene, in memory, for {@code serve}'s
 * {@code /search} ({@link org.guidegraph.search.SearchQueryException} is a reader's mistake: answer 400);</li>
 * <li>{@link org.guidegraph.search.StaticIndexExporter} writes the same index as chunked script files that
 * {@code templates/assets/search.js} queries in the browser, also from {@code file://}.</li>
 * </ul>
 *
 * <p>Both searches analyse and rank alike (see {@code internal.Analysis} and {@code internal.QueryPlan}): English
 * stems, the last word typed as a prefix, one-typo tolerance for words that match nothing, every word required,
 * titles weighted above bodies, ties by URL. The static index carries Lucene's own scores, quantised, and a test
 * runs {@code search.js} in node to check that it ranks first what Lucene ranks first.
 */
package org.guidegraph.search;
