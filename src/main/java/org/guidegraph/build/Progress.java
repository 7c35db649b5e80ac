package org.guidegraph.build;

import java.io.PrintStream;

/**
 * A one-line counter for long stages ("render 4,210/10,000 pages"), redrawn in place at most ten times a second. It
 * shows only on an interactive terminal: with output to a file or a pipe, or under CI, it stays silent, so logs hold
 * just the stage summaries.
 */
final class Progress {

    private static final long INTERVAL_NANOS = 100_000_000L;

    private final PrintStream out;
    private final String label;
    private final int total;
    private int done;
    private long lastDraw;
    private boolean drawn;

    /** A counter drawn on {@code out}, or silent when {@code out} is null. */
    Progress(PrintStream out, String label, int total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    /** A counter on the terminal, or a silent one when there is no terminal or when running in CI. */
    static Progress of(String label, int total) {
        boolean interactive = System.console() != null && System.getenv("CI") == null;
        return new Progress(interactive ? System.err : null, label, total);
    }

    /** Counts one unit of work. */
    synchronized void tick() {
        done++;
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw >= INTERVAL_NANOS) {
            lastDraw = now;
            drawn = true;
            out.print("\r" + label + " " + done + "/" + total + "\u001b[K");
            out.flush();
        }
    }

    /** Clears the line, so the stage's summary line takes its place. */
    synchronized void done() {
        if (out != null && drawn) {
            out.print("\r\u001b[K");
            out.flush();
        }
    }
}
