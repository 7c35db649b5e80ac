package org.guidegraph.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.guidegraph.build.BuildOptions;
import org.guidegraph.build.BuildResult;
import org.guidegraph.build.Regeneration;
import org.guidegraph.build.SiteBuild;

/**
 * Regenerates a built guide after one-cell changes, as {@code serve} does (one JVM, one {@link Regeneration}), and
 * prints the wall time of each regeneration and the wall and CPU time of each stage (all threads of the JVM), as
 * medians of the later half of the rounds (the earlier ones warm the JIT).
 *
 * <pre>
 * java -Xmx1536m -cp target/guidegraph.jar:target/test-classes org.guidegraph.bench.RegenerationBenchmark \
 *     GUIDE_DIR OUT_DIR [ROUNDS] [--same-length]
 * </pre>
 *
 * Each round rewrites the note of the first assessment found in the guide's graph files that has one (a file whose
 * path holds "matrix" first), so {@code GUIDE_DIR} must be a copy that may be edited; the note is put back at the
 * end. Each round's note is a word longer or shorter than the last ({@link #edit}); with {@code --same-length}, the
 * notes keep their number of words, a change the search index takes in less time.
 */
public final class RegenerationBenchmark {

    private static final String NOTE = "gg:note \"";

    private RegenerationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path guide = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        boolean sameLength = args.length > 3 && args[3].equals("--same-length");
        Path cell = cellFile(guide);
        String original = Files.readString(cell);
        Regeneration regeneration = new Regeneration();
        long t = System.nanoTime();
        BuildResult first = new SiteBuild(BuildOptions.of(guide, out), new PrintWriter(Writer.nullWriter()),
                regeneration).run();
        if (!first.ok()) {
            throw new IllegalStateException("build failed: " + first.diagnostics().sorted());
        }
        System.out.printf("full build %d ms, %d pages; changing a note in %s%n", (System.nanoTime() - t) / 1_000_000,
                regeneration.lastTotal(), guide.relativize(cell));
        List<Long> walls = new ArrayList<>();
        Map<String, List<Long>> cpu = new TreeMap<>();
        Map<String, List<Long>> wall = new TreeMap<>();
        try {
            for (int i = 0; i < rounds; i++) {
                int at = original.indexOf(NOTE);
                Files.writeString(cell, original.substring(0, at) + NOTE + edit(i, sameLength)
                        + original.substring(at + NOTE.length()));
                StageCpu log = new StageCpu();
                t = System.nanoTime();
                BuildResult r = new SiteBuild(BuildOptions.of(guide, out), log, regeneration).run();
                walls.add((System.nanoTime() - t) / 1_000_000);
                if (!r.ok()) {
                    throw new IllegalStateException("regeneration failed: " + r.diagnostics().sorted());
                }
                log.cpu.forEach((stage, ms) -> cpu.computeIfAbsent(stage, k -> new ArrayList<>()).add(ms));
                log.wall.forEach((stage, ms) -> wall.computeIfAbsent(stage, k -> new ArrayList<>()).add(ms));
            }
        } finally {
            Files.writeString(cell, original);
        }
        System.out.printf("regeneration wall ms, median of the later half: %d (all: %s); pages re-rendered: %d of %d%n",
                median(walls), walls, regeneration.lastRendered(), regeneration.lastTotal());
        cpu.forEach((stage, ms) -> System.out.printf("  %-8s wall ms %5d, CPU ms %5d (medians of the later half)%n",
                stage, median(wall.get(stage)), median(ms)));
    }

    /**
     * The words round {@code i} puts before the note: one more or one fewer word than the round before, so that
     * every round changes the length of the pages that show the note (and with it the search index's statistics,
     * which every score depends on); or, {@code sameLength}, words of the same length every round.
     */
    static String edit(int i, boolean sameLength) {
        return "Changed " + i + ". " + (sameLength ? "" : "Again. ".repeat(i % 2));
    }

    /** The graph file whose cell the benchmarks change: the first that holds a note, one of the matrix if any. */
    public static Path cellFile(Path guide) throws IOException {
        try (Stream<Path> files = Files.walk(guide.resolve("content/graph"))) {
            List<Path> withNotes = files.filter(p -> p.toString().endsWith(".ttl")).sorted().filter(p -> {
                try {
                    return Files.readString(p).contains(NOTE);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            return withNotes.stream().filter(p -> guide.relativize(p).toString().contains("matrix")).findFirst()
                    .or(() -> withNotes.stream().findFirst())
                    .orElseThrow(() -> new IllegalArgumentException("no gg:note in " + guide + "/content/graph"));
        }
    }

    private static long median(List<Long> values) {
        List<Long> later = new ArrayList<>(values.subList(values.size() / 2, values.size()));
        Collections.sort(later);
        return later.isEmpty() ? -1 : later.get(later.size() / 2);
    }

    /** Notes the process CPU time spent between the stage lines a build logs. */
    private static final class StageCpu extends PrintWriter {
        final Map<String, Long> cpu = new TreeMap<>();
        final Map<String, Long> wall = new TreeMap<>();
        private long last = processCpuMs();

        StageCpu() {
            super(Writer.nullWriter());
        }

        @Override
        public void println(String line) {
            long now = processCpuMs();
            String[] parts = line.strip().split("\\s+");
            if (parts.length > 2 && parts[2].equals("ms")) {
                cpu.put(parts[0], now - last);
                wall.put(parts[0], Long.parseLong(parts[1]));
            }
            last = now;
        }
    }

    private static long processCpuMs() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000 : -1;
    }
}
