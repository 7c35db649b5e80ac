package org.guidegraph.search;

/**
 * One search result.
 *
 * @param title the document's title
 * @param url the document's site-relative URL, with the section anchor
 * @param type the document's type
 * @param snippet HTML: the text around the matched words, escaped, each matched word in {@code <mark>}
 * @param score relevance; higher is better; comparable only within one result list
 */
public record SearchHit(String title, String url, String type, String snippet, float score) {
}
