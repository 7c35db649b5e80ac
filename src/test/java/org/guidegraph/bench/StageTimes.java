package org.guidegraph.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.guidegraph.build.WriteStage;
import org.guidegraph.check.Checker;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.graph.GuideGraph;
import org.guidegraph.graph.GuideLoader;
import org.guidegraph.output.SiteWriter;
import org.guidegraph.query.NamedQueries;
import org.guidegraph.render.PagePlan;
import org.guidegraph.render.ProsePage;
import org.guidegraph.render.ProsePages;
import org.guidegraph.source.GuideSources;

/**
 * Times the load, check and write stages of a build without the render and index stages between them, for working
 * on those three: wall and CPU time (all threads of the JVM) of each, and the peak RSS at the end.
 *
 * <pre>
 * java -Xmx1536m -cp target/guidegraph.jar:target/test-classes org.guidegraph.bench.StageTimes \
 *     GUIDE_DIR OUT_DIR [--pages BUILT_SITE] [--rounds N]
 * </pre>
 *
 * With {@code --pages}, the HTML pages of a site built before are hard-linked into the staged site first (not
 * timed), so that the write stage counts, publishes and replaces a site of the real size. Each round builds into
 * {@code OUT_DIR}, so from the second round on there is a previous site to replace.
 */
public final class StageTimes {

    private StageTimes() {
    }

    public static void main(String[] args) throws Exception {
        Path guide = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        Path pages = null;
        int rounds = 1;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--pages" -> pages = Path.of(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        for (int round = 1; round <= rounds; round++) {
            System.out.println("round " + round);
            round(guide, outDir, pages);
        }
        System.out.println("peak RSS " + peakRssMb() + " MB");
    }

    private static void round(Path guideDir, Path outDir, Path pages) throws IOException {
        Clock c = new Clock();
        GuideSources sources = GuideSources.read(guideDir);
        GuideGraph graph = GuideLoader.load(sources);
        c.stage("load", sources.all().size() + " files, " + graph.size() + " triples");
        Diagnostics ds = Checker.check(graph);
        c.stage("check", ds.errorCount() + " errors, " + ds.warningCount() + " warnings");
        Map<String, String> prefixes = new TreeMap<>(graph.ontology().getNsPrefixMap());
        prefixes.putAll(graph.content().getNsPrefixMap());
        NamedQueries queries = NamedQueries.load(sources, graph.dataset(), prefixes, ds);
        List<ProsePage> prose = ProsePages.read(sources, ds);
        PagePlan plan = PagePlan.plan(graph, prose, ds);
        String baseUrl = graph.namespace().orElse("/");
        c.stage("(plan)", plan.pages().size() + " pages planned");
        try (SiteWriter writer = SiteWriter.open(outDir)) {
            int linked = pages == null ? 0 : linkPages(pages, writer.staging());
            c.stage("(pages)", linked + " pages linked");
            WriteStage.write(sources, queries, graph, plan, baseUrl, "/sparql", writer.staging());
            SiteWriter.Tally written = writer.publish();
            c.stage("write", written.files() + " files, " + written.bytes() + " bytes");
        }
        c.stage("(close)", "previous site removed");
    }

    private static int linkPages(Path site, Path staging) throws IOException {
        List<Path> html = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site)) {
            walk.filter(p -> p.toString().endsWith(".html")).forEach(html::add);
        }
        for (Path p : html) {
            Path target = staging.resolve(site.relativize(p).toString());
            Files.createDirectories(target.getParent());
            Files.createLink(target, p);
        }
        return html.size();
    }

    private static long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    /** Wall and process CPU time since the previous stage. */
    private static final class Clock {
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long wall = System.nanoTime();
        private long cpu = os.getProcessCpuTime();
        private long gc = gcMillis();

        void stage(String name, String what) {
            long w = System.nanoTime();
            long c = os.getProcessCpuTime();
            long g = gcMillis();
            Runtime rt = Runtime.getRuntime();
            System.out.println(String.format(Locale.ROOT,
                    "  %-8s wall %6d ms  cpu %6d ms  gc pauses %5d ms  heap %5d MB  %s", name,
                    (w - wall) / 1_000_000, (c - cpu) / 1_000_000, g - gc,
                    (rt.totalMemory() - rt.freeMemory()) >> 20, what));
            wall = System.nanoTime();
            cpu = os.getProcessCpuTime();
            gc = gcMillis();
        }

        private static long gcMillis() {
            long total = 0;
            for (var b : ManagementFactory.getGarbageCollectorMXBeans()) {
                total += Math.max(0, b.getCollectionTime());
            }
            return total;
        }
    }
}
