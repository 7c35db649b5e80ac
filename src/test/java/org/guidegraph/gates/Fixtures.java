package org.guidegraph.gates;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The fixture sites under {@code src/test/resources/sites/} (described in the README there). */
final class Fixtures {

    private Fixtures() {
    }

    /** The fixture site of that name, as copied to the test classpath. */
    static Site site(String name) {
        URL url = Fixtures.class.getResource("/sites/" + name + "/index.html");
        if (url == null) {
            throw new IllegalStateException("no fixture site " + name + " on the test classpath (src/test/resources/sites/" + name + ")");
        }
        try {
            return Site.at(Path.of(url.toURI()).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate fixture site " + name, e);
        }
    }

    /** The files that have at least one problem, sorted. */
    static Set<String> filesWithProblems(List<Problem> problems) {
        TreeSet<String> files = new TreeSet<>();
        problems.forEach(problem -> files.add(problem.file()));
        return files;
    }

    /** The problems as their {@code file:line:col: message} lines. */
    static List<String> lines(List<Problem> problems) {
        return problems.stream().map(Problem::toString).toList();
    }
}
