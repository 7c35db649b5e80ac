package org.guidegraph.query;

import org.apache.jena.query.Query;

/**
 * A view's query: a {@code templates/queries/NAME.rq} file, parsed.
 *
 * @param name the file name without {@code .rq}
 * @param path the source path, for messages and for the published copy
 * @param text the query as written
 * @param query the parsed query
 * @param perEntity true when the query uses {@code ?this}, which is bound to the page's entity
 */
public record NamedQuery(String name, String path, String text, Query query, boolean perEntity) {

    /** The variable bound to the entity of the page a query runs for. */
    public static final String THIS = "this";
}
