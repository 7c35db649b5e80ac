package org.guidegraph.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guidegraph.diagnostic.Diagnostic;
import org.guidegraph.diagnostic.Diagnostics;
import org.guidegraph.diagnostic.SourcePosition;
import org.guidegraph.source.GuideSources;
import org.guidegraph.source.SourceFile;
import org.guidegraph.source.SourceKind;

/** Reads the markdown pages of {@code content/pages/} and their front matter. */
public final class ProsePages {

    private ProsePages() {
    }

    /** Parses every prose page; malformed front matter is reported with its line. */
    public static List<ProsePage> read(GuideSources sources, Diagnostics out) {
        List<ProsePage> pages = new ArrayList<>();
        for (SourceFile f : sources.ofKind(SourceKind.PAGE)) {
            ProsePage p = parse(f, out);
            if (p != null) {
                pages.add(p);
            }
        }
        return pages;
    }

    static ProsePage parse(SourceFile f, Diagnostics out) {
        String[] lines = f.text().replace("\r\n", "\n").split("\n", -1);
        Map<String, String> meta = new LinkedHashMap<>();
        int bodyStart = 0;
        if (lines.length > 0 && lines[0].strip().equals("---")) {
            int end = -1;
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].strip().equals("---")) {
                    end = i;
                    break;
                }
                String line = lines[i];
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    out.add(Diagnostic.error(new SourcePosition(f.path(), i + 1, 1),
                            "front matter line is not 'key: value'", "write e.g. title: My page"));
                    continue;
                }
                meta.put(line.substring(0, colon).strip(), unquote(line.substring(colon + 1).strip()));
            }
            if (end < 0) {
                out.add(Diagnostic.error(new SourcePosition(f.path(), 1, 1), "front matter is not closed",
                        "end it with a line of three dashes: ---"));
                return null;
            }
            bodyStart = end + 1;
        }
        String title = meta.get("title");
        if (title == null || title.isBlank()) {
            out.add(Diagnostic.error(new SourcePosition(f.path(), 1, 1), "page has no title",
                    "add front matter: ---, title: …, ---"));
            return null;
        }
        String rel = f.path().substring("content/pages/".length());
        String path = rel.substring(0, rel.length() - ".md".length()) + ".html";
        String body = String.join("\n", java.util.Arrays.asList(lines).subList(bodyStart, lines.length));
        return new ProsePage(f.path(), path, title, meta.get("about"), Map.copyOf(meta), body, bodyStart + 1);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
