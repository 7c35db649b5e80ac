package org.guidegraph.render;

import java.util.Map;

/**
 * A markdown page of {@code content/pages/}: front matter ({@code key: value} lines between {@code ---}) and body.
 *
 * @param source the markdown file's relative path
 * @param path the output path, {@code NAME.html}
 * @param title from {@code title:} (required)
 * @param about the IRI from {@code about:}, or null
 * @param meta all front matter keys
 * @param body the markdown after the front matter
 * @param bodyLine the line of the source on which the body starts
 */
public record ProsePage(String source, String path, String title, String about, Map<String, String> meta,
        String body, int bodyLine) {
}
