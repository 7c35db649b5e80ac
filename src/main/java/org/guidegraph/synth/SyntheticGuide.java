package org.guidegraph.synth;

import static org.guidegraph.synth.TurtleText.lit;
import static org.guidegraph.synth.TurtleText.longLit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a valid guide of any size: approaches, features in categories, a complete matrix, accelerators, needs, use
 * cases with reasons, steps, resources and alternatives, a decision tree of a given depth, a summary, a key insight
 * and prose pages with a GFM table and a live SPARQL view. Everything is derived from the {@link Spec}, so the same
 * spec gives the same bytes; the guide passes {@code guidegraph check} with no errors and no warnings.
 */
public final class SyntheticGuide {

    /** The guide's IRI; every entity lives under it. */
    public static final String NS = "https://guidegraph.org/guides/synthetic/";

    private static final String[] LEVELS = {"gg:Yes", "gg:Partial", "gg:No", "gg:Informational"};
    private static final String[][] VALUES = {
        {"Yes", "Supported", "Built in", "Included", "Native"},
        {"Limited", "Basic", "Experimental", "Via plugin", "Manual"},
        {"No", "Not supported", "Planned"},
        {}};
    private static final List<String> QUALIFIERS = List.of("simplest", "fastest", "cheapest", "most flexible");
    /** Widest level of the decision tree, so that a deep tree stays a readable size. */
    private static final int MAX_TREE_WIDTH = 8;

    /**
     * What to generate. Counts of the other kinds follow from these (see the accessors).
     *
     * @param approaches approaches (matrix columns), at least 1
     * @param features features (matrix rows), at least 1
     * @param useCases use cases, at least 1
     * @param depth levels of questions on the longest path of the decision tree, at least 1
     * @param seed seed of the word generator
     */
    public record Spec(int approaches, int features, int useCases, int depth, long seed) {

        public Spec {
            if (approaches < 1 || features < 1 || useCases < 1 || depth < 1) {
                throw new IllegalArgumentException("approaches, features, use cases and depth must each be at least 1"
                        + " (got " + approaches + ", " + features + ", " + useCases + ", " + depth + ")");
            }
        }

        /** One category per 25 features. */
        public int categories() {
            return Math.max(1, (features + 24) / 25);
        }

        /** One need per 5 features, each about its own feature. */
        public int needs() {
            return Math.max(1, features / 5);
        }

        /** One accelerator family per 100 features, at least 2. */
        public int accelerators() {
            return Math.max(2, (features + 99) / 100);
        }

        /** One summary situation per 20 use cases, at least 2. */
        public int situations() {
            return Math.max(2, (useCases + 19) / 20);
        }

        /** One prose page per 500 approaches, features and use cases, at least 1. */
        public int prosePages() {
            return Math.max(1, (approaches + features + useCases + 499) / 500);
        }

        /** Pages of entities and prose: what the built-in templates add their fixed pages to. */
        public int entityAndProsePages() {
            return approaches + features + useCases + needs() + accelerators() + categories() + prosePages();
        }

        /**
         * A spec for about {@code pages} pages (entity and prose pages plus {@code fixedPages}), with 8 approaches
         * and features and use cases in equal numbers, so that sizes scale linearly.
         */
        public static Spec forPages(int pages, int fixedPages, int depth, long seed) {
            int approaches = 8;
            int target = Math.max(approaches + 2, pages - fixedPages);
            int features = Math.max(1, (int) Math.round((target - approaches) / 2.25));
            Spec s = new Spec(approaches, features, 1, depth, seed);
            int useCases = Math.max(1, target - (s.entityAndProsePages() - 1));
            s = new Spec(approaches, features, useCases, depth, seed);
            // the prose page count depends on use cases; settle it
            int again = Math.max(1, target - (s.entityAndProsePages() - useCases));
            return new Spec(approaches, features, again, depth, seed);
        }
    }

    private final Spec spec;
    private final Words w;
    private final List<String> approaches = new ArrayList<>();
    private final List<String> features = new ArrayList<>();
    private final List<String> categories = new ArrayList<>();
    private final List<String> accelerators = new ArrayList<>();
    private final List<String> useCases = new ArrayList<>();
    private final int[][] level;

