package org.guidegraph.build;

import java.nio.file.Path;

/**
 * What to build and where.
 *
 * @param guideDir the guide's folder
 * @param outDir where the site goes (replaced whole on success)
 * @param baseUrl the public URL of the site, ending in '/', or null to use the guide's IRI
 * @param endpointPath where the SPARQL endpoint is served, for links and the VoID description
 * @param diagramEngine the Graphviz engine for decision-tree diagrams: v8 (default), dot or graal
 * @param sparqlSource a SPARQL 1.1 endpoint to read the guide's content from instead of {@code content/graph/}
 *     (the ontology and templates still come from the guide folder and the built-ins), or null
 */
public record BuildOptions(Path guideDir, Path outDir, String baseUrl, String endpointPath, String diagramEngine,
        String sparqlSource) {

    /** Options that read the guide's content from its files. */
    public BuildOptions(Path guideDir, Path outDir, String baseUrl, String endpointPath, String diagramEngine) {
        this(guideDir, outDir, baseUrl, endpointPath, diagramEngine, null);
    }

    public static BuildOptions of(Path guideDir, Path outDir) {
        return new BuildOptions(guideDir, outDir, null, "/sparql", "v8");
    }

    /** The same options with another diagram engine. */
    public BuildOptions withDiagramEngine(String engine) {
        return new BuildOptions(guideDir, outDir, baseUrl, endpointPath, engine, sparqlSource);
    }

    /** The same options reading the content from a SPARQL endpoint (null: from the files). */
    public BuildOptions withSparqlSource(String endpoint) {
        return new BuildOptions(guideDir, outDir, baseUrl, endpointPath, diagramEngine, endpoint);
    }
}
