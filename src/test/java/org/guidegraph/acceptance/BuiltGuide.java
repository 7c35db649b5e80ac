package org.guidegraph.acceptance;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.guidegraph.TestGuides;
import org.guidegraph.build.BuildOptions;
import org.guidegraph.build.BuildResult;
import org.guidegraph.build.SiteBuild;
import org.guidegraph.gates.Site;
import org.guidegraph.search.SearchDocument;
import org.guidegraph.search.SearchIndex;
import org.junit.jupiter.api.Assertions;

/**
 * The LLM-serving guide of this repository, freshly built with {@link SiteBuild} into
 * {@code target/acceptance/site}: what the acceptance flows click through.
 *
 * <p>Built at most once per test JVM (a build takes seconds and the flows only read the site), never
 * taken from an earlier run: the first caller in each run rebuilds it.
 */
final class BuiltGuide {

    static final Path OUT = Path.of("target", "acceptance", "site").toAbsolutePath();

    private static BuiltGuide built;

    private final Site site;
    private final List<SearchDocument> searchDocuments;

    private BuiltGuide(Site site, List<SearchDocument> searchDocuments) {
        this.site = site;
        this.searchDocuments = searchDocuments;
    }

    /** The guide built in this JVM, building it on the first call; fails the test if it does not build. */
    static synchronized BuiltGuide get() {
        if (built == null) {
            built = build();
        }
        return built;
    }

    private static BuiltGuide build() {
        try {
            BuildResult result = new SiteBuild(BuildOptions.of(TestGuides.PROJECT, OUT),
                    new PrintWriter(new StringWriter())).run();
            if (!result.ok()) {
                Assertions.fail("the guide does not build:\n" + String.join("\n",
                        result.diagnostics().sorted().stream().map(Object::toString).toList()));
            }
            return new BuiltGuide(Site.at(OUT), result.searchDocuments());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the guide into " + OUT, e);
        }
    }

    /** The built site. */
    Site site() {
        return site;
    }

    /** What the build indexed for search: the documents a server's {@code /search} answers from. */
    List<SearchDocument> searchDocuments() {
        return searchDocuments;
    }

    /** A server-side index of the same documents; close it after use. */
    SearchIndex serverIndex() {
        return SearchIndex.build(searchDocuments);
    }
}
