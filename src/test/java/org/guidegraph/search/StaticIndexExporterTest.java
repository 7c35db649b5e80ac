package org.guidegraph.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticIndexExporterTest {

    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void exportingTwiceGivesByteIdenticalFiles() throws IOException {
        ExportedIndex first = StaticIndexExporter.export(Fixtures.guide(), tmp.resolve("one"));
        ExportedIndex second = StaticIndexExporter.export(Fixtures.guide(), tmp.resolve("two"));
        assertEquals(names(tmp.resolve("one")), names(tmp.resolve("two")));
        assertEquals(first.files(), second.files());
        for (String name : names(tmp.resolve("one"))) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("one").resolve(name)),
                    Files.readAllBytes(tmp.resolve("two").resolve(name)), name);
        }
    }

    @Test
    void documentOrderInTheInputDoesNotChangeTheOutput() throws IOException {
        List<SearchDocument> docs = new java.util.ArrayList<>(Fixtures.guide());
        StaticIndexExporter.export(docs, tmp.resolve("one"));
        java.util.Collections.reverse(docs);
        StaticIndexExporter.export(docs, tmp.resolve("two"));
        for (String name : names(tmp.resolve("one"))) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("one").resolve(name)),
                    Files.readAllBytes(tmp.resolve("two").resolve(name)), name);
        }
    }

    @Test
    void everyFileIsAnAsciiScriptThatRegistersItsDataUnderItsName() throws IOException {
        ExportedIndex index = StaticIndexExporter.export(Fixtures.guide(), tmp);
        assertEquals("manifest.js", index.files().get(0).name());
        for (ExportedIndex.File f : index.files()) {
            byte[] bytes = Files.readAllBytes(tmp.resolve(f.name()));
            assertEquals(f.bytes(), bytes.length);
            for (byte b : bytes) {
                assertTrue(b > 0, f.name() + " is not ASCII");
            }
            String text = new String(bytes, StandardCharsets.US_ASCII);
            String name = f.name().substring(0, f.name().length() - 3);
            assertTrue(text.startsWith("window.__ggSearch.add(\"" + name + "\",") && text.endsWith(");\n"),
                    f.name() + ": " + text.substring(0, Math.min(80, text.length())));
        }
        assertTrue(Stream.of("terms", "words", "typos", "documents").allMatch(k -> index.bytes(k) > 0));
    }

    @Test
    void anotherExportRemovesTheOldChunksButNothingElse() throws IOException {
        Files.createDirectories(tmp);
        Files.writeString(tmp.resolve("t99-abcdef.js"), "stale");
        Files.writeString(tmp.resolve("README.txt"), "not ours");
        ExportedIndex index = StaticIndexExporter.export(Fixtures.guide(), tmp);
        List<String> expected = new java.util.ArrayList<>(index.files().stream().map(ExportedIndex.File::name)
                .toList());
        expected.add("README.txt");
        expected.sort(null);
        assertEquals(expected, names(tmp));
        assertFalse(Files.exists(tmp.resolve("t99-abcdef.js")));
    }

    @Test
    void oneThreadOrFourGiveByteIdenticalFiles() throws Exception {
        // Parallel streams run in the pool they are started from: the same export and extraction on 1 and 4 threads.
        for (int threads : new int[] {1, 4}) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(() -> {
                    StaticIndexExporter.export(SiteSections.extract(Fixtures.SITE, Set.of()),
                            tmp.resolve("t" + threads));
                    return null;
                }).get();
            } finally {
                pool.shutdown();
            }
        }
        assertEquals(names(tmp.resolve("t1")), names(tmp.resolve("t4")));
        for (String name : names(tmp.resolve("t1"))) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("t1").resolve(name)),
                    Files.readAllBytes(tmp.resolve("t4").resolve(name)), name);
        }
    }

    @Test
    void siteSectionsAreThoseOfEachPageInPathOrder() throws IOException {
        List<SearchDocument> expected = Fixtures.guide().stream().filter(d -> !Fixtures.entities().contains(d))
                .toList();
        assertEquals(expected, SiteSections.extract(Fixtures.SITE, Set.of()));
        assertTrue(SiteSections.extract(Fixtures.SITE, Set.of("index.html")).stream()
                .noneMatch(d -> d.url().startsWith("index.html")));
    }

    @Test
    void aChangedDocumentChangesOnlyTheChunksThatHoldIt() throws IOException {
        StaticIndexExporter small = StaticIndexExporter.defaults().withChunkSizes(400, 4);
        List<SearchDocument> docs = new java.util.ArrayList<>(Fixtures.guide());
        List<String> before = small.write(docs, tmp.resolve("a")).files().stream().map(ExportedIndex.File::name)
                .toList();
        int i = docs.indexOf(docs.stream().filter(d -> d.id().equals("gg:accelerator/google-tpu")).findFirst()
                .orElseThrow());
        SearchDocument d = docs.get(i);
        docs.set(i, new SearchDocument(d.id(), d.url(), "Google TPU", d.type(), d.body()));
        List<String> after = small.write(docs, tmp.resolve("b")).files().stream().map(ExportedIndex.File::name)
                .toList();
        List<String> changed = after.stream().filter(n -> !before.contains(n)).toList();
        // The title lost a word form ("TPUs" → "TPU"): the documents chunk, the postings of "tpu", the word and
        // typo lists holding "tpu"/"tpus", and the manifest that names them.
        assertTrue(changed.size() <= 8, changed.toString());
        assertTrue(after.size() > 40, "small chunks make many files: " + after.size());
    }

    @Test
    void anExportThatReusesTheLastOneGivesTheBytesOfAFreshExportAndLinksTheFilesThatDidNotChange()
            throws IOException {
        StaticIndexExporter small = StaticIndexExporter.defaults().withChunkSizes(400, 4);
        List<SearchDocument> docs = new java.util.ArrayList<>(Fixtures.guide());
        IndexReuse reuse = new IndexReuse();
        try (SearchIndex index = SearchIndex.build(docs, reuse)) {
            small.write(index, tmp.resolve("a"), reuse, null);
        }
        reuse.commit();
        int i = docs.indexOf(docs.stream().filter(d -> d.id().equals("gg:accelerator/google-tpu")).findFirst()
                .orElseThrow());
        SearchDocument d = docs.get(i);
        docs.set(i, new SearchDocument(d.id(), d.url(), d.title(), d.type(), d.body() + " Now with quantum teleporters."));
        docs.remove(docs.size() - 1);
        ExportedIndex reused;
        try (SearchIndex index = SearchIndex.build(docs, reuse)) {
            reused = small.write(index, tmp.resolve("b"), reuse, tmp.resolve("a"));
        }
        ExportedIndex fresh = small.write(docs, tmp.resolve("c"));
        assertEquals(fresh.files(), reused.files());
        assertEquals(names(tmp.resolve("c")), names(tmp.resolve("b")));
        int linked = 0;
        for (String name : names(tmp.resolve("c"))) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("c").resolve(name)),
                    Files.readAllBytes(tmp.resolve("b").resolve(name)), name);
            Path before = tmp.resolve("a").resolve(name);
            if (Files.exists(before) && Files.isSameFile(before, tmp.resolve("b").resolve(name))) {
                linked++;
            }
        }
        assertTrue(linked > 0 && linked < names(tmp.resolve("c")).size(), linked + " files linked");
    }

    @Test
    void exportsInARowOfTheSameDocumentsEditedGiveTheBytesOfFreshExports() throws IOException {
        StaticIndexExporter small = StaticIndexExporter.defaults().withChunkSizes(400, 4);
        List<SearchDocument> docs = new java.util.ArrayList<>(Fixtures.guide());
        IndexReuse reuse = new IndexReuse();
        int i = docs.size() / 2;
        // a text, a type, then a title (the document's name key), then a word for another (the collection's
        // statistics stay the same, so other stems keep their scores): each edit keeps every id where it was
        List<java.util.function.UnaryOperator<SearchDocument>> edits = List.of(
                d -> new SearchDocument(d.id(), d.url(), d.title(), d.type(), d.body() + " Now with teleporters."),
                d -> new SearchDocument(d.id(), d.url(), d.title(), "Teleporter", d.body()),
                d -> new SearchDocument(d.id(), d.url(), "Quantum " + d.title(), d.type(), d.body()),
                d -> new SearchDocument(d.id(), d.url(), d.title(), d.type(),
                        d.body().replace("teleporters", "transporters")));
        for (int round = 0; round <= edits.size(); round++) {
            if (round > 0) {
                docs.set(i, edits.get(round - 1).apply(docs.get(i)));
            }
            ExportedIndex reused;
            try (SearchIndex index = SearchIndex.build(docs, reuse)) {
                reused = small.write(index, tmp.resolve("r" + round), reuse, null);
            }
            reuse.commit();
            ExportedIndex fresh = small.write(docs, tmp.resolve("f" + round));
            assertEquals(fresh.files(), reused.files(), "round " + round);
            for (String name : names(tmp.resolve("f" + round))) {
                assertArrayEquals(Files.readAllBytes(tmp.resolve("f" + round).resolve(name)),
                        Files.readAllBytes(tmp.resolve("r" + round).resolve(name)), "round " + round + ": " + name);
            }
        }
    }

    @Test
    void anEditThatKeepsTheStatisticsButNotTheBestScoreGivesTheBytesOfAFreshExport() throws IOException {
        // "alpha", the only title of one word, scores best; as the second title "beta" it scores less, so the
        // range of best scores, on which every stem's entry is written, changes while the statistics do not.
        List<SearchDocument> docs = new java.util.ArrayList<>(List.of(
                new SearchDocument("a", "a.html", "Alpha", "Page", "red green blue"),
                new SearchDocument("b", "b.html", "Beta Two", "Page", "red yellow green"),
                new SearchDocument("c", "c.html", "Gamma Three", "Page", "red purple cyan"),
                new SearchDocument("d", "d.html", "Delta Four", "Page", "green cyan magenta")));
        IndexReuse reuse = new IndexReuse();
        for (int round = 0; round < 2; round++) {
            if (round == 1) {
                docs.set(0, new SearchDocument("a", "a.html", "Beta", "Page", "red green blue"));
            }
            ExportedIndex reused;
            try (SearchIndex index = SearchIndex.build(docs, reuse)) {
                reused = StaticIndexExporter.defaults().write(index, tmp.resolve("r" + round), reuse, null);
            }
            reuse.commit();
            ExportedIndex fresh = StaticIndexExporter.export(docs, tmp.resolve("f" + round));
            assertEquals(fresh.files(), reused.files(), "round " + round);
            for (String name : names(tmp.resolve("f" + round))) {
                assertArrayEquals(Files.readAllBytes(tmp.resolve("f" + round).resolve(name)),
                        Files.readAllBytes(tmp.resolve("r" + round).resolve(name)), "round " + round + ": " + name);
            }
        }
        assertFalse(Files.readString(tmp.resolve("f0/manifest.js")).equals(
                Files.readString(tmp.resolve("f1/manifest.js"))), "the range of best scores changed");
    }

    @Test
    void anExportNotYetCommittedIsNotLinkedTo() throws IOException {
        IndexReuse reuse = new IndexReuse();
        try (SearchIndex index = SearchIndex.build(Fixtures.guide(), reuse)) {
            StaticIndexExporter.defaults().write(index, tmp.resolve("a"), reuse, null);
            // no commit: the site of "a" was never published, so nothing of it may be shared
            StaticIndexExporter.defaults().write(index, tmp.resolve("b"), reuse, tmp.resolve("a"));
        }
        for (String name : names(tmp.resolve("b"))) {
            assertFalse(Files.isSameFile(tmp.resolve("a").resolve(name), tmp.resolve("b").resolve(name)), name);
        }
    }

    @Test
    void aSlugIsTheLowerCaseRunsOfLettersAndDigitsJoinedByHyphensAndEmptyForOtherThanPlainAscii() {
        assertEquals("getting-started", StaticIndexExporter.slug("Getting Started!"));
        assertEquals("c-rust-2-0", StaticIndexExporter.slug("  --C++ & Rust 2.0--"));
        assertEquals("a", StaticIndexExporter.slug("-A-"));
        assertEquals("", StaticIndexExporter.slug("---"));
        assertEquals("", StaticIndexExporter.slug(""));
        assertEquals("", StaticIndexExporter.slug("\u00dcber uns"));
        assertEquals("", StaticIndexExporter.slug("tab\there"));
    }
}
