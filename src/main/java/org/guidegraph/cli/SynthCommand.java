package org.guidegraph.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.guidegraph.synth.SyntheticGuide;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guidegraph synth}: a synthetic guide of any size, for benchmarks and tests. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic guide that passes 'check': approaches, features, a complete matrix, "
                + "accelerators, needs, use cases, resources, a decision tree, a summary and prose pages with "
                + "tables, all with invented but realistic words. The same options give the same bytes.",
            "Pages: about approaches + features + use cases + features/5 needs + features/25 categories "
                + "+ features/100 accelerators + prose pages + the fixed pages of the templates."})
final class SynthCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--approaches", paramLabel = "A", defaultValue = "8",
            description = "Approaches compared (matrix columns; default ${DEFAULT-VALUE}).")
    int approaches;

    @Option(names = "--features", paramLabel = "F", defaultValue = "100",
            description = "Features (matrix rows; default ${DEFAULT-VALUE}).")
    int features;

    @Option(names = "--use-cases", paramLabel = "U", defaultValue = "50",
            description = "Use cases (default ${DEFAULT-VALUE}).")
    int useCases;

    @Option(names = "--depth", paramLabel = "D", defaultValue = "4",
            description = "Questions on the longest path of the decision tree (default ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the word generator (default ${DEFAULT-VALUE}).")
    long seed;

    @Parameters(index = "0", paramLabel = "OUT_DIR", description = "Where to write the guide (must have no content/ yet).")
    Path out;

    @Override
    public Integer call() throws Exception {
        SyntheticGuide.Spec s;
        try {
            s = new SyntheticGuide.Spec(approaches, features, useCases, depth, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path dir = out.toAbsolutePath().normalize();
        Map<String, String> files = SyntheticGuide.write(s, dir);
        long bytes = files.values().stream().mapToLong(t -> t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .sum();
        var log = spec.commandLine().getOut();
        log.println("wrote " + files.size() + " files, " + bytes + " bytes → " + dir);
        log.println(String.join(", ", SyntheticGuide.describe(s)) + ": " + s.entityAndProsePages()
                + " entity and prose pages, plus the fixed pages of the templates");
        return 0;
    }
}
