package org.guidegraph.serve;

import java.util.List;

/**
 * What open pages need to know to keep up with the guide: the number of the generation being served and the
 * problems of the last regeneration, if it failed (shown as an overlay; empty once a build succeeds). Event
 * streams wait on it for a change.
 */
public final class LiveReload {

    /** A moment's state. */
    public record State(long generation, List<String> problems, long version) {
    }

    private State state;
    private boolean closed;

    LiveReload(long generation) {
        this.state = new State(generation, List.of(), 0);
    }

    /** The current state. */
    public synchronized State state() {
        return state;
    }

    /** A new generation is served: open pages reload, the overlay goes. */
    public synchronized void served(long generation) {
        state = new State(generation, List.of(), state.version() + 1);
        notifyAll();
    }

    /** The last regeneration failed with these problems (one formatted diagnostic each); the old site stays. */
    public synchronized void failed(List<String> problems) {
        state = new State(state.generation(), List.copyOf(problems), state.version() + 1);
        notifyAll();
    }

    /** Waits until the state's version differs from {@code seen}, the server stops, or the time is up. */
    synchronized State await(long seen, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!closed && state.version() == seen) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return state;
    }

    synchronized boolean closed() {
        return closed;
    }

    /** Ends every waiting stream. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
