package org.guidegraph;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

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
