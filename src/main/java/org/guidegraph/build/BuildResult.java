package org.guidegraph.build;

import java.util.List;

import org.guidegraph.diagnostic.Diagnostics;

/**
 * What a build did.
 *
 * @param ok true if the site was written
 * @param diagnostics every problem found
 * @param pages pages rendered
 * @param files files written
 * @param bytes bytes written
 * @param stages one line per stage with its time
 * @param millis total time
 * @param searchDocuments what the search index holds (for a server's {@code /search})
 * @param graph the guide's graph as the site publishes it in {@code graph.ttl} (null if the build failed)
 * @param searchIndex the search index the static index was written from (null if the build failed)
 */
public record BuildResult(boolean ok, Diagnostics diagnostics, int pages, int files, long bytes,
        List<String> stages, long millis, List<org.guidegraph.search.SearchDocument> searchDocuments,
        org.apache.jena.rdf.model.Model graph, org.guidegraph.search.SearchIndex searchIndex) {
}
