package org.guidegraph.cli;

import java.util.concurrent.Callable;

import org.guidegraph.build.BuildOptions;
import org.guidegraph.build.BuildResult;
import org.guidegraph.build.SiteBuild;
import org.guidegraph.diagnostic.Diagnostic;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code guidegraph build}: the static site. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the static site: load, check (errors stop the build), query, render, write. "
                + "The previous site is replaced only when the build succeeds.")
final class BuildCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SiteOptions siteOptions;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Public URL of the site, for canonical links and the sitemap (default: the guide's IRI).")
    String baseUrl;

    @Override
    public Integer call() throws Exception {
        BuildOptions options = siteOptions.toBuildOptions(spec.commandLine(), baseUrl, "/sparql");
        var log = spec.commandLine().getOut();
        BuildResult r = new SiteBuild(options, log).run();
        for (Diagnostic d : r.diagnostics().sorted()) {
            log.println(d.format());
        }
        if (!r.ok()) {
            log.println("build failed: " + CheckCommand.plural(r.diagnostics().errorCount(), "error")
                    + "; the previous site was left as it was");
            return Main.PROBLEMS;
        }
        log.println("built " + r.pages() + " pages, " + r.files() + " files, " + r.bytes() + " bytes in "
                + r.millis() + " ms → " + options.outDir());
        return 0;
    }
}