    private SyntheticGuide(Spec spec) {
        this.spec = spec;
        this.w = new Words(spec.seed());
        for (int i = 0; i < spec.approaches(); i++) {
            approaches.add(Words.approachName(i));
        }
        for (int i = 0; i < spec.features(); i++) {
            features.add(Words.featureName(i));
        }
        for (int i = 0; i < spec.categories(); i++) {
            categories.add(Words.categoryName(i));
        }
        for (int i = 0; i < spec.accelerators(); i++) {
            accelerators.add(Words.acceleratorName(i));
        }
        for (int i = 0; i < spec.useCases(); i++) {
            useCases.add(Words.useCaseName(i));
        }
        level = new int[spec.features()][spec.approaches()];
    }

    /** The guide's files, by path relative to the guide folder, sorted. */
    public static Map<String, String> files(Spec spec) {
        return new SyntheticGuide(spec).generate();
    }

    /**
     * Writes the guide into {@code dir} (created if missing). Refuses a folder that already has {@code content/}, so
     * that no guide is overwritten by mistake.
     */
    public static Map<String, String> write(Spec spec, Path dir) throws IOException {
        if (Files.exists(dir.resolve("content"))) {
            throw new IOException(dir + " already has a content/ folder: choose an empty or new folder");
        }
        Map<String, String> files = files(spec);
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
        return files;
    }

    private Map<String, String> generate() {
        Map<String, String> out = new TreeMap<>();
        // Order matters only for the random stream: each file draws its words after the one before.
        out.put("content/graph/guide.ttl", guide());
        out.put("content/graph/approaches.ttl", approaches());
        out.putAll(byCategory("features", features()));
        out.putAll(byCategory("matrix", matrix()));
        out.put("content/graph/accelerators.ttl", accelerators());
        out.putAll(byCategory("needs", needs()));
        out.put("content/graph/resources.ttl", resources());
        out.put("content/graph/use-cases.ttl", useCases());
        out.put("content/graph/decision-tree.ttl", decisionTree());
        out.put("content/graph/summary.ttl", summary());
        for (int p = 0; p < spec.prosePages(); p++) {
            out.put("content/pages/" + (p == 0 ? "overview" : "notes-" + (p + 1)) + ".md", prose(p));
        }
        out.put("README.md", readme());
        return out;
    }

    // --- naming -------------------------------------------------------------------------------------------------

    private String a(int i) {
        return "approach:" + Words.slug(approaches.get(i));
    }

    private String f(int i) {
        return "feature:" + Words.slug(features.get(i));
    }

    private String cat(int i) {
        return "category:" + Words.slug(categories.get(i));
    }

    private String acc(int i) {
        return "accelerator:" + Words.slug(accelerators.get(i));
    }

    private String uc(int i) {
        return "use-case:" + Words.slug(useCases.get(i));
    }

    private static String header(String comment) {
        return "# " + comment + "\n# Generated by guidegraph synth: edit the generator, not this file.\n\n"
                + """
                @prefix gg:                  <https://guidegraph.org/ns#> .
                @prefix rdfs:                <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix xsd:                 <http://www.w3.org/2001/XMLSchema#> .
                @prefix skos:                <http://www.w3.org/2004/02/skos/core#> .
                @prefix dcterms:             <http://purl.org/dc/terms/> .
                @prefix doap:                <http://usefulinc.com/ns/doap#> .
                @prefix schema:              <https://schema.org/> .
                """
                + prefix("guide", "") + prefix("section", "section/") + prefix("approach", "approach/")
                + prefix("repository", "repository/") + prefix("category", "category/")
                + prefix("feature", "feature/") + prefix("assessment", "assessment/")
                + prefix("accelerator", "accelerator/") + prefix("accelerator-support", "accelerator-support/")
                + prefix("need", "need/") + prefix("use-case", "use-case/") + prefix("step", "step/")
                + prefix("resource", "resource/") + prefix("path", "path/") + prefix("decision", "decision/")
                + prefix("situation", "situation/") + "\n";
    }

    private static String prefix(String name, String local) {
        String p = "@prefix " + name + ":";
        return p + " ".repeat(Math.max(1, 29 - p.length())) + "<" + NS + local + "> .\n";
    }

    /** The feature category of a feature: 25 features to a category, in order. */
    private static int categoryOf(int feature) {
        return feature / 25;
    }

