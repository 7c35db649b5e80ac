package org.guidegraph.gates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A built static site on disk: the folder every gate checks.
 *
 * <p>Pages and files are named by their path relative to the site root with {@code /} separators
 * ({@code guide/intro.html}), so that messages never carry absolute paths and read the same on
 * every machine.
 */
public final class Site {

    private final Path root;

    private Site(Path root) {
        this.root = root;
    }

    /**
     * The site whose root folder is {@code root}.
     *
     * @throws IllegalArgumentException if {@code root} is not a folder
     */
    public static Site at(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("no site folder at " + absolute + ": build the site first");
        }
        return new Site(absolute);
    }

    /** The absolute, normalised root folder. */
    public Path root() {
        return root;
    }

    /** Every HTML page ({@code *.html}, {@code *.htm}), sorted by path. */
    public List<String> pages() {
        return files(".html", ".htm");
    }

    /** Every stylesheet ({@code *.css}), sorted by path. */
    public List<String> stylesheets() {
        return files(".css");
    }

    /** Every regular file whose name ends with one of {@code suffixes} (case-insensitive), sorted by path. */
    public List<String> files(String... suffixes) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(this::name)
                    .filter(name -> endsWithAny(name.toLowerCase(Locale.ROOT), suffixes))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + root, e);
        }
    }

    /** The file of a site-relative name. */
    public Path file(String name) {
        return root.resolve(name);
    }

    /** The site-relative name of a file inside the site. */
    public String name(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** The {@code file:} URI of the site root, ending with {@code /}; pages resolve against it. */
    public URI fileBase() {
        return root.toUri();
    }

    /**
     * The URI of a site-relative page under a base ({@link #fileBase()} or {@link SiteServer#base()}),
     * with the path percent-encoded as a browser would.
     */
    public static URI resolve(URI base, String page) {
        if (!base.toString().endsWith("/")) {
            throw new IllegalArgumentException("a site base must end with /, not " + base);
        }
        try {
            // Appended, not URI.resolve()d: resolve() drops the empty authority of file:///.
            return URI.create(base + new URI(null, null, page, null).getRawPath());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot make a URI of page " + page, e);
        }
    }

    private static boolean endsWithAny(String name, String... suffixes) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "site at " + root;
    }
}
