package org.guidegraph.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.vocabulary.RDF;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.source.GuideSources;

/**
 * A guide whose content lives in a SPARQL 1.1 store (a Fuseki server, possibly over TDB2 for a graph too large for
 * one machine's memory): the content is the store's default graph, read with one {@code CONSTRUCT}; the ontology,
 * templates and queries still come from the guide folder and the built-ins. Diagnostics about the content carry
 * the endpoint's URL instead of a file position.
 */
public final class RemoteGraph {

    private static final String ALL = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }";

    private RemoteGraph() {
    }

    /** Reads the content from {@code endpoint} (its SPARQL query URL); an unreachable endpoint is an error. */
    public static GuideGraph load(GuideSources sources, String endpoint) {
        GuideGraph local = GuideLoader.load(sources);
        List<Diagnostic> problems = new ArrayList<>();
        for (Diagnostic d : local.loadProblems()) {
            if (d.file().startsWith("ontology/")) {
                problems.add(d);
            }
        }
        Set<String> broken = new HashSet<>();
        Model content = ModelFactory.createDefaultModel();
        try (RDFConnection conn = RDFConnectionRemote.service(endpoint).build()) {
            content.add(conn.queryConstruct(ALL));
        } catch (RuntimeException e) {
            broken.add(endpoint);
            problems.add(Diagnostic.error(SourcePosition.ofFile(endpoint), "cannot read the guide's graph from the "
                    + "SPARQL endpoint: " + e.getMessage(), "check that the URL is the endpoint's query URL and that "
                    + "the server is running"));
        }
        content.setNsPrefixes(local.ontology().getNsPrefixMap());
        content.setNsPrefixes(local.content().getNsPrefixMap());
        entityPrefixes(content);
        return new GuideGraph(sources, local.ontology(), content, new SourceIndex(),
                problems, broken);
    }

    /** Prefixes for the guide ({@code guide:}) and each kind of entity ({@code approach:} …), unless mapped. */
    private static void entityPrefixes(Model content) {
        List<Resource> guides = content.listResourcesWithProperty(RDF.type, GG.Guide).toList();
        if (guides.size() != 1 || !guides.get(0).isURIResource()) {
            return;
        }
        String ns = guides.get(0).getURI();
        if (content.getNsURIPrefix(ns) == null && content.getNsPrefixURI("guide") == null) {
            content.setNsPrefix("guide", ns);
        }
        for (Resource r : content.listSubjects().toList()) {
            if (!r.isURIResource() || !r.getURI().startsWith(ns)) {
                continue;
            }
            String rest = r.getURI().substring(ns.length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                String kind = rest.substring(0, slash);
                String kindNs = ns + kind + "/";
                if (kind.matches("[A-Za-z][A-Za-z0-9-]*") && content.getNsURIPrefix(kindNs) == null
                        && content.getNsPrefixURI(kind) == null) {
                    content.setNsPrefix(kind, kindNs);
                }
            }
        }
    }
}