    /**
     * One file per feature category for a part of the guide that grows with the features, as large real guides split
     * them: an edit to one matrix cell then reads one small file again, not the whole matrix. Categories without a
     * file's worth of content get no file.
     */
    private Map<String, String> byCategory(String part, StringBuilder[] files) {
        Map<String, String> out = new TreeMap<>();
        for (int c = 0; c < files.length; c++) {
            if (files[c] != null) {
                out.put("content/graph/" + part + "/" + Words.slug(categories.get(c)) + ".ttl", files[c].toString());
            }
        }
        return out;
    }

    // --- files --------------------------------------------------------------------------------------------------

    private String guide() {
        StringBuilder sb = new StringBuilder(header("The guide, its key insight, help steps and the sections facts cite."));
        sb.append("guide:\n    a gg:Guide ;\n    rdfs:label \"Synthetic Serving Guide\" ;\n")
                .append("    dcterms:title \"Synthetic Serving Guide\" ;\n")
                .append("    dcterms:date \"2025-06-01\"^^xsd:date ;\n")
                .append("    gg:purpose ").append(lit("Help you choose between " + spec.approaches()
                        + " serving approaches across " + spec.features() + " features")).append(" ;\n")
                .append("    dcterms:source \"synthetic-guide.md\" ;\n")
                .append("    gg:decisionTree decision:tree ;\n")
                .append("    gg:closingAdvice ").append(lit(w.sentence())).append(" ;\n")
                .append("    gg:keyInsight [\n        a gg:KeyInsight ;\n        gg:headline \"For most teams:\" ;\n");
        int points = Math.min(3, spec.approaches());
        sb.append("        gg:point ");
        for (int i = 0; i < points; i++) {
            sb.append(i == 0 ? "" : " , ").append("[ a gg:Item ; gg:order ").append(i + 1).append(" ; gg:text ")
                    .append(lit("Use " + approaches.get(i) + " " + w.phrase(3, 7).toLowerCase(Locale.ROOT)))
                    .append(" ; gg:approach ").append(a(i)).append(" ]");
        }
        sb.append(" ;\n        gg:caveat ").append(lit(w.sentence())).append(" ;\n")
                .append("        dcterms:source section:summary ;\n    ] ;\n    gg:helpStep ");
        for (int i = 0; i < 3; i++) {
            sb.append(i == 0 ? "" : " ,\n        ").append("[ a gg:Item ; gg:order ").append(i + 1)
                    .append(" ; gg:text ").append(lit(w.sentence()));
            if (i == 1) {
                sb.append(" ; gg:resource resource:").append(Words.slug(approaches.get(0))).append("-docs");
            }
            sb.append(" ]");
        }
        sb.append(" .\n\n");
        String[][] sections = {{"decision-tree", "Decision Tree"}, {"comparison-matrix", "Comparison Matrix"},
            {"accelerators", "Accelerators"}, {"needs", "Feature by Feature"}, {"use-cases", "Use Cases"},
            {"resources", "Resources"}, {"summary", "Summary"}};
        for (int i = 0; i < sections.length; i++) {
            sb.append("section:").append(sections[i][0]).append("\n    a gg:Section ;\n    rdfs:label ")
                    .append(lit(sections[i][1])).append(" ;\n    gg:order ").append(i + 1)
                    .append(" ;\n    gg:anchor ").append(lit(sections[i][0])).append(" ;\n    dcterms:isPartOf guide: .\n\n");
        }
        return sb.toString();
    }

    private String approaches() {
        StringBuilder sb = new StringBuilder(header("The approaches (matrix columns) and their repositories."));
        for (int i = 0; i < approaches.size(); i++) {
            String slug = Words.slug(approaches.get(i));
            sb.append(a(i)).append("\n    a gg:Approach ;\n    rdfs:label ").append(lit(approaches.get(i)))
                    .append(" ;\n    gg:shortLabel ").append(lit(approaches.get(i).split(" ")[0]))
                    .append(" ;\n    gg:order ").append(i + 1)
                    .append(" ;\n    doap:homepage <https://").append(slug).append(".example.org/>")
                    .append(" ;\n    doap:repository repository:").append(slug).append(" .\n\n");
            sb.append("repository:").append(slug).append("\n    a gg:Repository , doap:GitRepository ;\n")
                    .append("    rdfs:label ").append(lit("example/" + slug + " on the code host")).append(" ;\n")
                    .append("    gg:availability gg:Public ;\n")
                    .append("    schema:url <https://code.example.org/example/").append(slug).append("> ;\n")
                    .append("    doap:location <https://code.example.org/example/").append(slug).append("> .\n\n");
        }
        return sb.toString();
    }

