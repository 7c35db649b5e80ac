package org.guidegraph.serve;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What open pages need to know to keep up with the guide: the number of the generation being served and the
 * problems of the last regeneration, if it failed (shown as an overlay; empty once a build succeeds). The event
 * streams of open pages listen to it for changes.
 */
public final class LiveReload {

    /** A moment's state. */
    public record State(long generation, List<String> problems, long version) {
    }

    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
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
    public void served(long generation) {
        State next;
        synchronized (this) {
            next = state = new State(generation, List.of(), state.version() + 1);
        }
        tell(next);
    }

    /** The last regeneration failed with these problems (one formatted diagnostic each); the old site stays. */
    public void failed(List<String> problems) {
        State next;
        synchronized (this) {
            next = state = new State(state.generation(), List.copyOf(problems), state.version() + 1);
        }
        tell(next);
    }

    /**
     * Calls {@code listener} with every new state from now on, on the thread that changed it. A listener must
     * not block; a state may overtake an older one on its way to a listener, so compare versions.
     */
    void listen(Consumer<State> listener) {
        listeners.add(listener);
    }

    private void tell(State next) {
        for (Consumer<State> l : listeners) {
            l.accept(next);
        }
    }

    synchronized boolean closed() {
        return closed;
    }

    /** Ends every stream: listeners hear a last time, with the server stopping. */
    void close() {
        State last;
        synchronized (this) {
            closed = true;
            last = state;
        }
        tell(last);
    }
}
