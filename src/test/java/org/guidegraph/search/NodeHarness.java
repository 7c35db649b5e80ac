package org.guidegraph.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the query core of {@code templates/assets/search.js} in node through {@code node-harness.js}. */
final class NodeHarness {

    static final Path SEARCH_JS = Path.of("templates/assets/search.js");
    static final Path HARNESS = Fixtures.ROOT.resolve("node-harness.js");

    private static Boolean available;

    private NodeHarness() {
    }

    /** A query as the browser would run it. */
    record Query(String q, String type, int limit) {
    }

    record Hit(String url, double score, String title, String snippet) {
    }

    /**
     * What one query did with a fresh engine (nothing loaded yet).
     *
     * @param words how many words of the query were searched for (0: nothing to search for)
     * @param files the index files loaded, in order, without ".js"
     * @param bytes their total size
     */
    record Result(int total, int words, double coldMs, double warmMs, long bytes, List<String> files,
            List<Hit> hits) {
    }

    /** Whether {@code node} runs here. */
    static synchronized boolean available() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
        }
        return available;
    }

    /** The stems search.js gives {@code words}. */
    static List<String> stems(List<String> words, Path work) throws IOException, InterruptedException {
        Path file = work.resolve("words.txt");
        Files.writeString(file, String.join("\n", words) + "\n", StandardCharsets.UTF_8);
        return Arrays.asList(run("stem", SEARCH_JS.toString(), file.toString()).split("\n"));
    }

    /** Runs each query on a fresh engine over the index in {@code index}, then {@code warmRuns} times again. */
    static List<Result> search(Path index, List<Query> queries, int warmRuns, Path work)
            throws IOException, InterruptedException {
        Path file = work.resolve("queries.tsv");
        StringBuilder sb = new StringBuilder();
        for (Query q : queries) {
            sb.append(q.q()).append('\t').append(q.type() == null ? "" : q.type()).append('\t').append(q.limit())
                    .append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        String out = run("search", SEARCH_JS.toString(), index.toString(), file.toString(),
                Integer.toString(warmRuns));
        List<Result> results = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("Q")) {
                results.add(new Result(Integer.parseInt(f[2]), Integer.parseInt(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]), Long.parseLong(f[6]),
                        f[7].isEmpty() ? List.of() : List.of(f[7].split(",")), new ArrayList<>()));
            } else if (f[0].equals("H")) {
                results.get(Integer.parseInt(f[1])).hits()
                        .add(new Hit(f[3], Double.parseDouble(f[4]), f[5], f[6]));
            }
        }
        return results;
    }

    private static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", HARNESS.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("node " + String.join(" ", command) + " failed (exit " + p.exitValue() + ")");
        }
        return out;
    }
}
