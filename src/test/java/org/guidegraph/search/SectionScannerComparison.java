package org.guidegraph.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Over every page of a built site: checks that the scanner reads each as jsoup does, then prints the time of
 * {@link HtmlSections#extract} against the jsoup-based reading (pages read into memory first, single thread).
 * Usage: {@code SectionScannerComparison SITE [ROUNDS]}.
 */
public final class SectionScannerComparison {

    private SectionScannerComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int[] counts = SectionScannerTest.compareAll(site);
        System.out.printf("%d pages, %d scanned, %d left to jsoup; all scanned pages identical%n", counts[0],
                counts[1], counts[0] - counts[1]);
        List<String[]> pages = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                pages.add(new String[] {site.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8)});
            }
        }
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long n = 0;
            for (String[] p : pages) {
                n += HtmlSections.withJsoup(p[0], p[1]).size();
            }
            long t1 = System.nanoTime();
            for (String[] p : pages) {
                n += HtmlSections.extract(p[0], p[1]).size();
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: jsoup %d ms, extract %d ms (%d documents)%n", r + 1, (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, n / 2);
        }
    }
}