    private StringBuilder[] features() {
        StringBuilder[] files = new StringBuilder[categories.size()];
        for (int i = 0; i < categories.size(); i++) {
            files[i] = new StringBuilder(header("The feature category " + categories.get(i)
                    + " and its features (matrix rows)."));
            files[i].append(cat(i)).append("\n    a gg:FeatureCategory ;\n    skos:inScheme gg:FeatureCategories ;\n")
                    .append("    rdfs:label ").append(lit(categories.get(i))).append(" ;\n    gg:order ")
                    .append(i + 1).append(" .\n\n");
        }
        for (int i = 0; i < features.size(); i++) {
            StringBuilder sb = files[categoryOf(i)];
            sb.append(f(i)).append("\n    a gg:Feature ;\n    rdfs:label ").append(lit(features.get(i)))
                    .append(" ;\n    gg:category ").append(cat(categoryOf(i))).append(" ;\n    gg:order ").append(i + 1)
                    .append(" .\n\n");
        }
        return files;
    }

    private StringBuilder[] matrix() {
        StringBuilder[] files = new StringBuilder[categories.size()];
        for (int fi = 0; fi < features.size(); fi++) {
            int c = categoryOf(fi);
            if (files[c] == null) {
                files[c] = new StringBuilder(header("The matrix rows of the feature category " + categories.get(c)
                        + ": one assessment per approach and feature."));
            }
            StringBuilder sb = files[c];
            for (int ai = 0; ai < approaches.size(); ai++) {
                double r = w.rng().nextDouble();
                int lv = r < 0.45 ? 0 : r < 0.7 ? 1 : r < 0.9 ? 2 : 3;
                level[fi][ai] = lv;
                String value = lv == 3 ? (w.chance(0.5) ? w.version() : w.noun()) : w.pick(List.of(VALUES[lv]));
                sb.append("assessment:").append(Words.slug(approaches.get(ai))).append("--")
                        .append(Words.slug(features.get(fi))).append("\n    a gg:Assessment ;\n    rdfs:label ")
                        .append(lit(approaches.get(ai) + ": " + features.get(fi))).append(" ;\n    gg:approach ")
                        .append(a(ai)).append(" ;\n    gg:feature ").append(f(fi)).append(" ;\n    gg:level ")
                        .append(LEVELS[lv]).append(" ;\n    gg:value ").append(lit(value));
                if (w.chance(0.15)) {
                    sb.append(" ;\n    gg:note ").append(lit(w.phrase(2, 5).toLowerCase(Locale.ROOT)));
                }
                if (w.chance(0.05)) {
                    sb.append(" ;\n    gg:asOf \"2025-0").append(w.between(1, 5)).append("-1").append(w.between(0, 9))
                            .append("\"^^xsd:date");
                }
                sb.append(" ;\n    dcterms:source section:comparison-matrix .\n\n");
            }
        }
        return files;
    }

    private String accelerators() {
        StringBuilder sb = new StringBuilder(header("Accelerator families and which approach supports which."));
        for (int i = 0; i < accelerators.size(); i++) {
            sb.append(acc(i)).append("\n    a gg:Accelerator ;\n    rdfs:label ").append(lit(accelerators.get(i)))
                    .append(" ;\n    gg:shortLabel ").append(lit(accelerators.get(i).split(" ")[0]))
                    .append(" ;\n    gg:vendor ").append(lit(Words.vendorOf(i))).append(" ;\n    gg:order ")
                    .append(i + 1).append(" .\n\n");
        }
        for (int ai = 0; ai < approaches.size(); ai++) {
            for (int xi = 0; xi < accelerators.size(); xi++) {
                if (!w.chance(0.5)) {
                    continue;
                }
                sb.append("accelerator-support:").append(Words.slug(approaches.get(ai))).append("--")
                        .append(Words.slug(accelerators.get(xi))).append("\n    a gg:AcceleratorSupport ;\n")
                        .append("    rdfs:label ").append(lit(approaches.get(ai) + " on " + accelerators.get(xi)))
                        .append(" ;\n    gg:approach ").append(a(ai)).append(" ;\n    gg:accelerator ").append(acc(xi))
                        .append(" ;\n    gg:level ").append(w.chance(0.7) ? "gg:Yes" : "gg:Partial");
                if (w.chance(0.2)) {
                    sb.append(" ;\n    gg:note ").append(lit(w.phrase(2, 5).toLowerCase(Locale.ROOT)));
                }
                sb.append(" ;\n    dcterms:source section:accelerators .\n\n");
            }
        }
        return sb.toString();
    }

