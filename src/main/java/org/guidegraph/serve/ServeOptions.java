package org.guidegraph.serve;

/**
 * How the server listens and what it allows.
 *
 * @param host the interface to bind (loopback by default)
 * @param port the port, or 0 for any free one
 * @param queryTimeoutMillis SPARQL queries running longer are stopped and answered with 503
 * @param maxRows the most rows (solutions) a SPARQL query returns; a larger or missing LIMIT is lowered to this
 */
public record ServeOptions(String host, int port, long queryTimeoutMillis, long maxRows) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final long DEFAULT_TIMEOUT_MILLIS = 10_000;
    public static final long DEFAULT_MAX_ROWS = 10_000;

    public ServeOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range: use 0 (any free port) to 65535");
        }
        if (queryTimeoutMillis <= 0) {
            throw new IllegalArgumentException("query timeout must be positive, got " + queryTimeoutMillis + " ms");
        }
        if (maxRows <= 0) {
            throw new IllegalArgumentException("max rows must be positive, got " + maxRows);
        }
    }

    /** Loopback, the given port, the default timeout and row cap. */
    public static ServeOptions onPort(int port) {
        return new ServeOptions(DEFAULT_HOST, port, DEFAULT_TIMEOUT_MILLIS, DEFAULT_MAX_ROWS);
    }

    public ServeOptions withQueryTimeout(long millis) {
        return new ServeOptions(host, port, millis, maxRows);
    }

    public ServeOptions withMaxRows(long rows) {
        return new ServeOptions(host, port, queryTimeoutMillis, rows);
    }
}
