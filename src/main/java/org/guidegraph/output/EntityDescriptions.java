package org.guidegraph.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.guidegraph.graph.GuideGraph;

/**
 * The description of one entity of a guide, as linked-data clients get it: the statements about the entity and,
 * nested, those about the blank nodes it leads to (a concise bounded description). Entities are the IRIs
 * {@code {guide}KIND/SLUG}; their descriptions are published beside their pages as {@code KIND/SLUG.ttl}.
 */
public final class EntityDescriptions {

    /** The slug of an entity IRI, as pages use it (one or more path segments of URL-safe characters). */
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*");

    private EntityDescriptions() {
    }

    /**
     * The site path (without extension) of an entity IRI, e.g. {@code approach/llm-d} for
     * {@code {guide}approach/llm-d}, or empty if the IRI is not an entity of the guide.
     */
    public static Optional<String> pathOf(String namespace, String iri) {
        if (namespace == null || namespace.isEmpty() || !iri.startsWith(namespace)) {
            return Optional.empty();
        }
        String rest = iri.substring(namespace.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1 || !SLUG.matcher(rest).matches()) {
            return Optional.empty();
        }
        return Optional.of(rest);
    }

    /** The entity's statements and those of the blank nodes reachable from it, with the model's prefixes. */
    public static Model describe(Model graph, Resource entity) {
        Model out = ModelFactory.createDefaultModel();
        out.setNsPrefixes(graph.getNsPrefixMap());
        Set<Resource> seen = new HashSet<>();
        Deque<Resource> todo = new ArrayDeque<>();
        todo.add(entity);
        while (!todo.isEmpty()) {
            Resource r = todo.pop();
            if (!seen.add(r)) {
                continue;
            }
            for (Statement s : graph.listStatements(r, null, (org.apache.jena.rdf.model.RDFNode) null).toList()) {
                out.add(s);
                if (s.getObject().isAnon()) {
                    todo.add(s.getObject().asResource());
                }
            }
        }
        return out;
    }

    /** The entities of a graph (subjects whose IRI is an entity IRI of the namespace), by site path. */
    public static Map<String, Resource> entities(Model graph, String namespace) {
        Map<String, Resource> out = new TreeMap<>();
        for (Resource r : graph.listSubjects().toList()) {
            if (r.isURIResource()) {
                pathOf(namespace, r.getURI()).ifPresent(p -> out.put(p, r));
            }
        }
        return out;
    }

    /**
     * Writes {@code KIND/SLUG.ttl} into {@code site} for every entity of the guide's content, in sorted Turtle;
     * returns the files written (site-relative), sorted.
     */
    public static List<String> write(GuideGraph g, Path site) throws IOException {
        String ns = g.namespace().orElse("");
        Map<String, String> prefixes = new TreeMap<>(g.ontology().getNsPrefixMap());
        prefixes.putAll(g.content().getNsPrefixMap());
        List<String> written = new ArrayList<>();
        Set<String> pages = new TreeSet<>(entities(g.content(), ns).keySet());
        for (String path : pages) {
            Model m = describe(g.content(), g.content().createResource(ns + path));
            m.setNsPrefixes(prefixes);
            Path target = site.resolve(path + ".ttl");
            Files.createDirectories(target.getParent());
            Files.writeString(target, Deterministic.turtle(usedPrefixesOnly(m)), StandardCharsets.UTF_8);
            written.add(path + ".ttl");
        }
        return written;
    }

    /** A copy with only the prefixes its terms use, so a small description does not start with dozens of lines. */
    public static Model usedPrefixesOnly(Model m) {
        Set<String> used = new TreeSet<>();
        m.listStatements().forEach(s -> {
            noteNamespace(s.getSubject(), m, used);
            used.add(s.getPredicate().getNameSpace());
            noteNamespace(s.getObject(), m, used);
            if (s.getObject().isLiteral() && s.getObject().asLiteral().getDatatypeURI() != null) {
                String dt = s.getObject().asLiteral().getDatatypeURI();
                used.add(dt.substring(0, Math.max(dt.lastIndexOf('#'), dt.lastIndexOf('/')) + 1));
            }
        });
        Model copy = ModelFactory.createDefaultModel().add(m);
        copy.clearNsPrefixMap(); // add(Model) copies the prefixes too
        m.getNsPrefixMap().forEach((p, ns) -> {
            boolean isUsed = used.stream().anyMatch(u -> u != null && u.startsWith(ns));
            if (isUsed) {
                copy.setNsPrefix(p, ns);
            }
        });
        return copy;
    }

    private static void noteNamespace(org.apache.jena.rdf.model.RDFNode n, Model m, Set<String> used) {
        if (n.isURIResource()) {
            String uri = n.asResource().getURI();
            used.add(uri.substring(0, Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/')) + 1));
        }
    }
}