    private StringBuilder[] needs() {
        StringBuilder[] files = new StringBuilder[categories.size()];
        int n = spec.needs();
        for (int k = 0; k < n; k++) {
            int fi = (int) ((long) k * features.size() / n);
            int c = categoryOf(fi);
            if (files[c] == null) {
                files[c] = new StringBuilder(header("The \"I need: …\" sections about the features of the category "
                        + categories.get(c) + ", each about one feature; levels agree with the matrix."));
            }
            StringBuilder sb = files[c];
            sb.append("need:").append(Words.slug(features.get(fi))).append("\n    a gg:Need ;\n    rdfs:label ")
                    .append(lit(features.get(fi))).append(" ;\n    gg:order ").append(k + 1)
                    .append(" ;\n    gg:feature ").append(f(fi)).append(" ;\n    dcterms:source section:needs ;\n")
                    .append("    gg:detail ");
            for (int ai = 0; ai < approaches.size(); ai++) {
                int lv = level[fi][ai];
                sb.append(ai == 0 ? "[\n" : " , [\n").append("        a gg:NeedDetail ;\n        gg:order ")
                        .append(ai + 1).append(" ;\n        gg:approach ").append(a(ai))
                        .append(" ;\n        gg:level ").append(LEVELS[lv]).append(" ;\n        gg:point\n");
                int points = w.between(2, 3);
                for (int p = 0; p < points; p++) {
                    sb.append(p == 0 ? "            " : " ,\n            ").append("[ a gg:Item ; gg:order ")
                            .append(p + 1).append(" ; gg:text ").append(lit(w.phrase(4, 9)));
                    if (lv < 3 && w.chance(0.2)) {
                        sb.append(" ; gg:level ").append(LEVELS[lv]);
                    } else if (w.chance(0.1)) {
                        sb.append(" ; gg:accelerator ").append(acc(w.rng().nextInt(accelerators.size())));
                    }
                    sb.append(" ]");
                }
                sb.append(" ;\n    ]");
            }
            sb.append(" .\n\n");
        }
        return files;
    }

    private String resources() {
        StringBuilder sb = new StringBuilder(header("Learning resources: four per approach, one per use case."));
        String[][] kinds = {{"website", "Website", "gg:KindWebsite", "Official Documentation"},
            {"docs", "Documentation", "gg:KindDocumentation", "Official Documentation"},
            {"repository", "Source repository", "gg:KindRepository", "Community"},
            {"quickstart", "Quickstart", "gg:KindGuide", "Examples"}};
        for (int ai = 0; ai < approaches.size(); ai++) {
            String slug = Words.slug(approaches.get(ai));
            for (int k = 0; k < kinds.length; k++) {
                sb.append("resource:").append(slug).append('-').append(kinds[k][0]).append("\n    a gg:Resource ;\n")
                        .append("    rdfs:label ").append(lit(kinds[k][1])).append(" ;\n    gg:resourceKind ")
                        .append(kinds[k][2]).append(" ;\n");
                switch (k) {
                    case 0 -> sb.append("    schema:url <https://").append(slug).append(".example.org/> ;\n");
                    case 1 -> sb.append("    schema:url <https://").append(slug).append(".example.org/docs/> ;\n");
                    case 2 -> sb.append("    schema:url <https://code.example.org/example/").append(slug).append("> ;\n");
                    default -> sb.append("    gg:path \"docs/quickstart.md\" ;\n    gg:inRepository repository:")
                            .append(slug).append(" ;\n    rdfs:comment ").append(lit(w.phrase(3, 6))).append(" ;\n");
                }
                sb.append("    gg:forApproach ").append(a(ai)).append(" ;\n    gg:group ").append(lit(kinds[k][3]))
                        .append(" ;\n    gg:order ").append(k + 1).append(" .\n\n");
            }
        }
        for (int u = 0; u < useCases.size(); u++) {
            String slug = Words.slug(useCases.get(u));
            sb.append("resource:").append(slug).append("-guide\n    a gg:Resource ;\n    rdfs:label ")
                    .append(lit(useCases.get(u) + " guide")).append(" ;\n    rdfs:comment ")
                    .append(lit(w.phrase(3, 8))).append(" ;\n    gg:resourceKind gg:KindDocumentation ;\n")
                    .append("    schema:url <https://docs.example.org/use-cases/").append(slug).append("> .\n\n");
        }
        return sb.toString();
    }

