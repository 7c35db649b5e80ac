package org.guidegraph.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.guidegraph.TestGuides;
import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.graph.GuideLoader;
import org.guidegraph.source.GuideSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A check after an edit, made from the last good build's findings and the delta, equals a full check. */
class IncrementalCheckTest {

    @TempDir
    Path guide;

    private final GuideLoader.Reuse files = new GuideLoader.Reuse();
    private final Checker.Reuse checks = new Checker.Reuse();

    @BeforeEach
    void copyTheProjectGuide() throws IOException {
        for (String f : new String[] {"content", "ontology"}) {
            TestGuides.copy(TestGuides.PROJECT.resolve(f), guide.resolve(f));
        }
    }

    @Test
    void eachKindOfEditGivesTheDiagnosticsOfAFullCheck() throws IOException {
        GuideGraph base = GuideLoader.load(GuideSources.read(guide), files);
        assertEquals(0, Checker.check(base, checks).errorCount());
        files.commit(base);

        Map<String, Edit> edits = new LinkedHashMap<>();
        edits.put("note changed", new Edit("content/graph/matrix.ttl",
                t -> t.replace("gg:note \"Alpha\" ;", "gg:note \"Alpha, changed\" ;"), null));
        edits.put("wrong support level", new Edit("content/graph/matrix.ttl",
                t -> t.replaceFirst("gg:level gg:Yes ;", "gg:level gg:Maybe ;"), "gg:level"));
        edits.put("missing required property", new Edit("content/graph/matrix.ttl",
                t -> t.replaceFirst("    gg:value \"Yes\" ;\n", ""), "gg:value"));
        edits.put("removed entity still referenced", new Edit("content/graph/approaches.ttl",
                IncrementalCheckTest::withoutKserve, "reference to approach:kserve-llmd"));
        edits.put("new entity", new Edit("content/graph/features.ttl",
                t -> t + "\nfeature:new-one\n    a gg:Feature ;\n    rdfs:label \"A new one\" ;\n"
                        + "    gg:category category:maturity ;\n    gg:order 99 .\n",
                "no assessment of feature \"A new one\""));
        edits.put("new type on an existing node", new Edit("content/graph/features.ttl",
                t -> t.replace("category:maturity\n    a gg:FeatureCategory ;",
                        "category:maturity\n    a gg:FeatureCategory , gg:Approach ;"), "for approach \"Maturity\""));

        for (Map.Entry<String, Edit> e : edits.entrySet()) {
            Edit edit = e.getValue();
            Path file = guide.resolve(edit.file());
            String original = Files.readString(file);
            Files.writeString(file, edit.change().apply(original));
            GuideGraph changed = GuideLoader.load(GuideSources.read(guide), files);
            assertTrue(changed.delta().isPresent(), e.getKey());
            List<Diagnostic> incremental = Checker.check(changed, checks).sorted();
            assertTrue(checks.shapesRevalidated() > 0, e.getKey() + ": the shapes were not validated from before");
            Diagnostics full = Checker.check(GuideLoader.load(GuideSources.read(guide)));
            assertEquals(full.sorted(), incremental, e.getKey());
            if (edit.expect() != null) {
                assertTrue(full.sorted().stream().anyMatch(d -> d.format().contains(edit.expect())),
                        e.getKey() + ": " + full.sorted());
            } else {
                assertEquals(0, full.errorCount(), e.getKey() + ": " + full.sorted());
            }
            Files.writeString(file, original);
        }
    }

    @Test
    void editsAfterAnEditThatWasBuiltAreCheckedFromThatOne() throws IOException {
        GuideGraph base = GuideLoader.load(GuideSources.read(guide), files);
        Checker.check(base, checks);
        files.commit(base);
        Path matrix = guide.resolve("content/graph/matrix.ttl");
        String text = Files.readString(matrix);
        Files.writeString(matrix, text.replace("gg:note \"Alpha\" ;", "gg:note \"Alpha, changed\" ;"));
        GuideGraph second = GuideLoader.load(GuideSources.read(guide), files);
        Checker.check(second, checks);
        files.commit(second);
        Files.writeString(matrix, Files.readString(matrix).replaceFirst("gg:level gg:Yes ;", "gg:level gg:No ;")
                .replaceFirst("    gg:value \"Yes\" ;\n", ""));
        GuideGraph third = GuideLoader.load(GuideSources.read(guide), files);
        assertEquals(second.generation(), third.deltaBase());
        List<Diagnostic> incremental = Checker.check(third, checks).sorted();
        assertEquals(Checker.check(GuideLoader.load(GuideSources.read(guide))).sorted(), incremental);
        assertTrue(!incremental.isEmpty());
    }

    @Test
    void levelEditsInAGuideWithoutProblemsAreComparedForTheNeedsTheyReach(@TempDir Path synth) throws IOException {
        org.guidegraph.synth.SyntheticGuide.write(new org.guidegraph.synth.SyntheticGuide.Spec(4, 60, 30, 5, 7), synth);
        GuideGraph base = GuideLoader.load(GuideSources.read(synth), files);
        Diagnostics clean = Checker.check(base, checks);
        assertEquals(0, clean.errorCount() + clean.warningCount(), clean.sorted().toString());
        files.commit(base);
        Path matrix;
        try (Stream<Path> list = Files.list(synth.resolve("content/graph/matrix"))) {
            matrix = list.sorted().findFirst().orElseThrow();
        }
        String original = Files.readString(matrix);
        int warned = 0;
        for (String level : new String[] {"gg:Yes", "gg:Partial", "gg:No", "gg:Informational"}) {
            int at = original.indexOf("gg:level gg:");
            int end = original.indexOf(" ;", at);
            Files.writeString(matrix, original.substring(0, at) + "gg:level " + level + original.substring(end));
            GuideGraph changed = GuideLoader.load(GuideSources.read(synth), files);
            Diagnostics incremental = Checker.check(changed, checks);
            Diagnostics full = Checker.check(GuideLoader.load(GuideSources.read(synth)));
            assertEquals(full.sorted(), incremental.sorted(), level);
            warned += full.warningCount();
        }
        Files.writeString(matrix, original);
        assertTrue(warned > 0, "some level contradicts a need");
    }

    private static String withoutKserve(String text) {
        int at = text.indexOf("approach:kserve-llmd\n");
        int end = text.indexOf(" .\n", at) + 3;
        return text.substring(0, at) + text.substring(end);
    }

    private record Edit(String file, UnaryOperator<String> change, String expect) {
    }
}
