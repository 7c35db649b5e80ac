package org.guidegraph.diagram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders with the real V8 engine (graphviz-java's bundled J2V8, Linux x86-64). */
class GraphvizRendererTest {

    @TempDir
    Path cache;

    private static final DotBuilder DOT = new DotBuilder(Fixtures::href);

    private static GraphvizRenderer v8() {
        return GraphvizRenderer.create(DiagramEngine.V8, Fixtures.WORK_DIR);
    }

    @Test
    void givesIdenticalSvgBytesOnEveryRender() {
        String dot = DOT.dot(Fixtures.servingTree());
        byte[] first = v8().render(dot).getBytes(StandardCharsets.UTF_8);
        byte[] second = v8().render(DOT.dot(Fixtures.servingTree())).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(first, second);
    }

    @Test
    void doesNotRunTheLayoutOnACacheHit() throws Exception {
        String dot = DOT.dot(Fixtures.servingTree());
        GraphvizRenderer engine = v8();
        CachingRenderer cached = new CachingRenderer(engine, cache);
        String svg = cached.render(dot);
        assertEquals(1, engine.layoutRuns());
        assertEquals(svg, cached.render(dot));
        assertEquals(1, engine.layoutRuns(), "the second render of the same DOT came from the cache");
        assertEquals(1, cached.hits());

        Path file = cache.resolve(CachingRenderer.sha256(dot) + ".svg");
        assertTrue(Files.isRegularFile(file), "cached under the SHA-256 of the DOT text");
        assertEquals(svg, Files.readString(file, StandardCharsets.UTF_8));

        // a rebuild: new renderer objects, same cache folder, unchanged tree
        GraphvizRenderer rebuildEngine = v8();
        CachingRenderer rebuild = new CachingRenderer(rebuildEngine, cache);
        assertEquals(svg, rebuild.render(DOT.dot(Fixtures.servingTree())));
        assertEquals(0, rebuildEngine.layoutRuns());

        // a changed tree is laid out again
        String changed = dot.replace("Use the Helm project", "Use the Helm chart");
        rebuild.render(changed);
        assertEquals(1, rebuildEngine.layoutRuns());
    }

    @Test
    void rendersATreeOfDepthFourAndBreadthThree() {
        DecisionTreeView tree = DecisionTreeQuery.builtIn().all(Fixtures.generated("https://example.org/g/", 4, 3))
                .get(0);
        String svg = new CachingRenderer(v8(), cache).render(new DotBuilder(iri -> null).dot(tree));
        assertEquals(40, count(svg, "class=\"node question\""));
        assertEquals(81, count(svg, "class=\"node outcome\""));
        assertEquals(120, count(svg, "class=\"edge option\""));
    }

    @Test
    void writesSvgReadyToInlineInAPage() {
        String svg = v8().render(DOT.dot(Fixtures.servingTree()));
        assertTrue(svg.startsWith("<svg "), svg);
        assertFalse(svg.contains("<?xml"), "no XML prolog");
        assertFalse(svg.contains("<!DOCTYPE"), "no DOCTYPE");
        assertFalse(svg.contains("<!--"), "no comments");
        Matcher open = Pattern.compile("<svg [^>]*>").matcher(svg);
        assertTrue(open.find());
        String tag = open.group();
        assertTrue(tag.matches(".* viewBox=\"0\\.00 0\\.00 [0-9.]+ [0-9.]+\".*"), tag);
        assertTrue(tag.contains(" width=\"100%\""), tag);
        assertFalse(tag.contains("height="), tag);
        assertTrue(tag.matches(".* style=\"max-width:[0-9]+px;--gg-natural-width:[0-9]+px\".*"), tag);
        assertTrue(tag.contains(" role=\"img\" aria-labelledby=\"gg-tree-title\""), tag);
        assertTrue(svg.contains(tag + "\n<title id=\"gg-tree-title\">Which serving approach?</title>\n"), svg);
        assertTrue(svg.contains("<a xlink:href=\"approach/helm.html\" xlink:title=\"Recommended: Use the Helm project"
                + " (Helm Project)\"><title>Recommended: Use the Helm project (Helm Project)</title>"), svg);
        assertTrue(svg.contains("<g id=\"gg-tree-o-helm\" class=\"node outcome recommended\">"), svg);
        assertFalse(svg.contains("<title>q-production</title>"), "Graphviz's node names are not shown");
        assertFalse(svg.contains("&#45;"), svg);
        assertTrue(svg.contains("font-family=\"Helvetica,Arial,sans-serif\""), svg);
        assertTrue(svg.endsWith("</svg>\n"), svg);
    }

    @Test
    void extractsTheNativeLibraryUnderTheWorkFolder(@TempDir Path work) throws Exception {
        // J2V8 loads its library once per JVM, from where the first start put it, so a JVM of its own shows where
        // a start puts it whichever test of this JVM started V8 first.
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), StartV8.class.getName(), work.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(Files.isRegularFile(work.resolve("j2v8/libj2v8_linux_x86_64.so")), "J2V8 was given " + work
                + "/j2v8: " + out);
    }

    /** Starts the V8 engine with the work folder given as the argument, in a JVM of its own. */
    public static final class StartV8 {
        public static void main(String[] args) {
            GraphvizRenderer.create(DiagramEngine.V8, Path.of(args[0])).start();
            System.exit(0);
        }
    }

    @Test
    void reportsDotItCannotLayOut() {
        GraphvizRenderer r = v8();
        DiagramException e = assertThrows(DiagramException.class, () -> r.render("digraph { a -> }"));
        assertTrue(e.getMessage().startsWith("Graphviz (v8) could not lay out the diagram: "), e.getMessage());
        // the engine is still usable
        assertTrue(r.render("digraph { a -> b }").startsWith("<svg "));
    }

    @Test
    void namesTheEnginesWhenTheNameIsUnknown() {
        DiagramException e = assertThrows(DiagramException.class,
                () -> Diagrams.renderer("graphviz", Fixtures.WORK_DIR, cache));
        assertTrue(e.getMessage().startsWith("unknown diagram engine 'graphviz': choose one of v8 ("), e.getMessage());
        assertTrue(e.getMessage().contains("; dot (") && e.getMessage().contains("; graal ("), e.getMessage());
    }

    @Test
    void reportsGraalUnavailableWhenItsJarsAreMissing() {
        DiagramException e = assertThrows(DiagramException.class,
                () -> GraphvizRenderer.create(DiagramEngine.GRAAL, Fixtures.WORK_DIR));
        assertTrue(e.getMessage().startsWith("diagram engine 'graal' cannot start: GraalJS is not on the class path"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Choose one of v8 ("), e.getMessage());
    }

    @Test
    void reportsTheDotEngineUnavailableWithoutADotProgram() {
        assumeTrue(noDotOnPath(), "a 'dot' program is installed here");
        DiagramException e = assertThrows(DiagramException.class,
                () -> Diagrams.renderer("dot", Fixtures.WORK_DIR, cache));
        assertTrue(e.getMessage().startsWith("diagram engine 'dot' cannot start: there is no 'dot' program on PATH"),
                e.getMessage());
    }

    @Test
    void keepsEachEnginesSvgInItsOwnCacheFolder() {
        CachingRenderer r = Diagrams.renderer(null, Fixtures.WORK_DIR, cache);
        assertEquals(cache.resolve("v8-" + Diagrams.FORMAT_VERSION).resolve(CachingRenderer.sha256("x") + ".svg"),
                r.fileFor("x"));
    }

    private static boolean noDotOnPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "dot"))) {
                return false;
            }
        }
        return true;
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
