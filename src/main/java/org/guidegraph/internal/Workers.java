package org.guidegraph.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The threads the build stages share their work over, and how a task's failure comes back. */
public final class Workers {

    private Workers() {
    }

    /** The number of threads a stage uses: one per core. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * A pool of {@code threads} daemon threads named {@code guidegraph-NAME} (daemons: a failed build does not wait
     * for them). Shut it down when done.
     */
    public static ExecutorService pool(String name, int threads) {
        return Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "guidegraph-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The task's result; a failure inside it is rethrown as it was thrown. */
    public static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
