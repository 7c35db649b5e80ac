package org.guidegraph.diagram;

/** A diagram could not be built or rendered; the message says what is wrong and what to do. */
public final class DiagramException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DiagramException(String message) {
        super(message);
    }

    public DiagramException(String message, Throwable cause) {
        super(message, cause);
    }
}
