import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;
import org.guidegraph.search.*;

/**
 * Times the search stage's steps on a built site with any guidegraph jar, old or new (a single-file program, run
 * by the java launcher, not compiled by the build): extraction of the pages' sections (sequential, as SearchStage
 * did before SiteSections, or "parallel" through SiteSections), then the Lucene index and the static export into OUT.
 *
 *   java -cp target/guidegraph.jar src/test/resources/search/bench/IndexStage.java SITE OUT [parallel]
 */
public class IndexStage {
    public static void main(String[] a) throws Exception {
        Path site = Path.of(a[0]);
        boolean parallel = a.length > 2 && a[2].equals("parallel");
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long t0 = System.nanoTime(), c0 = os.getProcessCpuTime();
        List<SearchDocument> docs = new ArrayList<>();
        if (parallel) { // by reflection, so the program also compiles against jars without SiteSections
            docs.addAll((List<SearchDocument>) Class.forName("org.guidegraph.search.SiteSections")
                    .getMethod("extract", Path.class, Set.class).invoke(null, site, Set.of("404.html", "search.html")));
        } else {
            List<Path> pages;
            try (Stream<Path> w = Files.walk(site)) { pages = w.filter(p -> p.toString().endsWith(".html")).sorted().toList(); }
            for (Path p : pages) {
                String rel = site.relativize(p).toString();
                if (rel.equals("404.html") || rel.equals("search.html")) continue;
                docs.addAll(HtmlSections.extract(rel, Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        long t1 = System.nanoTime(), c1 = os.getProcessCpuTime();
        ExportedIndex e = StaticIndexExporter.export(docs, Path.of(a[1]));
        long t2 = System.nanoTime(), c2 = os.getProcessCpuTime();
        System.out.printf("%d docs; extract %d ms (CPU %d); index+export %d ms (CPU %d); total %d ms (CPU %d); %d bytes, %d files%n",
                docs.size(), (t1 - t0) / 1000000, (c1 - c0) / 1000000, (t2 - t1) / 1000000, (c2 - c1) / 1000000,
                (t2 - t0) / 1000000, (c2 - c0) / 1000000, e.totalBytes(), e.files().size());
    }
}
