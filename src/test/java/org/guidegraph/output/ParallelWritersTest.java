package org.guidegraph.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.guidegraph.TestGuides;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.graph.GuideLoader;
import org.guidegraph.source.GuideSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelWritersTest {

    @TempDir
    Path tmp;

    @Test
    void exportsAndDescriptionsAreTheSameBytesOnOneThreadAndOnFour() throws Exception {
        GuideGraph g = GuideLoader.load(GuideSources.read(TestGuides.PROJECT));
        GraphExports.write(g, Files.createDirectories(tmp.resolve("one")), "https://example.org/", "/sparql");
        EntityDescriptions.write(g, tmp.resolve("one"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Path four = Files.createDirectories(tmp.resolve("four"));
            Tasks.join(GraphExports.write(g, four, "https://example.org/", "/sparql", pool));
            List<String> files = EntityDescriptions.files(g);
            Tasks.join(EntityDescriptions.write(g, files, four, pool));
        } finally {
            pool.shutdown();
        }
        Map<String, String> one = tree(tmp.resolve("one"));
        assertTrue(one.size() > 100, "the guide's exports and descriptions: " + one.size());
        assertEquals(one, tree(tmp.resolve("four")));
    }

    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }
}
