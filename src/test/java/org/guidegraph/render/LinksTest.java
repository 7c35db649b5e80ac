package org.guidegraph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void linksBetweenPagesGoUpOnlyOutOfTheDirectoriesTheyDoNotShare() {
        assertEquals("feature/x.html", Links.relative("index.html", "feature/x.html"));
        assertEquals("../index.html", Links.relative("feature/x.html", "index.html"));
        assertEquals("y.html", Links.relative("feature/x.html", "feature/y.html"));
        assertEquals("../approach/a.html", Links.relative("feature/x.html", "approach/a.html"));
        assertEquals("../../b/c.html", Links.relative("a/bc/d.html", "b/c.html"));
        assertEquals("../bc/d.html", Links.relative("a/b/c.html", "a/bc/d.html"));
        assertEquals("x.html", Links.relative("feature/x.html", "feature/x.html"));
    }

    @Test
    void relativeLinksAreThoseOfTheSegmentBySegmentRuleForAnyPaths() {
        Random random = new Random(7);
        String[] segments = {"a", "b", "ab", "feature", "x.html", "y.html", "index.html", "", "a.b"};
        for (int n = 0; n < 200_000; n++) {
            String from = path(random, segments);
            String to = path(random, segments);
            assertEquals(Links.bySegments(from, to), Links.relative(from, to), () -> from + " → " + to);
        }
    }

    private static String path(Random random, String[] segments) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(segments[random.nextInt(segments.length)]);
        }
        if (sb.length() == 0 || sb.chars().allMatch(c -> c == '/')) {
            sb.append("p.html");
        }
        return sb.toString();
    }
}
