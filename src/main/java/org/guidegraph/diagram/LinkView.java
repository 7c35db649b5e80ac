package org.guidegraph.diagram;

/**
 * A resource an outcome points to.
 *
 * @param iri the resource's IRI, or null for a blank node
 * @param label its name
 * @param url an external http(s) link ({@code schema:url}), or null
 * @param path a path shown as code, never as a link ({@code gg:path}), or null
 * @param comment a short remark such as "Start here", or null
 */
public record LinkView(String iri, String label, String url, String path, String comment) {
}
