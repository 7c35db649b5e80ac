package org.guidegraph.render;

import java.util.Map;

/** Relative links between site paths, so the site works at a domain root, under a sub-path and from disk. */
public final class Links {

    private Links() {
    }

    /** The relative URL from the page at {@code fromPath} to the site path {@code toPath} (both site-relative). */
    public static String relative(String fromPath, String toPath) {
        String[] from = fromPath.split("/");
        String[] to = toPath.split("/");
        int common = 0;
        while (common < from.length - 1 && common < to.length - 1 && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < from.length - 1; i++) {
            sb.append("../");
        }
        for (int i = common; i < to.length; i++) {
            sb.append(to[i]);
            if (i < to.length - 1) {
                sb.append('/');
            }
        }
        String s = sb.toString();
        return s.isEmpty() ? to[to.length - 1] : s;
    }

    /** The page path of a guide entity by the convention {@code {guide}kind/slug} → {@code kind/slug.html}. */
    public static String entityPath(String namespace, String iri, Map<String, String> pagesByIri) {
        String p = pagesByIri.get(iri);
        if (p != null) {
            return p;
        }
        return null;
    }
}
