package org.guidegraph.diagram;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.guidegraph.diagram.internal.GraphvizHost;

/**
 * Lays DOT out with graphviz-java and the {@link DiagramEngine} chosen by name, then makes the SVG deterministic and
 * embeddable ({@link SvgPostProcessor}). The engine starts on the first layout, not before, so a build whose
 * diagrams all come from a {@link CachingRenderer} never pays for it.
 *
 * <p>graphviz-java's engine is global to the JVM; all renderers share it through one wrapper that runs layouts on a
 * single thread (see {@code GraphvizHost}). Renderers with different engines in one JVM work, but switch the engine
 * back and forth.
 */
public final class GraphvizRenderer implements DiagramRenderer {

    private final GraphvizHost.Setup setup;
    private final AtomicLong layoutRuns = new AtomicLong();

    private GraphvizRenderer(GraphvizHost.Setup setup) {
        this.setup = setup;
    }

    /**
     * A renderer using {@code engine}. Checks at once, without starting anything, what is known to stop the engine
     * here (v8: the platform; dot: a {@code dot} program on PATH; graal: the GraalJS classes).
     *
     * @param workDir the build's own folder for the engine's files (such as {@code target/} or the build cache); the
     *     v8 engine extracts its native library into {@code workDir/j2v8}, never into the home folder
     * @throws DiagramException naming the engines to choose from, when this one cannot start here
     */
    public static GraphvizRenderer create(DiagramEngine engine, Path workDir) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(workDir, "workDir");
        GraphvizHost.checkAvailable(engine);
        return new GraphvizRenderer(new GraphvizHost.Setup(engine, workDir));
    }

    /** The engine this renderer lays out with. */
    public DiagramEngine engine() {
        return setup.engine();
    }

    /**
     * Starts the engine now rather than on the first layout (to report a failure early, or to time start-up apart
     * from layout).
     *
     * @throws DiagramException naming the engines to choose from, when it cannot start
     */
    public void start() {
        GraphvizHost.instance().start(setup);
    }

    @Override
    public String render(String dot) {
        layoutRuns.incrementAndGet();
        return SvgPostProcessor.process(GraphvizHost.instance().layout(setup, dot));
    }

    /** How many layouts this renderer has run (each {@link #render} is one). */
    public long layoutRuns() {
        return layoutRuns.get();
    }
}