    private String useCases() {
        StringBuilder sb = new StringBuilder(header("Use cases with best choices, reasons, steps, resources and "
                + "alternatives."));
        int n = approaches.size();
        for (int u = 0; u < useCases.size(); u++) {
            String slug = Words.slug(useCases.get(u));
            int first = w.rng().nextInt(n);
            List<Integer> choices = new ArrayList<>(List.of(first));
            if (n > 1 && w.chance(0.3)) {
                choices.add((first + 1 + w.rng().nextInt(n - 1)) % n);
            }
            sb.append(uc(u)).append("\n    a gg:UseCase ;\n    rdfs:label ").append(lit(useCases.get(u)))
                    .append(" ;\n    gg:order ").append(u + 1).append(" ;\n    dcterms:source section:use-cases ;\n")
                    .append("    gg:bestChoice ");
            for (int c = 0; c < choices.size(); c++) {
                sb.append(c == 0 ? "" : " , ").append("[ a gg:Choice ; gg:approach ").append(a(choices.get(c)))
                        .append(" ; gg:order ").append(c + 1);
                if (w.chance(0.3)) {
                    sb.append(" ; gg:qualifier ").append(lit(w.pick(QUALIFIERS)));
                }
                sb.append(" ]");
            }
            sb.append(" ;\n    gg:reason");
            int reasons = w.between(2, 4);
            for (int r = 0; r < reasons; r++) {
                sb.append(r == 0 ? "\n        " : " ,\n        ").append("[ a gg:Item ; gg:order ").append(r + 1)
                        .append(" ; gg:text ").append(lit(w.sentence()));
                if (w.chance(0.3)) {
                    sb.append(" ; gg:approach ").append(a(choices.get(0)));
                }
                sb.append(" ]");
            }
            boolean second = w.chance(0.3);
            sb.append(" ;\n    gg:step step:").append(slug).append("-getting-started");
            if (second) {
                sb.append(" , step:").append(slug).append("-configuration");
            }
            sb.append(" ;\n    gg:resource resource:").append(slug).append("-guide , resource:")
                    .append(Words.slug(approaches.get(choices.get(0)))).append("-docs");
            if (n > 1 && w.chance(0.6)) {
                int alt = (choices.get(0) + 1 + w.rng().nextInt(n - 1)) % n;
                sb.append(" ;\n    gg:alternative [ a gg:Alternative ; gg:condition ")
                        .append(lit("If you " + w.phrase(3, 7).toLowerCase(Locale.ROOT))).append(" ; gg:approach ")
                        .append(a(alt)).append(" ; gg:order 1 ]");
            }
            boolean path = u % 10 == 0;
            if (path) {
                sb.append(" ;\n    gg:wellLitPath path:").append(slug);
            }
            sb.append(" .\n\n");
            String approachSlug = Words.slug(approaches.get(choices.get(0)));
            sb.append("step:").append(slug).append("-getting-started\n    a gg:Step ;\n    rdfs:label \"Getting Started\" ;\n")
                    .append("    gg:order 1 ;\n    gg:approach ").append(a(choices.get(0)))
                    .append(" ;\n    gg:codeLanguage \"bash\" ;\n    gg:code ")
                    .append(longLit("synthctl install " + approachSlug + "\nsynthctl deploy --workload " + slug
                            + " --replicas " + w.between(1, 8) + "\nsynthctl status " + slug))
                    .append(" .\n\n");
            if (second) {
                sb.append("step:").append(slug).append("-configuration\n    a gg:Step ;\n    rdfs:label \"Configuration\" ;\n")
                        .append("    gg:order 2 ;\n    gg:codeLanguage \"yaml\" ;\n    gg:code ")
                        .append(longLit("workload: " + slug + "\nreplicas: " + w.between(1, 8) + "\ncache: "
                                + w.workloadWord() + "\n"))
                        .append(" .\n\n");
            }
            if (path) {
                sb.append("path:").append(slug).append("\n    a gg:WellLitPath ;\n    rdfs:label ")
                        .append(lit(useCases.get(u) + " reference setup")).append(" ;\n    gg:order 1 ;\n")
                        .append("    gg:model ").append(lit("Model-" + w.between(1, 70) + "B")).append(" ;\n")
                        .append("    gg:workerLayout ").append(lit(w.between(1, 4) + " prefill + 1 decode workers"))
                        .append(" ;\n    gg:hardware ").append(lit(w.between(1, 8) + "x " + accelerators.get(0)))
                        .append(" ;\n    gg:location resource:").append(slug).append("-path .\n\n")
                        .append("resource:").append(slug).append("-path\n    a gg:Resource , gg:Location ;\n")
                        .append("    rdfs:label ").append(lit(useCases.get(u) + " setup guide")).append(" ;\n")
                        .append("    gg:resourceKind gg:KindGuide ;\n    gg:path ")
                        .append(lit("guides/" + slug + "/README.md")).append(" ;\n    gg:inRepository repository:")
                        .append(approachSlug).append(" .\n\n");
            }
        }
        return sb.toString();
    }

