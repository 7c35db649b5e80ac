package org.guidegraph.diagram;

import java.nio.file.Path;

/** Wires the usual renderer: a {@link GraphvizRenderer} behind a {@link CachingRenderer}. */
public final class Diagrams {

    /**
     * The version of the SVG this package writes. It names the cache folder, so changing {@link SvgPostProcessor}
     * or the engine set-up (bump it then) never serves SVG made the old way.
     */
    public static final String FORMAT_VERSION = "1";

    private Diagrams() {
    }

    /**
     * A cached renderer.
     *
     * @param engineName {@code v8} (the default when null or blank), {@code dot} or {@code graal}
     * @param workDir the build's own folder for engine files ({@code workDir/j2v8} for v8's native library)
     * @param cacheDir the diagram cache; SVG files go in {@code cacheDir/<engine>-<FORMAT_VERSION>/<sha-256>.svg}
     * @throws DiagramException naming the engines to choose from, when the name is unknown or the engine cannot
     *     start here
     */
    public static CachingRenderer renderer(String engineName, Path workDir, Path cacheDir) {
        DiagramEngine engine = engineName == null || engineName.isBlank() ? DiagramEngine.DEFAULT
                : DiagramEngine.named(engineName);
        return new CachingRenderer(GraphvizRenderer.create(engine, workDir),
                cacheDir.resolve(engine.id() + "-" + FORMAT_VERSION));
    }
}
