package org.guidegraph.querypage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.guidegraph.TestGuides;
import org.guidegraph.build.BuildOptions;
import org.guidegraph.build.BuildResult;
import org.guidegraph.build.SiteBuild;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query page as built: the guide's named queries as examples, and the guide's prefixes in the editor. */
class QueryPageTest {

    @TempDir
    static Path tmp;
    static Path site;
    static String page;
    static JsonObject data;

    @BeforeAll
    static void build() throws IOException {
        site = tmp.resolve("site");
        BuildResult r = new SiteBuild(BuildOptions.of(TestGuides.PROJECT, site), new PrintWriter(new StringWriter()))
                .run();
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        page = Files.readString(site.resolve("sparql.html"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?s)<script type=\"application/json\" id=\"q-data\">(.*?)</script>").matcher(page);
        assertTrue(m.find(), "the page embeds its queries as JSON");
        data = JSON.parse(m.group(1));
    }

    /** The published named queries: name to text. */
    static Map<String, String> namedQueries() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(site.resolve("queries"))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.rq$", "");
                out.put(name, Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void everyNamedQueryIsAnExampleWithItsExactText() throws IOException {
        Map<String, String> queries = namedQueries();
        assertTrue(queries.size() > 30, "the guide publishes its named queries: " + queries.keySet());
        JsonObject embedded = data.get("queries").getAsObject();
        assertEquals(queries.keySet(), new java.util.TreeSet<>(embedded.keys()));
        queries.forEach((name, text) -> {
            assertTrue(page.contains("<button type=\"button\" class=\"q-example\" data-query=\"" + name + "\">" + name
                    + "</button>"), "a button loads " + name);
            assertEquals(text, embedded.get(name).getAsString().value(), "the text of " + name);
        });
    }

    @Test
    void theEditorStartsWithEveryPrefixOfTheGuideSorted() {
        Model graph = RDFDataMgr.loadModel(site.resolve("graph.ttl").toString());
        Map<String, String> prefixes = graph.getNsPrefixMap();
        assertTrue(prefixes.containsKey("gg") && prefixes.containsKey("approach"), prefixes.toString());
        String prologue = data.get("prologue").getAsString().value();
        List<String> lines = prologue.lines().toList();
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            Matcher m = Pattern.compile("PREFIX ([\\w.-]*): <([^>]*)>").matcher(line);
            assertTrue(m.matches(), "a PREFIX line: " + line);
            names.add(m.group(1));
        }
        assertEquals(names.stream().sorted().toList(), names, "sorted by prefix");
        prefixes.forEach((p, ns) -> assertTrue(lines.contains("PREFIX " + p + ": <" + ns + ">"), "declares " + p));
        String escaped = prologue.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        assertTrue(page.contains("aria-describedby=\"q-help q-loaded\">" + escaped + "\nSELECT "),
                "the editor's text starts with the PREFIX lines, then a query");
    }

    @Test
    void everyExampleAsLoadedIntoTheEditorIsAValidQuery() throws IOException {
        String prologue = data.get("prologue").getAsString().value();
        namedQueries().forEach((name, text) -> QueryFactory.create(prologue + "\n" + text));
        // and the editor's own starting query
        Matcher m = Pattern.compile("(?s)<textarea[^>]*>(.*?)</textarea>").matcher(page);
        assertTrue(m.find());
        String start = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        assertTrue(QueryFactory.create(start).isSelectType());
    }

    @Test
    void theQueriesPageLinksEachQueryToTheEditor() throws IOException {
        String queriesPage = Files.readString(site.resolve("queries.html"), StandardCharsets.UTF_8);
        for (String name : namedQueries().keySet()) {
            assertTrue(queriesPage.contains("href=\"sparql.html?query=" + name + "\""), name);
        }
        assertFalse(page.contains("href=\"sparql\""), "no link to the endpoint itself: a static site has none");
    }
}
