package org.guidegraph.output;

/** JSON string literals, for the JSON that guidegraph writes by hand (graph exports, server answers). */
public final class JsonText {

    private JsonText() {
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        int plain = 0; // most strings (IRIs, names) need no escape: found in one pass, quoted in one copy
        while (plain < s.length() && !escaped(s.charAt(plain))) {
            plain++;
        }
        if (plain == s.length()) {
            return "\"" + s + "\"";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8).append('"').append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean escaped(char c) {
        return c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '\u2028' || c == '\u2029';
    }

    /** {@code {"error": message}}. */
    public static String error(String message) {
        return "{\"error\": " + quote(message) + "}\n";
    }
}
