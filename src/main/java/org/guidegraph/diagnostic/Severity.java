package org.guidegraph.diagnostic;

/** How bad a diagnostic is: errors stop a build, warnings are reported and let it go on. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String word;

    Severity(String word) {
        this.word = word;
    }

    /** The lower-case word printed in a diagnostic line. */
    public String word() {
        return word;
    }
}
