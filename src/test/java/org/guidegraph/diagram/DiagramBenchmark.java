package org.guidegraph.diagram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Prints how long diagrams take: the first SVG in a fresh JVM (V8 start, viz.js load, layout), the next ones, and a
 * cache hit. Run it on its own JVM, after {@code mvn test-compile}:
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.guidegraph.diagram.DiagramBenchmark
 * </pre>
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class DiagramBenchmark {

    private DiagramBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String serving = new DotBuilder(Fixtures::href).dot(Fixtures.servingTree());
        String deep = new DotBuilder(iri -> null).dot(DecisionTreeQuery.builtIn()
                .all(Fixtures.generated("https://example.org/g/", 4, 3)).get(0));
        GraphvizRenderer v8 = GraphvizRenderer.create(DiagramEngine.V8, Fixtures.WORK_DIR);

        long t0 = System.nanoTime();
        v8.start();
        long start = System.nanoTime() - t0;
        v8.render(serving);
        long first = System.nanoTime() - t0;
        System.out.printf("first SVG, serving tree: %d ms (engine start: extract J2V8, start V8, load viz.js: %d ms)%n",
                first / 1_000_000, start / 1_000_000);

        int n = 20;
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            v8.render(serving);
        }
        System.out.printf("next SVG, serving tree (3 questions, 4 outcomes): %.1f ms (mean of %d)%n",
                (System.nanoTime() - t0) / 1e6 / n, n);

        t0 = System.nanoTime();
        v8.render(deep);
        System.out.printf("first SVG, depth 4 x breadth 3 (40 questions, 81 outcomes): %d ms%n",
                (System.nanoTime() - t0) / 1_000_000);
        t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            v8.render(deep);
        }
        System.out.printf("next SVG, depth 4 x breadth 3: %.1f ms (mean of 5)%n", (System.nanoTime() - t0) / 1e6 / 5);

        Path cache = Files.createTempDirectory("gg-diagram-bench");
        try {
            CachingRenderer cached = new CachingRenderer(v8, cache);
            cached.render(serving);
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                cached.render(serving);
            }
            System.out.printf("cache hit: %.2f ms (mean of %d)%n", (System.nanoTime() - t0) / 1e6 / n, n);
        } finally {
            try (Stream<Path> files = Files.walk(cache)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
