package org.guidegraph.search.internal;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** A minimal JSON writer for the static index: objects must be sorted maps, so output never depends on hashing. */
public final class Json {

    private Json() {
    }

    /** Writes strings, numbers, booleans, lists and sorted maps; anything else is a programming error. */
    public static void write(StringBuilder out, Object value) {
        if (value instanceof String s) {
            Codec.jsonString(out, s);
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Double d) {
            out.append(Codec.decimal(d));
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof SortedMap<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                Codec.jsonString(out, (String) e.getKey());
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("cannot write " + (value == null ? "null" : value.getClass())
                    + " as JSON here: use a String, number, List or SortedMap");
        }
    }

    public static String toJson(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }
}
