package org.guidegraph.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guidegraph.TestGuides;

/**
 * The Markdown document the LLM guide was modelled from ({@code src/test/resources/source/}): what the acceptance
 * flows expect the site to say, read from the source rather than from the site.
 */
final class SourceGuide {

    static final Path FILE = TestGuides.PROJECT.resolve("src/test/resources/source/llm-serving-decision-guide.md");

    /** One cell of the comparison matrix, as the source writes it: ✅ Yes, ⚠️ Partial, ❌ No, else Informational. */
    record Cell(String feature, String approach, String level, String value, String note) {
    }

    private static final Pattern NOTE = Pattern.compile("^(.*?)\\s*\\(([^()]*)\\)$");

    private final List<String> lines;

    private SourceGuide(List<String> lines) {
        this.lines = lines;
    }

    static SourceGuide read() {
        try {
            return new SourceGuide(Files.readAllLines(FILE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source guide " + FILE, e);
        }
    }

    /** The whole text. */
    String text() {
        return String.join("\n", lines);
    }

    /** The cells of the "Comparison Matrix" table, row by row, in the source's column order. */
    List<Cell> matrix() {
        int start = indexOf("## 📊 Comparison Matrix");
        List<String> approaches = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("---") || line.startsWith("#")) {
                break;
            }
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            String[] cols = line.substring(1, line.length() - 1).split("\\|");
            if (approaches.isEmpty()) {
                for (int c = 1; c < cols.length; c++) {
                    approaches.add(cols[c].strip());
                }
                continue;
            }
            String feature = cols[0].strip().replace("**", "");
            for (int c = 1; c < cols.length; c++) {
                cells.add(cell(feature, approaches.get(c - 1), cols[c].strip()));
            }
        }
        return cells;
    }

    private static Cell cell(String feature, String approach, String text) {
        String level = "Informational";
        for (String[] symbol : new String[][] {{"✅", "Yes"}, {"⚠️", "Partial"}, {"❌", "No"}}) {
            if (text.startsWith(symbol[0])) {
                level = symbol[1];
                text = text.substring(symbol[0].length()).strip();
            }
        }
        Matcher m = NOTE.matcher(text);
        return m.matches() ? new Cell(feature, approach, level, m.group(1), m.group(2))
                : new Cell(feature, approach, level, text, "");
    }

    /** The bullets under a bold label ({@code **Why:**}) in the section under {@code heading}, up to the next heading. */
    List<String> bullets(String heading, String label) {
        int i = indexOf(heading) + 1;
        while (i < lines.size() && !lines.get(i).strip().equals(label)) {
            if (lines.get(i).startsWith("#")) {
                throw new IllegalStateException("no " + label + " under " + heading + " in " + FILE);
            }
            i++;
        }
        List<String> out = new ArrayList<>();
        for (i++; i < lines.size() && lines.get(i).startsWith("- "); i++) {
            out.add(lines.get(i).substring(2).strip());
        }
        return out;
    }

    /** Every heading outside code blocks, as written ({@code ## 📊 Comparison Matrix}), in order. */
    List<String> headings() {
        List<String> headings = new ArrayList<>();
        boolean code = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                code = !code;
            } else if (!code && line.matches("#{1,6} .*")) {
                headings.add(line.strip());
            }
        }
        return headings;
    }

    /** The questions of the ASCII decision tree, in order. */
    List<String> treeQuestions() {
        return treeTexts().stream().filter(t -> t.endsWith("?")).toList();
    }

    /** The outcomes (leaves) of the ASCII decision tree, in order, without their ✅ or ⚠️. */
    List<String> treeOutcomes() {
        return treeTexts().stream().filter(t -> !t.endsWith("?"))
                .map(t -> t.replaceFirst("^(✅|⚠️)\\s*", "")).toList();
    }

    /** What follows the arrow on each line of the ASCII tree, and its first line (the root question). */
    private List<String> treeTexts() {
        List<String> texts = new ArrayList<>();
        int start = indexOf("## 🎯 Quick Decision Tree");
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i).strip();
            if (line.contains("→")) {
                texts.add(line.substring(line.lastIndexOf('→') + 1).strip());
            } else if (line.endsWith("?")) {
                texts.add(line);
            }
        }
        return texts;
    }

    private int indexOf(String heading) {
        int at = lines.indexOf(heading);
        if (at < 0) {
            throw new IllegalStateException("no line \"" + heading + "\" in " + FILE);
        }
        return at;
    }
}
