package org.guidegraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine;

/** Resolves and validates the GUIDE_DIR argument shared by commands. */
final class GuideDir {

    private GuideDir() {
    }

    static Path resolve(CommandLine cl, Path dir) {
        Path p = (dir == null ? Path.of(".") : dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new CommandLine.ParameterException(cl, "GUIDE_DIR " + p + " is not a directory");
        }
        if (!Files.isDirectory(p.resolve("content"))) {
            throw new CommandLine.ParameterException(cl, p + " has no content/ folder: point GUIDE_DIR at a guide "
                    + "(a folder with content/graph/*.ttl)");
        }
        return p;
    }
}
