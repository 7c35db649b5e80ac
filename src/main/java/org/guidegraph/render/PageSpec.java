package org.guidegraph.render;

/**
 * One page of the site.
 *
 * @param path site-relative output path with forward slashes, e.g. {@code approach/llm-d.html}
 * @param template the template file name in {@code templates/}
 * @param entity the IRI of the entity the page is about, or null for a page of the whole guide
 * @param kind the entity kind (the IRI segment after the guide IRI) or the page name
 * @param title the page title
 * @param source the source file that defines the page (a prose page's markdown), or null
 * @param typeLabel the label of the entity's class, e.g. "Approach" ("Page" for other pages)
 */
public record PageSpec(String path, String template, String entity, String kind, String title, String source,
        String typeLabel) {

    /** "../" repeated once per folder level of the path: the way back to the site root. */
    public String root() {
        int depth = (int) path.chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }
}
