package org.guidegraph.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.guidegraph.build.BuildOptions;
import org.guidegraph.build.BuildResult;
import org.guidegraph.build.Regeneration;
import org.guidegraph.build.SiteBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site regenerated after edits to one file of a split matrix (the graph copied from the last build and changed
 * by the delta, the check made from the last build's findings) has the bytes of a full build of the same sources.
 */
class RegeneratedSyntheticSiteTest {

    @TempDir
    Path tmp;

    @Test
    void aRegenerationAfterCellEditsGivesTheSiteOfAFullBuild() throws IOException {
        Path guide = tmp.resolve("guide");
        SyntheticGuide.write(new SyntheticGuide.Spec(3, 30, 10, 3, 5), guide);
        Path out = tmp.resolve("site");
        Regeneration regeneration = new Regeneration();
        assertTrue(build(guide, out, regeneration).ok());
        Path matrix;
        try (Stream<Path> list = Files.list(guide.resolve("content/graph/matrix"))) {
            matrix = list.sorted().findFirst().orElseThrow();
        }
        String text = Files.readString(matrix);
        int at = text.indexOf("gg:level gg:");
        int end = text.indexOf(" ;", at);
        String level = text.substring(at, end).endsWith("gg:No") ? "gg:level gg:Yes" : "gg:level gg:No";
        Files.writeString(matrix, text.substring(0, at) + level + text.substring(end)
                .replaceFirst("gg:value \"", "gg:value \"Changed "));
        BuildResult again = build(guide, out, regeneration);
        assertTrue(again.ok(), () -> again.diagnostics().sorted().toString());
        assertTrue(regeneration.lastRendered() < regeneration.lastTotal(), "a regeneration, not a full build");

        Path full = tmp.resolve("full");
        assertTrue(build(guide, full, null).ok());
        Map<String, String> expected = tree(full);
        Map<String, String> actual = tree(out);
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((f, bytes) -> assertEquals(bytes, actual.get(f), f));
    }

    private static BuildResult build(Path guide, Path out, Regeneration regeneration) throws IOException {
        return new SiteBuild(BuildOptions.of(guide, out), new PrintWriter(Writer.nullWriter()), regeneration).run();
    }

    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.put(dir.relativize(p).toString(), new String(Files.readAllBytes(p),
                        java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
