import java.nio.file.*;
import java.util.*;
import org.guidegraph.search.*;

/**
 * Times the search stage's index and export on a built site as a regeneration does them (a single-file program,
 * run by the java launcher): a first export with an IndexReuse, then ROUNDS exports, each after one section's text
 * changed, each into a new folder linking from the one before, with the process CPU of each; then checks that the
 * last round wrote the bytes of a fresh export.
 *
 *   java -cp target/guidegraph.jar src/test/resources/search/bench/IndexRegeneration.java SITE OUT [ROUNDS]
 */
public class IndexRegeneration {
    public static void main(String[] a) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        List<SearchDocument> docs = new ArrayList<>(SiteSections.extract(Path.of(a[0]), Set.of("404.html", "search.html")));
        int rounds = a.length > 2 ? Integer.parseInt(a[2]) : 6;
        IndexReuse reuse = new IndexReuse();
        Path previous = null;
        for (int r = 0; r <= rounds; r++) {
            if (r > 0) {
                int i = docs.size() / 2;
                SearchDocument d = docs.get(i);
                docs.set(i, new SearchDocument(d.id(), d.url(), d.title(), d.type(), d.body() + " changed" + r));
            }
            Path out = Path.of(a[1], "r" + r);
            long t = System.nanoTime(), c = os.getProcessCpuTime();
            SearchIndex index = SearchIndex.build(docs, reuse);
            long c1 = os.getProcessCpuTime();
            ExportedIndex e = StaticIndexExporter.defaults().write(index, out, reuse, previous);
            reuse.commit();
            System.out.printf("%s: %d docs; index CPU %d ms, export CPU %d ms; %d ms wall; %d files%n",
                    r == 0 ? "first" : "round " + r, docs.size(), (c1 - c) / 1000000,
                    (os.getProcessCpuTime() - c1) / 1000000, (System.nanoTime() - t) / 1000000, e.files().size());
            previous = out;
        }
        // The last regenerated index must be the bytes of a fresh export of the same documents.
        Path fresh = Path.of(a[1], "fresh");
        StaticIndexExporter.export(docs, fresh);
        try (var files = Files.list(fresh)) {
            for (Path f : files.toList()) {
                if (Files.mismatch(f, previous.resolve(f.getFileName())) != -1) {
                    throw new AssertionError("differs from a fresh export: " + f.getFileName());
                }
            }
        }
        try (var files = Files.list(previous)) {
            if (files.count() != Files.list(fresh).count()) {
                throw new AssertionError("not the files of a fresh export");
            }
        }
        System.out.println("the last round's files are those of a fresh export");
    }
}
