package org.guidegraph.gates;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Turns a gate's problems into one test failure that lists them all. */
public final class GateAssertions {

    /** More than this many lines and the failure message says how many were left out. */
    static final int MAX_LISTED = 100;

    private GateAssertions() {
    }

    /**
     * Fails with every problem, one per line ({@code file:line:col: message}), under a heading that
     * says what was checked; passes when there are none.
     *
     * @param what what was checked, as the heading's subject ("index.html is valid HTML")
     */
    public static void assertNoProblems(String what, List<Problem> problems) {
        if (!problems.isEmpty()) {
            fail(describe(what, problems));
        }
    }

    /** The failure text {@link #assertNoProblems} would use. */
    public static String describe(String what, List<Problem> problems) {
        StringBuilder text = new StringBuilder()
                .append("expected: ").append(what).append("; found ")
                .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
        problems.stream().sorted(Problem.ORDER).limit(MAX_LISTED)
                .forEach(problem -> text.append("\n  ").append(problem));
        if (problems.size() > MAX_LISTED) {
            text.append("\n  … and ").append(problems.size() - MAX_LISTED).append(" more");
        }
        return text.toString();
    }
}
