package org.guidegraph.render;

import java.util.Map;

/** Relative links between site paths, so the site works at a domain root, under a sub-path and from disk. */
public final class Links {

    private Links() {
    }

    /** The relative URL from the page at {@code fromPath} to the site path {@code toPath} (both site-relative). */
    public static String relative(String fromPath, String toPath) {
        if (toPath.isEmpty() || toPath.endsWith("/") || fromPath.endsWith("/") || toPath.contains("//")
                || fromPath.contains("//")) {
            return bySegments(fromPath, toPath);
        }
        // the directories both paths start with: up to the last '/' before which they agree
        int common = 0;
        int n = Math.min(fromPath.length(), toPath.length());
        for (int i = 0; i < n && fromPath.charAt(i) == toPath.charAt(i); i++) {
            if (fromPath.charAt(i) == '/') {
                common = i + 1;
            }
        }
        StringBuilder sb = new StringBuilder(toPath.length() - common + 12);
        for (int i = fromPath.indexOf('/', common); i >= 0; i = fromPath.indexOf('/', i + 1)) {
            sb.append("../");
        }
        return sb.append(toPath, common, toPath.length()).toString();
    }

    /** As {@link #relative}, segment by segment: for paths with empty segments. */
    static String bySegments(String fromPath, String toPath) {
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
