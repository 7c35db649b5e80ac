package org.guidegraph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guidegraph new}: starts a guide that passes {@code check}, to be filled in. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Creates a new guide folder with content/graph/guide.ttl: the smallest guide that passes check "
                + "(one approach, one feature, one assessment, a one-question decision tree), to replace with yours.")
final class NewCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to create (must not exist or be empty).")
    Path dir;

    @Option(names = "--title", defaultValue = "My decision guide", description = "The guide's title.")
    String title;

    @Option(names = "--iri", paramLabel = "IRI", description = "The guide's IRI, ending in '/' (default: "
            + "https://example.org/guides/<folder name>/); every entity's IRI starts with it.")
    String iri;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && (!Files.isDirectory(target) || hasEntries(target))) {
            throw new CommandLine.ParameterException(cl, target + " exists and is not an empty folder");
        }
        String guideIri = iri != null ? iri
                : "https://example.org/guides/" + slug(target.getFileName().toString()) + "/";
        if (!guideIri.matches("https?://[^\\s<>\"{}|\\\\^`]+/")) {
            throw new CommandLine.ParameterException(cl, "--iri must be an http(s) IRI ending in '/', got " + guideIri);
        }
        String text;
        try (InputStream in = NewCommand.class.getResourceAsStream("new-guide.ttl")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        text = text.replace("{{IRI}}", guideIri).replace("{{TITLE}}", title.replace("\\", "\\\\").replace("\"", "\\\""));
        Path file = target.resolve("content/graph/guide.ttl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        cl.getOut().println("created " + target.relativize(file).toString().replace('\\', '/') + " in " + target);
        cl.getOut().println("next: guidegraph check " + dir + " && guidegraph build " + dir);
        return 0;
    }

    private static boolean hasEntries(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.findAny().isPresent();
        }
    }

    private static String slug(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "guide" : s;
    }
}
