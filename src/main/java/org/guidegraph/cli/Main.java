package org.guidegraph.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.slf4j.bridge.SLF4JBridgeHandler;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code guidegraph} command: argument parsing only; each subcommand calls into a pipeline stage. */
@Command(name = "guidegraph",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Turns a decision guide into a knowledge graph and the graph into a website.",
        subcommands = {CheckCommand.class, QueryCommand.class, BuildCommand.class, ServeCommand.class, NewCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 problems found, 2 usage error.",
                "Run 'guidegraph help COMMAND' for a command's options."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exit code when the guide has problems (errors in sources, failed queries). */
    public static final int PROBLEMS = 1;
    /** Exit code for bad arguments. */
    public static final int USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the command line with the given output streams and returns the exit code (for tests and main). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        routeJavaLogging();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("guidegraph: " + ex.getMessage());
            return PROBLEMS;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (new, check, query, build, serve)");
    }

    private static void routeJavaLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
