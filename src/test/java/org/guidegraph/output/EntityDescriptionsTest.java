package org.guidegraph.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.guidegraph.TestGuides;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.graph.GuideLoader;
import org.guidegraph.source.GuideSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityDescriptionsTest {

    @TempDir
    Path tmp;

    @Test
    void writesOneSortedTurtleFilePerEntityHoldingItsDescription() throws IOException {
        GuideGraph g = GuideLoader.load(GuideSources.read(TestGuides.MINIMAL));
        List<String> written = EntityDescriptions.write(g, tmp.resolve("a"));
        EntityDescriptions.write(g, tmp.resolve("b"));
        assertTrue(written.contains("approach/only.ttl"), written.toString());
        for (String f : written) {
            assertEquals(Files.readString(tmp.resolve("a").resolve(f)), Files.readString(tmp.resolve("b").resolve(f)),
                    f + " is written the same way every time");
        }
        Model m = ModelFactory.createDefaultModel();
        RDFParser.source(tmp.resolve("a/approach/only.ttl")).lang(Lang.TURTLE).parse(m);
        String ns = g.namespace().orElseThrow();
        Model expected = EntityDescriptions.describe(g.content(), g.content().createResource(ns + "approach/only"));
        assertTrue(m.isIsomorphicWith(expected));
        assertTrue(m.size() > 0);
    }

    @Test
    void aDescriptionTheSiteInPlaceLacksIsWrittenInsteadOfKept() throws IOException {
        GuideGraph g = GuideLoader.load(GuideSources.read(TestGuides.MINIMAL));
        List<String> files = EntityDescriptions.files(g);
        assertTrue(files.size() > 1, files.toString());
        Path out = tmp.resolve("site");
        SiteWriter.Published published = new SiteWriter.Published();
        try (SiteWriter w = SiteWriter.open(out, null, published)) {
            EntityDescriptions.write(g, w.staging());
            Files.delete(w.staging().resolve(files.get(0)));
            w.publish();
        }
        try (SiteWriter w = SiteWriter.open(out, null, published)) {
            assertTrue(w.inPlace());
            Tasks.join(EntityDescriptions.carryOver(g, files, out, w.staging(), w.keeper(), Runnable::run));
            assertEquals(java.util.Set.copyOf(files.subList(1, files.size())), java.util.Set.copyOf(w.kept()),
                    "the files the site in place has are kept");
            assertTrue(Files.isRegularFile(w.staging().resolve(files.get(0))), "the one it lacks is written");
            w.publish();
        }
        Path full = tmp.resolve("full");
        EntityDescriptions.write(g, full);
        for (String f : files) {
            assertEquals(Files.readString(full.resolve(f)), Files.readString(out.resolve(f)), f);
        }
    }

    @Test
    void knowsEntityIrisByTheirKindAndSlug() {
        String ns = "https://example.org/g/";
        assertEquals(Optional.of("approach/llm-d"), EntityDescriptions.pathOf(ns, ns + "approach/llm-d"));
        assertEquals(Optional.empty(), EntityDescriptions.pathOf(ns, ns + "approach/"));
        assertEquals(Optional.empty(), EntityDescriptions.pathOf(ns, ns + "guide"));
        assertEquals(Optional.empty(), EntityDescriptions.pathOf(ns, "https://other.example/approach/x"));
        assertEquals(Optional.empty(), EntityDescriptions.pathOf(ns, ns + "approach/has space"));
    }
}
