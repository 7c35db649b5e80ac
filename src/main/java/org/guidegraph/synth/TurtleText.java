package org.guidegraph.synth;

/** Small helpers to write Turtle by hand: literals escaped, blocks of code as long strings. */
final class TurtleText {

    private TurtleText() {
    }

    /** A plain string literal, escaped. */
    static String lit(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** A multi-line literal in triple quotes (the text must not contain three quotes or a backslash). */
    static String longLit(String s) {
        return "\"\"\"" + s + "\"\"\"";
    }
}