    /**
     * A tree whose longest path asks {@code depth} questions: level 1 has one question, each level at most twice as
     * many as the one before (at most {@value #MAX_TREE_WIDTH}); options lead to a question of the next level or to
     * an outcome, and every question of the last level leads to outcomes only.
     */
    private String decisionTree() {
        StringBuilder sb = new StringBuilder(header("The decision tree: " + spec.depth() + " levels of questions."));
        List<Integer> widths = new ArrayList<>();
        int width = 1;
        for (int l = 0; l < spec.depth(); l++) {
            widths.add(width);
            width = Math.min(width * 2, MAX_TREE_WIDTH);
        }
        StringBuilder outcomes = new StringBuilder();
        int[] outcomeCount = {0};
        int order = 0;
        sb.append("decision:tree\n    a gg:DecisionTree ;\n    rdfs:label \"Decision Tree\" ;\n")
                .append("    gg:root decision:q-1-1 ;\n    dcterms:source section:decision-tree .\n\n");
        for (int l = 0; l < widths.size(); l++) {
            boolean last = l == widths.size() - 1;
            int next = last ? 0 : widths.get(l + 1);
            for (int q = 0; q < widths.get(l); q++) {
                String topic = w.workloadWord();
                sb.append("decision:q-").append(l + 1).append('-').append(q + 1).append("\n    a gg:Question ;\n")
                        .append("    rdfs:label ").append(lit(Words.capitalize(topic) + " " + (l + 1) + "." + (q + 1) + "?"))
                        .append(" ;\n    gg:text ").append(lit("Do you " + w.phrase(4, 9).toLowerCase(Locale.ROOT) + "?"))
                        .append(" ;\n    gg:order ").append(++order).append(" ;\n    gg:option ");
                int options = last ? 2 : 3;
                for (int o = 0; o < options; o++) {
                    int child = 2 * q + o;
                    String target;
                    if (!last && o < 2 && child < next) {
                        target = "decision:q-" + (l + 2) + "-" + (child + 1);
                    } else {
                        target = outcome(outcomes, ++outcomeCount[0]);
                    }
                    sb.append(o == 0 ? "[\n" : " , [\n").append("        a gg:Option ;\n        rdfs:label ")
                            .append(lit(o == 0 ? "Yes" : o == 1 ? "No" : "Not sure")).append(" ;\n        gg:order ")
                            .append(o + 1).append(" ;\n        gg:leadsTo ").append(target).append(" ;\n    ]");
                }
                sb.append(" .\n\n");
            }
        }
        return sb.append(outcomes).toString();
    }

    private String outcome(StringBuilder out, int n) {
        int ai = (n - 1) % approaches.size();
        String iri = "decision:o-" + n;
        out.append(iri).append("\n    a gg:Outcome ;\n    rdfs:label ")
                .append(lit("Outcome " + n + ": " + approaches.get(ai))).append(" ;\n    gg:text ")
                .append(lit("Use " + approaches.get(ai) + " for " + w.workloadWord() + " workloads"))
                .append(" ;\n    gg:status ").append(w.chance(0.85) ? "gg:Recommended" : "gg:Wait")
                .append(" ;\n    gg:recommends ").append(a(ai));
        if (w.chance(0.5)) {
            out.append(" ;\n    gg:useCase ").append(uc((n - 1) % useCases.size()));
        }
        if (w.chance(0.3)) {
            out.append(" ;\n    gg:resource resource:").append(Words.slug(approaches.get(ai))).append("-website");
        }
        if (w.chance(0.2)) {
            out.append(" ;\n    gg:note ").append(lit(w.sentence()));
        }
        out.append(" .\n\n");
        return iri;
    }

