package org.guidegraph.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.guidegraph.TestGuides;
import org.guidegraph.build.BuildOptions;
import org.guidegraph.build.BuildResult;
import org.guidegraph.build.SiteBuild;
import org.guidegraph.gates.Site;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's acceptance on the built guide, read from its HTML: every cell of the source's comparison matrix is on
 * {@code matrix.html} with the right level, value and note; every section of the source has a home on the site; and
 * a note changed in the content shows wherever the note is shown, the old one nowhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceOnTheSiteIT {

    static final String SECTIONS = "/acceptance/source-sections.tsv";

    private final SourceGuide source = SourceGuide.read();
    private Site site;

    @BeforeAll
    void build() {
        site = BuiltGuide.get().site();
    }

    @Test
    void everyCellOfTheSourceMatrixIsOnTheMatrixPageWithItsLevelValueAndNote() {
        Document matrix = parse("matrix.html");
        Element table = matrix.getElementById("matrix");
        List<String> columns = table.select("thead th").eachText();
        Map<String, Element> rows = new TreeMap<>();
        for (Element tr : table.select("tbody tr:has(th[scope=row])")) {
            rows.put(tr.selectFirst("th[scope=row]").text(), tr);
        }
        List<SourceGuide.Cell> cells = source.matrix();
        assertEquals(45, cells.size(), "the source matrix has 15 features × 3 approaches");
        List<String> problems = new ArrayList<>();
        for (SourceGuide.Cell cell : cells) {
            String where = cell.feature() + " × " + cell.approach() + ": ";
            Element tr = rows.get(cell.feature());
            int column = columns.indexOf(cell.approach());
            if (tr == null || column < 1) {
                problems.add(where + "no such row or column (rows " + rows.keySet() + ", columns " + columns + ")");
                continue;
            }
            Element td = tr.child(column);
            Element badge = td.selectFirst(".badge");
            String level = badge == null ? "(no badge)" : badge.ownText().strip();
            String value = td.select(".cell-value").text();
            String note = td.select(".cell-note").text();
            String expectedValue = cell.value().equals(cell.level()) ? "" : cell.value();
            String expectedNote = cell.note().isEmpty() ? "" : "(" + cell.note() + ")";
            String shown = level + " | " + value + " | " + note;
            String expected = cell.level() + " | " + expectedValue + " | " + expectedNote;
            if (!shown.equals(expected)) {
                problems.add(where + "shows \"" + shown + "\", the source says \"" + expected + "\" (" + td.text() + ")");
            }
            String symbol = Map.of("Yes", "✅", "Partial", "⚠️", "No", "❌").getOrDefault(cell.level(), "");
            if (!td.select(".badge .sym").text().equals(symbol)) {
                problems.add(where + "symbol \"" + td.select(".badge .sym").text() + "\", not \"" + symbol + "\"");
            }
            String data = td.attr("data-level") + " | " + td.attr("data-value") + " | " + td.attr("data-note");
            if (!data.equals(cell.level() + " | " + cell.value() + " | " + cell.note())) {
                problems.add(where + "the downloads would say \"" + data + "\"");
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(cells.size(), table.select("tbody td").size(), "the matrix has no cell the source does not");
    }

    @Test
    void everySectionOfTheSourceHasAHomeOnTheSite() {
        List<String[]> homes = table();
        List<String> headings = source.headings();
        assertEquals(headings, homes.stream().map(h -> h[0]).toList(),
                "every heading of the source, in order, has a row in " + SECTIONS);
        List<String> problems = new ArrayList<>();
        for (String[] home : homes) {
            String page = home[1].contains("#") ? home[1].substring(0, home[1].indexOf('#')) : home[1];
            if (!Files.isRegularFile(site.file(page))) {
                problems.add(home[0] + ": no page " + page);
                continue;
            }
            Document doc = parse(page);
            Element heading = home[1].contains("#") ? doc.getElementById(home[1].substring(home[1].indexOf('#') + 1))
                    : doc.selectFirst("h1");
            if (heading == null) {
                problems.add(home[0] + ": no " + (home[1].contains("#") ? "element #" : "h1 on ") + home[1]);
            } else if (!heading.text().equals(home[2])) {
                problems.add(home[0] + ": " + home[1] + " says \"" + heading.text() + "\", not \"" + home[2] + "\"");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aChangedNoteAppearsOnTheMatrixTheApproachAndTheFeaturePageAndTheOldOneNowhere(@TempDir Path tmp)
            throws IOException {
        // llm-d × Inference Scheduling: "✅ Included (IGW)" in the source.
        String oldNote = "IGW";
        String newNote = "Inference Gateway";
        for (String page : List.of("matrix.html", "approach/llm-d.html", "feature/inference-scheduling.html")) {
            assertEquals(oldNote, schedulingNoteOfLlmd(site, page), "before the change, on " + page);
        }
        Path guide = tmp.resolve("guide");
        for (String top : List.of("content", "ontology", "templates")) {
            TestGuides.copy(TestGuides.PROJECT.resolve(top), guide.resolve(top));
        }
        Path matrix = guide.resolve("content/graph/matrix.ttl");
        String turtle = Files.readString(matrix, StandardCharsets.UTF_8);
        String line = "gg:note \"" + oldNote + "\" ;";
        assertEquals(1, turtle.split(Pattern.quote(line), -1).length - 1, "one assessment has the note " + oldNote);
        Files.writeString(matrix, turtle.replace(line, "gg:note \"" + newNote + "\" ;"), StandardCharsets.UTF_8);

        BuildResult result = new SiteBuild(BuildOptions.of(guide, tmp.resolve("site")),
                new PrintWriter(new StringWriter())).run();
        assertTrue(result.ok(), () -> result.diagnostics().sorted().toString());
        Site changed = Site.at(tmp.resolve("site"));
        for (String page : List.of("matrix.html", "approach/llm-d.html", "feature/inference-scheduling.html")) {
            assertEquals(newNote, schedulingNoteOfLlmd(changed, page), "after the change, on " + page);
        }
        // The ontology quotes the source's cell as an example ("✅ Included (IGW)"): that is not the note.
        List<String> survivors = new ArrayList<>();
        for (String file : changed.files("")) {
            String text = Files.readString(changed.file(file), StandardCharsets.ISO_8859_1)
                    .replace("Included (" + oldNote + ")", "");
            if (text.contains(oldNote)) {
                survivors.add(file);
            }
        }
        assertEquals(List.of(), survivors, "files where the old note " + oldNote + " survives");
    }

    /** The note of llm-d's Inference Scheduling assessment as {@code page} shows it. */
    private static String schedulingNoteOfLlmd(Site site, String page) {
        Document doc = parse(site, page);
        switch (page) {
            case "matrix.html" -> {
                return doc.select("#f-inference-scheduling ~ td[data-approach=llm-d] .cell-note").text()
                        .replaceAll("^\\((.*)\\)$", "$1");
            }
            default -> {
                // The approach page has a row per feature, the feature page a row per approach; the note is a cell.
                String link = page.startsWith("approach/") ? "inference-scheduling.html" : "llm-d.html";
                Element row = doc.selectFirst("tr:has(th[scope=row] a[href$=" + link + "])");
                if (row == null) {
                    return "(no row for " + link + " on " + page + ")";
                }
                List<String> cells = row.select("td").eachText();
                return cells.stream().filter(c -> c.equals("IGW") || c.equals("Inference Gateway")).findFirst()
                        .orElse("(no note among " + cells + ")");
            }
        }
    }

    private Document parse(String page) {
        return parse(site, page);
    }

    private static Document parse(Site site, String page) {
        try {
            return Jsoup.parse(site.file(page).toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + page + " of the built site", e);
        }
    }

    private static List<String[]> table() {
        try (InputStream in = SourceOnTheSiteIT.class.getResourceAsStream(SECTIONS)) {
            if (in == null) {
                throw new IllegalStateException("no " + SECTIONS + " on the test class path");
            }
            List<String[]> rows = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                // Rows start with "#" too (the source's headings): comments are the lines without a tab.
                if (lines[i].isBlank() || !lines[i].contains("\t")) {
                    continue;
                }
                String[] f = lines[i].split("\t", -1);
                if (f.length != 3) {
                    throw new IllegalStateException(SECTIONS + ":" + (i + 1) + ": expected source heading, page, heading"
                            + " there, separated by tabs");
                }
                rows.add(f);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SECTIONS, e);
        }
    }
}
