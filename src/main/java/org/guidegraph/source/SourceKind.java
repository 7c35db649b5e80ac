package org.guidegraph.source;

/** What a file of a guide is, which decides the stage that reads it. */
public enum SourceKind {
    /** Vocabulary and SHACL shapes, Turtle, under {@code ontology/}. */
    ONTOLOGY,
    /** Facts of the guide, Turtle, under {@code content/graph/}. */
    GRAPH,
    /** Prose pages, markdown with front matter, under {@code content/pages/}. */
    PAGE,
    /** Freemarker templates under {@code templates/}. */
    TEMPLATE,
    /** Named SPARQL queries under {@code templates/queries/}. */
    QUERY,
    /** Static files copied as they are, under {@code templates/assets/}. */
    ASSET
}