    private String summary() {
        StringBuilder sb = new StringBuilder(header("The summary table: situations and what they recommend."));
        int n = approaches.size();
        for (int s = 0; s < spec.situations(); s++) {
            String label = "You need " + features.get(s % features.size()).toLowerCase(Locale.ROOT)
                    + (s >= features.size() ? " " + (s / features.size() + 1) : "");
            int first = s % n;
            int second = (first + 1) % n;
            boolean two = n > 1 && w.chance(0.3);
            sb.append("situation:s-").append(s + 1).append("\n    a gg:Situation ;\n    rdfs:label ").append(lit(label))
                    .append(" ;\n    gg:situation ").append(lit(label)).append(" ;\n    gg:recommendationText ")
                    .append(lit(approaches.get(first) + (two ? " (or " + approaches.get(second) + ")" : "")))
                    .append(" ;\n    gg:approach ").append(a(first)).append(two ? " , " + a(second) : "")
                    .append(" ;\n    gg:order ").append(s + 1).append(" .\n\n");
        }
        return sb.toString();
    }

    private String prose(int p) {
        StringBuilder sb = new StringBuilder("---\n");
        int category = p % categories.size();
        sb.append("title: ").append(p == 0 ? "Overview" : "Notes on " + categories.get(category)).append('\n')
                .append("about: ").append(p == 0 ? NS : NS + "category/" + Words.slug(categories.get(category)))
                .append('\n').append("order: ").append(p + 1).append("\n---\n\n");
        sb.append(w.paragraph(3, 5)).append("\n\n## Terms\n\n").append(w.paragraph(1, 2)).append("\n\n");
        sb.append("| Term | Meaning | Default |\n|---|---|---|\n");
        int rows = w.between(4, 7);
        for (int r = 0; r < rows; r++) {
            sb.append("| ").append(w.noun()).append(" | ").append(w.phrase(4, 8).replace("|", "/")).append(" | `")
                    .append(w.version()).append("` |\n");
        }
        sb.append("\n## From the graph\n\n").append(w.paragraph(1, 3)).append("\n\n");
        if (p == 0) {
            sb.append("```sparql table\nSELECT ?approach ?label (COUNT(?cell) AS ?supported) WHERE {\n")
                    .append("  ?approach a gg:Approach ; rdfs:label ?label .\n")
                    .append("  ?cell a gg:Assessment ; gg:approach ?approach ; gg:level gg:Yes .\n")
                    .append("}\nGROUP BY ?approach ?label\nORDER BY DESC(?supported) ?label ?approach\n```\n\n");
        } else {
            sb.append("```sparql table\nSELECT ?feature ?label WHERE {\n  ?feature gg:category ").append(cat(category))
                    .append(" ; rdfs:label ?label ; gg:order ?order .\n}\nORDER BY ?order ?feature\n```\n\n");
        }
        for (int k = 0; k < 2; k++) {
            sb.append("## ").append(w.phrase(2, 4)).append("\n\n").append(w.paragraph(2, 5)).append("\n\n");
        }
        return sb.toString();
    }

    private String readme() {
        return "# Synthetic guide\n\nGenerated by `guidegraph synth --approaches " + spec.approaches() + " --features "
                + spec.features() + " --use-cases " + spec.useCases() + " --depth " + spec.depth() + " --seed "
                + spec.seed() + "`: " + spec.approaches() + " approaches, " + spec.features() + " features in "
                + spec.categories() + " categories, " + spec.accelerators() + " accelerators, " + spec.needs()
                + " needs, " + spec.useCases() + " use cases, " + spec.situations() + " situations and "
                + spec.prosePages() + " prose pages. The words are invented; the structure is a real guide's.\n";
    }

    /** Sizes of the generated guide, for messages. */
    public static List<String> describe(Spec s) {
        return Collections.unmodifiableList(List.of(
                s.approaches() + " approaches", s.features() + " features", s.categories() + " categories",
                s.accelerators() + " accelerators", s.needs() + " needs", s.useCases() + " use cases",
                s.prosePages() + " prose pages"));
    }
}
