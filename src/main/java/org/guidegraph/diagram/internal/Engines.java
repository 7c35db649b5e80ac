package org.guidegraph.diagram.internal;

import guru.nidi.graphviz.engine.GraphvizCmdLineEngine;
import guru.nidi.graphviz.engine.GraphvizJdkEngine;
import guru.nidi.graphviz.engine.GraphvizV8Engine;
import guru.nidi.graphviz.engine.Options;

/**
 * graphviz-java's engines, adjusted in two ways:
 * <ul>
 *   <li>they remember why their start failed ({@code doInit}); graphviz-java only logs it and moves on;</li>
 *   <li>the JavaScript engines skip graphviz-java's font measuring: for every {@code fontname} in the DOT it measures
 *       the glyphs of the local AWT font and feeds the widths to the layout, so the SVG would depend on the fonts
 *       installed where the site is built. Without it, Graphviz uses its built-in metrics (Helvetica: its Arial
 *       table) and the bytes are the same on every machine. {@code jsVizExec} is graphviz-java's protected hook
 *       for this; the body is graphviz-java 0.18.1's without the {@code measureFonts(src)} call (and without the
 *       {@code totalMemory} prefix, which guidegraph never sets).</li>
 * </ul>
 */
final class Engines {

    private Engines() {
    }

    /** An engine that knows whether it started. */
    interface Started {
        /** Why the start failed, or null. */
        Throwable startFailure();
    }

    static final class V8 extends GraphvizV8Engine implements Started {
        private volatile Throwable failure;

        V8(String extractionPath) {
            super(extractionPath);
        }

        @Override
        protected void doInit() {
            try {
                super.doInit();
            } catch (RuntimeException | Error e) {
                failure = e;
                throw e;
            }
        }

        @Override
        protected String jsVizExec(String src, Options options) {
            if (src.startsWith("totalMemory") || src.startsWith("render")) {
                return src;
            }
            return engine().executeJavascript("render(", preprocessCode(src, options),
                    "," + options.toJson(false) + ");");
        }

        @Override
        public Throwable startFailure() {
            return failure;
        }
    }

    /** GraalJS through graphviz-java's JDK engine, which takes Graal when it is on the class path. */
    static final class Graal extends GraphvizJdkEngine implements Started {
        private volatile Throwable failure;

        @Override
        protected void doInit() {
            try {
                super.doInit();
            } catch (RuntimeException | Error e) {
                failure = e;
                throw e;
            }
        }

        @Override
        protected String jsVizExec(String src, Options options) {
            if (src.startsWith("totalMemory") || src.startsWith("render")) {
                return src;
            }
            return engine().executeJavascript("render(", preprocessCode(src, options),
                    "," + options.toJson(false) + ");");
        }

        @Override
        public Throwable startFailure() {
            return failure;
        }
    }

    static final class Dot extends GraphvizCmdLineEngine implements Started {
        private volatile Throwable failure;

        @Override
        protected void doInit() {
            try {
                super.doInit();
            } catch (RuntimeException | Error e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public Throwable startFailure() {
            return failure;
        }
    }
}
