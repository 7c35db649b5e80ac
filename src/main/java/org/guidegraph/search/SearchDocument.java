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
 * @param weight how much its matches weigh, above 0: 1 for a section of a page ({@link #SECTION}); less for an
 *     item listed on a page ({@link #LISTED}, a resource, say), whose one line of text would otherwise outscore
 *     whole sections that are about the word
 */
public record SearchDocument(String id, String url, String title, String type, String body, float weight) {

    /** The weight of a section of a page. */
    public static final float SECTION = 1f;
    /** The weight of an item listed on a page, such as a resource: a line, not a section about it. */
    public static final float LISTED = 0.75f;

    /** A section of a page, of weight {@link #SECTION}. */
    public SearchDocument(String id, String url, String title, String type, String body) {
        this(id, url, title, type, body, SECTION);
    }

    public SearchDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        body = body == null ? "" : body;
        if (id.isBlank()) {
            throw new IllegalArgumentException("a search document needs a non-blank id (url " + url + ")");
        }
        if (!(weight > 0) || Float.isInfinite(weight)) {
            throw new IllegalArgumentException("search document " + id + " has weight " + weight
                    + ": it must be above 0, 1 for a section");
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
