package org.guidegraph;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.guidegraph.build.SiteBuild;

import org.guidegraph.cli.Main;

/** Paths of the fixture guides and a way to run the command line in-process. */
public final class TestGuides {

    /** The project root: the LLM-serving guide itself. */
    public static final Path PROJECT = Path.of("").toAbsolutePath();
    public static final Path GUIDES = PROJECT.resolve("src/test/resources/guides");
    public static final Path MINIMAL = GUIDES.resolve("minimal");
    public static final Path SECOND = GUIDES.resolve("second-guide");
    public static final Path INVALID = GUIDES.resolve("invalid");

    private TestGuides() {
    }

    /** Copies a folder tree (a guide, or a part of one), leaving out a build's cache, which is no source. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (from.relativize(p).toString().startsWith(SiteBuild.CACHE)) {
                    continue;
                }
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Copies this project's guide (content, ontology, templates) to {@code to}, and returns {@code to}. */
    public static Path copyProject(Path to) throws IOException {
        for (String f : new String[] {"content", "ontology", "templates"}) {
            copy(PROJECT.resolve(f), to.resolve(f));
        }
        return to;
    }

    /** What a command-line run printed and returned. */
    public record Run(int exit, String out, String err) {
    }

    /** Runs {@code guidegraph ARGS} in this JVM. */
    public static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
