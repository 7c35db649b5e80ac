package org.guidegraph.search.internal;

/** The one-edit test of typo matching; {@code search.js} has the same function. */
final class EditDistance {

    private EditDistance() {
    }

    /**
     * Whether {@code b} is exactly one edit from {@code a}: one character inserted, deleted or replaced, or two
     * neighbours swapped (optimal string alignment distance 1).
     */
    static boolean isOneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1 || a.equals(b)) {
            return false;
        }
        int i = 0;
        while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
                return true;
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, la - i - 2);
        }
        return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
    }
}
