package org.guidegraph.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.guidegraph.TestGuides;
import org.guidegraph.build.BuildOptions;
import org.guidegraph.build.BuildResult;
import org.guidegraph.build.Regeneration;
import org.guidegraph.build.SiteBuild;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerations that write again only the graph files whose triples changed (the entity descriptions, and the
 * subjects' text in {@code graph.ttl} and {@code graph.jsonld}), and give the bytes a full build gives.
 */
class GraphFilesRebuildTest {

    private static final String NS = "https://guidegraph.org/guides/llm-serving/";

    @TempDir
    Path tmp;

    private Path guide;
    private Path out;
    private Regeneration regeneration;

    @BeforeEach
    void buildTheProjectGuide() throws IOException {
        guide = TestGuides.copyProject(tmp.resolve("guide"));
        out = tmp.resolve("site");
        regeneration = new Regeneration();
        build(out, regeneration);
    }

    @Test
    void aChangedCellRewritesOnlyItsAssessmentsDescriptionAndGivesTheBytesOfAFullBuild() throws IOException {
        Map<String, Object> before = descriptionFiles();
        edit("content/graph/matrix.ttl", t -> t.replace("gg:note \"Alpha\" ;", "gg:note \"Alpha, changed\" ;"));
        assertEquals(Set.of("assessment/kserve-llmd--production-ready.ttl"), rewritten(before));
        assertSameAsAFullBuild();
    }

    @Test
    void anAddedEntityGetsItsDescriptionAndARemovedOneLosesIt() throws IOException {
        Path extra = guide.resolve("content/graph/resources.ttl");
        String original = Files.readString(extra);
        Map<String, Object> before = descriptionFiles();
        edit("content/graph/resources.ttl", t -> t + """

                resource:zz-extra
                    a gg:Resource ;
                    rdfs:label "Extra" ;
                    gg:resourceKind gg:KindWebsite ;
                    schema:url <https://example.org/extra> ;
                    gg:forApproach approach:llm-d ;
                    gg:group "Official Documentation" ;
                    gg:order 99 .
                """);
        assertTrue(Files.isRegularFile(out.resolve("resource/zz-extra.ttl")));
        assertEquals(Set.of("resource/zz-extra.ttl"), rewritten(before));
        assertSameAsAFullBuild();

        edit("content/graph/resources.ttl", t -> original);
        assertFalse(Files.exists(out.resolve("resource/zz-extra.ttl")), "the removed entity's description is gone");
        assertSameAsAFullBuild();
    }

    @Test
    void anAddedOrRemovedBlankNodeRenumbersTheJsonLdAsAFullBuildDoes() throws IOException {
        String item = "[ a gg:Item ; gg:order 5 ; gg:text \"Multi-accelerator support\" ] ;";
        assertTrue(Files.readString(guide.resolve("content/graph/use-cases.ttl")).contains(item));
        Map<String, Object> before = descriptionFiles();
        edit("content/graph/use-cases.ttl", t -> t.replace(item,
                "[ a gg:Item ; gg:order 5 ; gg:text \"Multi-accelerator support\" ] ,\n"
                        + "        [ a gg:Item ; gg:order 6 ; gg:text \"One more reason\" ] ;"));
        Set<String> rewritten = rewritten(before);
        assertTrue(rewritten.contains("use-case/production-general.ttl"), rewritten.toString());
        assertTrue(rewritten.stream().allMatch(f -> f.startsWith("use-case/")),
                "a file read again has new blank nodes: the entities holding them are written again, no others: "
                        + rewritten);
        assertSameAsAFullBuild();

        edit("content/graph/use-cases.ttl", t -> t.replace(
                ",\n        [ a gg:Item ; gg:order 6 ; gg:text \"One more reason\" ] ;", " ;").replace(
                "[ a gg:Item ; gg:order 1 ; gg:text \"Production-tested and benchmarked\" ] ,\n", ""));
        assertSameAsAFullBuild();
    }

    @Test
    void aNewPrefixRewritesEveryFileAsAFullBuildDoes() throws IOException {
        edit("content/graph/guide.ttl", t -> "@prefix extra: <" + NS + "resource/> .\n" + t);
        assertSameAsAFullBuild();
    }

    @Test
    void aBlankNodeSharedBySubjectsIsWrittenAsAFullBuildWritesIt() throws IOException {
        Files.writeString(guide.resolve("ontology/see-also.ttl"), """
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                rdfs:seeAlso rdfs:label "see also" ; rdfs:comment "A related resource." .
                """);
        edit("content/graph/resources.ttl", t -> t + """

                resource:llm-d-website rdfs:seeAlso _:shared .
                resource:llm-d-github rdfs:seeAlso _:shared .
                _:shared rdfs:label "shared" .
                """);
        assertSameAsAFullBuild();
        var g = org.guidegraph.graph.GuideLoader.load(org.guidegraph.source.GuideSources.read(guide));
        assertFalse(new WriteReuse.Plan(g, null).treeShaped(), "a shared blank node is not in a tree");
        edit("content/graph/resources.ttl", t -> t.replace("rdfs:label \"shared\"", "rdfs:label \"still shared\""));
        assertSameAsAFullBuild();
        edit("content/graph/matrix.ttl", t -> t.replace("gg:note \"Alpha\" ;", "gg:note \"Alpha, changed\" ;"));
        assertSameAsAFullBuild();
    }

    @Test
    void writesTheExportsAsDeterministicDoes() throws IOException {
        var g = org.guidegraph.graph.GuideLoader.load(org.guidegraph.source.GuideSources.read(guide));
        assertTrue(new WriteReuse.Plan(g, null).treeShaped(),
                "the guide's blank nodes form trees, so the exports were written subject by subject");
        var all = org.apache.jena.rdf.model.ModelFactory.createModelForGraph(
                new org.apache.jena.graph.compose.Union(g.ontology().getGraph(), g.content().getGraph()));
        Map<String, String> prefixes = new TreeMap<>(g.ontology().getNsPrefixMap());
        prefixes.putAll(g.content().getNsPrefixMap());
        all.setNsPrefixes(prefixes);
        assertEquals(Deterministic.turtle(all), Files.readString(out.resolve("graph.ttl")));
        assertEquals(Deterministic.jsonld(all), Files.readString(out.resolve("graph.jsonld")));
    }

    @Test
    void numbersBlankNodesInTheOrderOfTheirIds() {
        for (int total : new int[] {0, 1, 9, 10, 11, 99, 100, 101, 1234}) {
            int[] order = SortedExports.blankOrder(total);
            String[] expected = new String[total];
            for (int i = 0; i < total; i++) {
                expected[i] = "_:b" + (i + 1);
            }
            java.util.Arrays.sort(expected);
            for (int i = 0; i < total; i++) {
                assertEquals(expected[i], "_:b" + order[i], "position " + i + " of " + total);
            }
        }
    }

    private void edit(String file, UnaryOperator<String> change) throws IOException {
        Path p = guide.resolve(file);
        Files.writeString(p, change.apply(Files.readString(p)));
        build(out, regeneration);
    }

    private void assertSameAsAFullBuild() throws IOException {
        Path full = tmp.resolve("full");
        SiteWriter.deleteTree(full);
        build(full, null);
        Map<String, String> expected = tree(full);
        Map<String, String> actual = tree(out);
        assertEquals(expected.keySet(), actual.keySet());
        for (String f : expected.keySet()) {
            assertEquals(expected.get(f), actual.get(f), f + " has the bytes of a full build");
        }
    }

    private void build(Path site, Regeneration r) throws IOException {
        BuildResult result = new SiteBuild(BuildOptions.of(guide, site), new PrintWriter(Writer.nullWriter()), r)
                .run();
        assertTrue(result.ok(), () -> result.diagnostics().sorted().toString());
    }

    /** The descriptions of the site and the file each is (a description carried over keeps its file). */
    private Map<String, Object> descriptionFiles() throws IOException {
        Map<String, Object> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path p : all.filter(p -> p.toString().endsWith(".ttl")).toList()) {
                String rel = out.relativize(p).toString();
                if (rel.contains("/") && !rel.startsWith("queries/")) {
                    files.put(rel, Files.readAttributes(p, BasicFileAttributes.class).fileKey());
                }
            }
        }
        return files;
    }

    /** The descriptions written again since {@code before} (new files included). */
    private Set<String> rewritten(Map<String, Object> before) throws IOException {
        Set<String> out = new TreeSet<>();
        descriptionFiles().forEach((f, key) -> {
            if (!key.equals(before.get(f))) {
                out.add(f);
            }
        });
        return out;
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), sha(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
