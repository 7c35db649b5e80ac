package org.guidegraph.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void withoutATerminalItPrintsNothing() {
        // Tests run with no console: the counter must stay silent, as in CI or with output to a file.
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Progress p = Progress.of("render", 3);
            p.tick();
            p.tick();
            p.done();
        } finally {
            System.setErr(saved);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onATerminalItRedrawsOneLineAndClearsItWhenDone() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(out, true, StandardCharsets.UTF_8), "render", 1000);
        for (int i = 0; i < 1000; i++) {
            p.tick();
        }
        p.done();
        String s = out.toString(StandardCharsets.UTF_8);
        assertTrue(s.startsWith("\rrender 1/1000"), s);
        assertTrue(s.split("\r").length < 50, "redrawn at most ten times a second, not per page: " + s.length());
        assertTrue(s.endsWith("\r\u001b[K"), "the line is cleared for the stage summary");
        assertTrue(!s.contains("\n"), "never a new line");
    }
}
