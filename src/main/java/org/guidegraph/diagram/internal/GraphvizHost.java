package org.guidegraph.diagram.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizEngine;
import org.guidegraph.diagram.DiagramEngine;
import org.guidegraph.diagram.DiagramException;

/**
 * The one place that touches graphviz-java's engine.
 *
 * <p>Why a global: graphviz-java keeps its engine in static fields ({@code Graphviz.useEngine} replaces it for the
 * whole JVM), and its JavaScript engines keep one JavaScript runtime per thread (a {@code ThreadLocal}; starting V8
 * and loading viz.js costs about half a second per thread, and a V8 runtime must not be shared between threads).
 * So every layout runs here, one at a time, on one dedicated daemon thread that owns the runtime; the engine is
 * switched only when a caller asks for a different setup. Callers never see the global: they hold a
 * {@link org.guidegraph.diagram.GraphvizRenderer}.
 *
 * <p>J2V8 extracts its native library into the folder it is given (graphviz-java passes it to
 * {@code V8.createV8Runtime(null, folder)}; without one J2V8 uses {@code user.home}). It first tries
 * {@code java.library.path} and {@code user.dir/jni}, and it loads the library once per JVM: a later setup with
 * another folder reuses the library already loaded.
 */
public final class GraphvizHost {

    private static final GraphvizHost INSTANCE = new GraphvizHost();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "guidegraph-graphviz");
        t.setDaemon(true);
        return t;
    });

    /** The engine running now; only read and written on the worker thread. */
    private Setup active;

    /**
     * An engine and where it may write.
     *
     * @param engine the engine
     * @param workDir the build's own folder for the engine's files (J2V8's native library goes in
     *     {@code workDir/j2v8})
     */
    public record Setup(DiagramEngine engine, Path workDir) {

        /** Where J2V8's native library is extracted. */
        public Path nativeDir() {
            return workDir.resolve("j2v8").toAbsolutePath().normalize();
        }
    }

    private GraphvizHost() {
    }

    /** The host. */
    public static GraphvizHost instance() {
        return INSTANCE;
    }

    /**
     * Checks, without starting anything, what is known to stop an engine: the platform for v8, a {@code dot}
     * program on PATH for dot, the GraalJS classes for graal.
     *
     * @throws DiagramException naming the engines to choose from, when the engine cannot start here
     */
    public static void checkAvailable(DiagramEngine engine) {
        switch (engine) {
            case V8 -> {
                String os = System.getProperty("os.name", "");
                String arch = System.getProperty("os.arch", "");
                if (!os.toLowerCase(Locale.ROOT).startsWith("linux") || !(arch.equals("amd64")
                        || arch.equals("x86_64"))) {
                    throw cannotStart(engine, "the J2V8 library graphviz-java bundles is built for Linux x86-64"
                            + " only, and this JVM runs on " + os + " " + arch, null);
                }
            }
            case DOT -> {
                if (findOnPath("dot") == null) {
                    throw cannotStart(engine, "there is no 'dot' program on PATH (install Graphviz, e.g."
                            + " 'apt-get install graphviz')", null);
                }
            }
            case GRAAL -> {
                try {
                    Class.forName("org.graalvm.polyglot.Context", false, GraphvizHost.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw cannotStart(engine, "GraalJS is not on the class path (add org.graalvm.polyglot:polyglot"
                            + " and org.graalvm.polyglot:js-community 23.1.x to the pom)", null);
                }
            }
            default -> throw new IllegalStateException("unhandled engine " + engine);
        }
    }

    /**
     * Starts the engine of this setup now, unless it is the one running.
     *
     * @throws DiagramException when it cannot start
     */
    public void start(Setup setup) {
        call(() -> {
            use(setup);
            return null;
        });
    }

    /**
     * Lays DOT out as SVG (graphviz-java's SVG, before any post-processing), starting the engine if needed.
     *
     * @throws DiagramException when the engine cannot start or Graphviz rejects the DOT
     */
    public String layout(Setup setup, String dot) {
        return call(() -> {
            use(setup);
            try {
                return Graphviz.fromString(dot).render(Format.SVG).toString();
            } catch (RuntimeException e) {
                throw new DiagramException("Graphviz (" + setup.engine().id() + ") could not lay out the diagram: "
                        + message(e), e);
            }
        });
    }

    private <T> T call(java.util.concurrent.Callable<T> task) {
        Future<T> f = worker.submit(task);
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof DiagramException d) {
                throw d;
            }
            throw new DiagramException("diagram layout failed: " + message(c), c);
        } catch (InterruptedException e) {
            f.cancel(false);
            Thread.currentThread().interrupt();
            throw new DiagramException("interrupted while laying out a diagram", e);
        }
    }

    /** Runs on the worker thread. */
    private void use(Setup setup) {
        if (setup.equals(active)) {
            return;
        }
        active = null;
        checkAvailable(setup.engine());
        GraphvizEngine engine = create(setup);
        Throwable failure;
        try {
            Graphviz.useEngine(engine);
            failure = ((Engines.Started) engine).startFailure();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        if (failure != null) {
            // graphviz-java now holds an error engine (or, after an Error, an empty queue that would make the next
            // useEngine wait two minutes): reset it so the next setup starts clean.
            try {
                Graphviz.releaseEngine();
            } catch (RuntimeException ignored) {
                // the failed engine has nothing to release
            }
            throw cannotStart(setup.engine(), message(failure), failure);
        }
        active = setup;
    }

    private static GraphvizEngine create(Setup setup) {
        return switch (setup.engine()) {
            case V8 -> {
                Path dir = setup.nativeDir();
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    throw cannotStart(setup.engine(), "cannot create the folder for its native library " + dir
                            + ": " + e.getMessage(), e);
                }
                yield new Engines.V8(dir.toString());
            }
            case DOT -> new Engines.Dot();
            case GRAAL -> new Engines.Graal();
        };
    }

    private static DiagramException cannotStart(DiagramEngine engine, String why, Throwable cause) {
        return new DiagramException("diagram engine '" + engine.id() + "' cannot start: " + why
                + ". Choose one of " + DiagramEngine.choices(), cause);
    }

    private static String findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /** The innermost message, on one line (J2V8 and graphviz-java wrap their causes). */
    private static String message(Throwable t) {
        Throwable c = t;
        String m = null;
        while (c != null) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                m = c.getMessage();
            }
            c = c.getCause() == c ? null : c.getCause();
        }
        return m == null ? t.getClass().getSimpleName() : m.strip().replaceAll("\\s+", " ");
    }
}
