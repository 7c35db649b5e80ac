package org.guidegraph.search;

/**
 * A query that cannot be run as given (empty, only common words, an unknown type, a bad limit). The message says
 * what is wrong and what to do, for a reader: a server answers it as a 400.
 */
public final class SearchQueryException extends Exception {

    public SearchQueryException(String message) {
        super(message);
    }
}
