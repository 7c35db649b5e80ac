package org.guidegraph.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.guidegraph.build.BuildOptions;
import org.guidegraph.build.BuildResult;
import org.guidegraph.build.Regeneration;
import org.guidegraph.build.SiteBuild;
import org.guidegraph.output.SiteWriter;
import org.guidegraph.render.jbake.CommonmarkEngine;
import org.guidegraph.synth.SyntheticGuide;
import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.parser.Engines;

/**
 * Prints the scale figures of issue 7 for synthetic guides of 1,000 and 10,000 pages (or the sizes given): a full
 * build's wall time and each stage's time and pages/s, peak RSS, output bytes, a rebuild after a one-cell change
 * (the first, and the median of the later half of 12 more in a row), and, as the reference, the same number of
 * plain markdown pages baked by stock JBake. Every measurement runs in a fresh JVM (so peak RSS is that run's own
 * and nothing is warm that a user's run would not have), in a work folder on {@code /dev/shm} where there is one.
 *
 * <pre>
 * mvn -B -q -Pbench test                                   # 1,000 and 10,000 pages
 * mvn -B -q -Pbench test -Dbench.args="1000 5000 --jbake-limit 600"
 * </pre>
 */
public final class BuildBenchmark {

    private static final String RESULT = "RESULT ";
    private static final int DEPTH = 6;
    private static final long SEED = 1;

