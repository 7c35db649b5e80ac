package org.guidegraph.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.guidegraph.render.PagePlan;
import org.guidegraph.render.PageSpec;

/** {@code sitemap.xml}: every page under the site's base URL, in path order, without dates (none are known). */
final class Sitemap {

    /** The file written, site-relative. */
    static final String FILE = "sitemap.xml";

    private Sitemap() {
    }

    static void write(PagePlan plan, String baseUrl, Path out, org.guidegraph.output.SiteWriter.Keep keep)
            throws IOException {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (PageSpec p : plan.pages()) {
            if (p.path().equals("404.html")) {
                continue;
            }
            sb.append("  <url><loc>").append(xml(baseUrl + p.path())).append("</loc></url>\n");
        }
        sb.append("</urlset>\n");
        WriteStage.writeUnlessKept(out, FILE, sb.toString().getBytes(StandardCharsets.UTF_8), keep);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
