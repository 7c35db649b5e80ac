package org.guidegraph.search;

import java.util.Objects;

/**
 * One thing a reader can find: a section of a page or an entity of the graph.
 *
 * @param id stable identity, unique in an index (for a section, its URL)
 * @param url where the hit leads, relative to the site root, with the anchor of the section
 *     ({@code approach/llm-d.html#getting-started}); never starts with a slash
 * @param title what the hit is called: a page title, {@code Page › Section}, or an entity's label
 * @param type what kind of thing it is: an entity class label ({@code Approach}, {@code Feature}, …) or
 *     {@code Page}; results can be filtered by it
 * @param body plain text that is searched and shown in snippets; may be empty
 */
public record SearchDocument(String id, String url, String title, String type, String body) {

    public SearchDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        body = body == null ? "" : body;
        if (id.isBlank()) {
            throw new IllegalArgumentException("a search document needs a non-blank id (url " + url + ")");
        }
        if (type.isBlank()) {
            throw new IllegalArgumentException("search document " + id + " needs a type, e.g. Page or Approach");
        }
        if (url.startsWith("/") || url.contains("://")) {
            throw new IllegalArgumentException("search document " + id + " has url " + url
                    + ": it must be relative to the site root, like approach/llm-d.html#getting-started,"
                    + " so the site works at any sub-path and from disk");
        }
    }
}