    private BuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            return;
        }
        List<Integer> sizes = new ArrayList<>();
        int jbakeLimit = 300;
        boolean jbake = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jbake-limit" -> jbakeLimit = Integer.parseInt(args[++i]);
                case "--no-jbake" -> jbake = false;
                default -> sizes.add(Integer.parseInt(args[i].replace(",", "").replace("_", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1_000, 10_000);
        }
        Path root = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm/guidegraph-bench")
                : Path.of("target/guidegraph-bench");
        System.out.println(machine());
        System.out.println("work folder: " + root);
        List<Map<String, String>> results = new ArrayList<>();
        for (int n : sizes) {
            Path work = root.resolve(String.valueOf(n));
            SiteWriter.deleteTree(work);
            Files.createDirectories(work);
            Map<String, String> r = fork("build", n, work, 0);
            if (jbake) {
                r.putAll(fork("jbake", n, work, jbakeLimit));
            }
            results.add(r);
            SiteWriter.deleteTree(work);
        }
        System.out.println();
        System.out.print(table(sizes, results));
    }

    // --- parent -------------------------------------------------------------------------------------------------

    private static Map<String, String> fork(String what, int n, Path work, int limitSeconds) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        String jvm = System.getProperty("bench.jvm", "");
        if (!jvm.isBlank()) {
            cmd.addAll(List.of(jvm.strip().split("\\s+")));
        }
        cmd.addAll(List.of(BuildBenchmark.class.getName(), "--child", what, String.valueOf(n), work.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, String> out = new LinkedHashMap<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith(RESULT)) {
                        String kv = line.substring(RESULT.length());
                        int eq = kv.indexOf('=');
                        synchronized (out) {
                            out.put(kv.substring(0, eq), kv.substring(eq + 1));
                        }
                    }
                    System.out.println("  [" + what + " " + n + "] " + line);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        reader.start();
        boolean done = limitSeconds <= 0 ? p.waitFor() >= 0 : p.waitFor(limitSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
            synchronized (out) {
                out.put(what + ".timeout", String.valueOf(limitSeconds));
            }
        }
        reader.join();
        if (done && p.exitValue() != 0) {
            throw new IllegalStateException(what + " " + n + " failed with exit code " + p.exitValue());
        }
        return out;
    }

    private static String table(List<Integer> sizes, List<Map<String, String>> results) {
        List<String> keys = new ArrayList<>();
        for (Map<String, String> r : results) {
            for (String k : r.keySet()) {
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }
        }
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("figure"));
        sizes.forEach(n -> head.add(String.format(Locale.ROOT, "%,d pages", n)));
        if (sizes.size() == 2) {
            head.add("ratio");
        }
        rows.add(head.toArray(String[]::new));
        for (String k : keys) {
            if (k.startsWith("stage.") && k.endsWith(".ms") || TABLED.contains(k)) {
                List<String> row = new ArrayList<>(List.of(label(k)));
                List<Double> values = new ArrayList<>();
                for (Map<String, String> r : results) {
                    String v = r.get(k);
                    String pages = r.get(k.startsWith("jbake") ? "jbake.pages" : "pages");
                    row.add(v == null ? "–" : format(k, v, pages));
                    values.add(v == null ? Double.NaN : Double.parseDouble(v));
                }
                if (sizes.size() == 2) {
                    double ratio = values.get(1) / values.get(0);
                    row.add(Double.isNaN(ratio) || Double.isInfinite(ratio) ? "–"
                            : String.format(Locale.ROOT, "%.1f×", ratio));
                }
                rows.add(row.toArray(String[]::new));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            sb.append("| ").append(String.join(" | ", rows.get(i))).append(" |\n");
            if (i == 0) {
                sb.append("|").append("---|".repeat(rows.get(0).length)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String label(String k) {
        return switch (k) {
            case "pages" -> "pages built";
            case "build.ms" -> "full build, wall (pages/s)";
            case "build.cpu.ms" -> "full build, CPU of all threads (pages/s)";
            case "build.warm.ms" -> "full build again in the same JVM (JIT warm), wall (pages/s)";
            case "build.warm.cpu.ms" -> "full build again in the same JVM (JIT warm), CPU (pages/s)";
            case "rss.mb" -> "peak RSS (VmHWM), MB";
            case "bytes" -> "output bytes";
            case "search.bytes" -> "static search index bytes (search/)";
            case "rebuild.ms" -> "one-cell change: rebuild, wall (pages/s)";
            case "rebuild.session.ms" -> "one-cell change, later rebuilds of 12 in a row: median wall (pages/s)";
            case "rebuild.cpu.ms" -> "one-cell change: rebuild, CPU (pages/s)";
            case "jbake.cpu.ms" -> "stock JBake, CPU (pages/s)";
            case "rebuild.pages" -> "one-cell change: pages re-rendered";
            case "jbake.ms" -> "stock JBake, same number of markdown pages (pages/s)";
            case "jbake.timeout" -> "stock JBake stopped after, s";
            case "jbake.rss.mb" -> "stock JBake peak RSS, MB";
            default -> k.endsWith(".cpu.ms")
                    ? "stage " + k.substring("stage.".length(), k.length() - ".cpu.ms".length()) + ", CPU ms (pages/s)"
                    : "stage " + k.substring("stage.".length(), k.length() - ".ms".length()) + ", wall ms (pages/s)";
        };
    }

    private static String format(String k, String v, String pages) {
        if (k.endsWith(".ms") && pages != null) {
            double ms = Double.parseDouble(v);
            double perSecond = ms <= 0 ? Double.POSITIVE_INFINITY : Integer.parseInt(pages) * 1000.0 / ms;
            return String.format(Locale.ROOT, "%,d (%,.0f)", (long) ms, perSecond);
        }
        return String.format(Locale.ROOT, "%,d", Long.parseLong(v));
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse(cpu);
        } catch (IOException e) {
            // not Linux: the CPU stays unnamed
        }
        return String.format(Locale.ROOT, "machine: %d cores (%s), %,d MB RAM visible to the JVM's default heap "
                + "sizing, Java %s (%s), %s %s", Runtime.getRuntime().availableProcessors(), cpu,
                Runtime.getRuntime().maxMemory() / (1024 * 1024) * 4, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    // --- child --------------------------------------------------------------------------------------------------

    private static void child(String what, int n, Path work) throws Exception {
        switch (what) {
            case "build" -> {
                build(n, work);
                warmBuilds(work);
            }
            case "jbake" -> jbake(n, work);
            default -> throw new IllegalArgumentException("unknown child " + what);
        }
        System.out.println(RESULT + (what.equals("jbake") ? "jbake.rss.mb" : "rss.mb") + "=" + peakRssMb());
    }

    private static void build(int n, Path work) throws Exception {
        Path guide = work.resolve("guide");
        Path site = work.resolve("site");
        SyntheticGuide.Spec spec = SyntheticGuide.Spec.forPages(n, fixedPages(), DEPTH, SEED);
        SyntheticGuide.write(spec, guide);
        System.out.println("guide: " + spec + " → " + String.join(", ", SyntheticGuide.describe(spec)));

        StageCpu log = new StageCpu();
        long t = System.nanoTime();
        long cpu = processCpuMs();
        Regeneration regeneration = new Regeneration();
        BuildResult r = new SiteBuild(BuildOptions.of(guide, site), log, regeneration).run();
        long ms = (System.nanoTime() - t) / 1_000_000;
        cpu = processCpuMs() - cpu;
        if (!r.ok()) {
            throw new IllegalStateException("build failed: " + r.diagnostics().sorted());
        }
        System.out.println(RESULT + "pages=" + r.pages());
        System.out.println(RESULT + "build.ms=" + ms);
        System.out.println(RESULT + "build.cpu.ms=" + cpu);
        for (String line : r.stages()) {
            String[] parts = line.strip().split("\\s+");
            System.out.println(RESULT + "stage." + parts[0] + ".ms=" + parts[1]);
            System.out.println(RESULT + "stage." + parts[0] + ".cpu.ms=" + log.cpu.get(parts[0]));
        }
        System.out.println(RESULT + "bytes=" + r.bytes());
        System.out.println(RESULT + "search.bytes=" + folderBytes(site.resolve("search")));

        // One cell of the matrix changes; the site is regenerated as `serve` does it, in the same JVM: only the pages
        // whose query results changed are rendered again.
        Path matrix = RegenerationBenchmark.cellFile(guide);
        String text = Files.readString(matrix);
        int at = text.indexOf("gg:value \"");
        int end = text.indexOf('"', at + "gg:value \"".length());
        Files.writeString(matrix, text.substring(0, at) + "gg:value \"Changed by the benchmark" + text.substring(end));
        t = System.nanoTime();
        cpu = processCpuMs();
        StringWriter rebuildLog = new StringWriter();
        BuildResult again = new SiteBuild(BuildOptions.of(guide, site), new PrintWriter(rebuildLog), regeneration).run();
        ms = (System.nanoTime() - t) / 1_000_000;
        if (!again.ok()) {
            throw new IllegalStateException("rebuild failed: " + again.diagnostics().sorted());
        }
        System.out.println(RESULT + "rebuild.ms=" + ms);
        System.out.println(RESULT + "rebuild.cpu.ms=" + (processCpuMs() - cpu));
        System.out.println(RESULT + "rebuild.pages=" + regeneration.lastRendered());
        for (String line : again.stages()) {
            System.out.println("  rebuild " + line.strip());
        }
        // More changes in a row, as an editing session makes them: the first one ran with the JIT still cold for
        // the regeneration's own code. Each is a word longer or shorter than the one before, so each changes the
        // search index's statistics.
        List<Long> session = new ArrayList<>();
        for (int i = 0; i < SESSION_CHANGES; i++) {
            Files.writeString(matrix, text.substring(0, at) + "gg:value \"Changed by the benchmark, " + i
                    + " again".repeat(i % 2) + text.substring(end));
            t = System.nanoTime();
            BuildResult next = new SiteBuild(BuildOptions.of(guide, site), new PrintWriter(Writer.nullWriter()),
                    regeneration).run();
            if (!next.ok()) {
                throw new IllegalStateException("rebuild failed: " + next.diagnostics().sorted());
            }
            session.add((System.nanoTime() - t) / 1_000_000);
        }
        List<Long> later = new ArrayList<>(session.subList(session.size() / 2, session.size()));
        Collections.sort(later);
        System.out.println(RESULT + "rebuild.session.ms=" + later.get(later.size() / 2));
        System.out.println("  rebuilds in a row, wall ms: " + session);
    }

    private static void warmBuilds(Path work) throws Exception {
        Path guide = work.resolve("guide");
        // The same full build again, twice, in this JVM: its JIT has compiled the build's code by now, as in a
        // `serve` session whose change needs a full build (a template, the ontology). The second is reported; the
        // difference from the first full build is the JVM's warm-up.
        long warm = 0;
        long warmCpu = 0;
        StageCpu log = null;
        BuildResult w = null;
        for (int i = 0; i < 2; i++) {
            Path fresh = work.resolve("site-warm-" + i);
            log = new StageCpu();
            long t = System.nanoTime();
            long cpu = processCpuMs();
            w = new SiteBuild(BuildOptions.of(guide, fresh), log).run();
            warm = (System.nanoTime() - t) / 1_000_000;
            warmCpu = processCpuMs() - cpu;
            if (!w.ok()) {
                throw new IllegalStateException("warm build failed: " + w.diagnostics().sorted());
            }
        }
        System.out.println(RESULT + "build.warm.ms=" + warm);
        System.out.println(RESULT + "build.warm.cpu.ms=" + warmCpu);
        for (String line : w.stages()) {
            String stage = line.strip().split("\\s+")[0];
            System.out.println("  warm " + line.strip() + "  (CPU " + log.cpu.get(stage) + " ms)");
        }
    }

    /** The figures of the table besides the stages' times. */
    private static final java.util.Set<String> TABLED = java.util.Set.of("build.ms", "build.cpu.ms", "build.warm.ms",
            "build.warm.cpu.ms", "rebuild.ms",
            "rebuild.session.ms", "jbake.ms", "rss.mb", "bytes", "pages", "rebuild.pages", "rebuild.cpu.ms",
            "jbake.cpu.ms", "search.bytes", "jbake.timeout", "jbake.rss.mb");

    /** One-cell changes made after the first, in a row; the median of the later half is reported. */
    private static final int SESSION_CHANGES = 12;

    private static long folderBytes(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** The pages of the whole guide the built-in templates add ({@code page-*.ftl}). */
    private static int fixedPages() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("templates"))) {
            return (int) s.filter(p -> p.getFileName().toString().startsWith("page-")).count();
        }
    }

    /**
     * {@code n} markdown pages of prose baked by JBake with its stock renderers and minimal templates. JBake's own
     * markdown engine needs flexmark, which guidegraph does not ship, so markdown goes through the same commonmark
     * engine guidegraph registers.
     */
    private static void jbake(int n, Path work) throws Exception {
        Path project = work.resolve("jbake");
        Path content = project.resolve("content");
        Files.createDirectories(content);
        Files.createDirectories(project.resolve("templates"));
        Files.createDirectories(project.resolve("assets"));
        Files.writeString(project.resolve("templates/page.ftl"), """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>${content.title}</title></head>
                <body><main><h1>${content.title}</h1>
                ${content.body}
                </main></body></html>
                """);
        Files.writeString(project.resolve("jbake.properties"), """
                render.index=false
                render.feed=false
                render.archive=false
                render.tags=false
                render.sitemap=false
                render.error404=false
                db.store=memory
                default.status=published
                default.type=page
                """);
        Random rng = new Random(SEED);
        String[] words = ("the a of to and in for with on model request cluster node cache latency throughput memory "
                + "replica gateway operator team workload deployment token batch queue policy budget upgrade release "
                + "version feature option default setting metric dashboard alert trace log").split(" ");
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder("title=Page " + (i + 1) + "\nstatus=published\ntype=page\n~~~~~~\n\n");
            for (int p = 0; p < 5; p++) {
                sb.append("## Section ").append(p + 1).append("\n\n");
                for (int s = 0; s < 6; s++) {
                    for (int k = 0; k < 12; k++) {
                        sb.append(k == 0 ? "" : " ").append(words[rng.nextInt(words.length)]);
                    }
                    sb.append(". ");
                }
                sb.append("\n\n");
            }
            Files.writeString(content.resolve("page-" + (i + 1) + ".md"), sb.toString());
        }
        long t = System.nanoTime();
        long cpu = processCpuMs();
        JBakeConfiguration config = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(project.toFile(), work.resolve("jbake-out").toFile(), true);
        Engines.register("md", new CommonmarkEngine());
        Oven oven = new Oven(config);
        oven.bake();
        long ms = (System.nanoTime() - t) / 1_000_000;
        if (!oven.getErrors().isEmpty()) {
            throw new IllegalStateException("JBake: " + oven.getErrors());
        }
        long pages;
        try (Stream<Path> s = Files.walk(work.resolve("jbake-out"))) {
            pages = s.filter(p -> p.toString().endsWith(".html")).count();
        }
        System.out.println(RESULT + "jbake.pages=" + pages);
        System.out.println(RESULT + "jbake.ms=" + ms);
        System.out.println(RESULT + "jbake.cpu.ms=" + (processCpuMs() - cpu));
    }

    /**
     * The build's log, noting the process CPU time (all threads: JIT and GC included) when each stage's line
     * arrives, so each stage's CPU time is the difference from the line before. Wall times on a shared machine
     * include waiting for a core; CPU times do not.
     */
    private static final class StageCpu extends PrintWriter {
        final Map<String, Long> cpu = new LinkedHashMap<>();
        private long last = processCpuMs();

        StageCpu() {
            super(System.out, true);
        }

        @Override
        public void println(String line) {
            long now = processCpuMs();
            String[] parts = line.strip().split("\\s+");
            if (parts.length > 2 && parts[2].equals("ms")) {
                cpu.put(parts[0], now - last);
                last = now;
            }
            super.println(line);
        }
    }

    private static long processCpuMs() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000 : -1;
    }

    /** Peak resident set size of this JVM, from /proc/self/status (VmHWM), in MB; -1 where there is none. */
    private static long peakRssMb() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmHWM:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }
}
