package org.guidegraph.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Built pages of a made-up guide of any size, for the benchmark: the same layout as the fixture site, about 450
 * words a page in 3–7 anchored sections, English-like text. Words follow Zipf's law over a vocabulary of real
 * function words (42% of tokens), the LLM guide's own words and generated roots with English endings (so
 * stemming and prefixes behave as on real text); 1% of tokens are versions and identifiers, which real docs are
 * full of. The most common content word is in about one section in ten. Deterministic for a seed.
 */
final class SyntheticSite {

    record Page(String path, String html) {
    }

    private static final String[] FUNCTION = ("the of and to a in is that for it as with be on not this by are or"
            + " at from an which can you your we our when each more one all also has have will its than only other"
            + " may into these use how new if but should must most so then there they their them been was were what"
            + " where while between both any some such no per two three first over under after before").split(" ");
    private static final String[] ONSETS = ("b c d f g h j k l m n p r s t v w z br cl cr dr fl gr pl pr sc sh sl"
            + " sp st str th tr").split(" ");
    private static final String[] VOWELS = "a e i o u ai ea io ou".split(" ");
    private static final String[] CODAS = {"", "", "n", "r", "s", "t", "l", "m", "nd", "nt", "st", "ct", "x"};
    private static final String[] ENDINGS = {"", "s", "ed", "ing", "er", "ers", "ation", "ations", "ment", "able",
        "ly", "ness", "ity", "ive", "al", "ize"};
    private static final String[] DIRS = {"approach", "feature", "use-case", "guide"};
    private static final String[] TYPES = {"Approach", "Feature", "Use case", "Page"};

    private final Random random;
    private final String[] words;
    private final String[] identifiers;
    private final double[] cumulative;

    SyntheticSite(long seed, List<String> realWords) {
        this.random = new Random(seed);
        Set<String> vocabulary = new LinkedHashSet<>();
        List<String> generated = new ArrayList<>();
        while (generated.size() < 22_000) {
            String root = syllable() + syllable() + (random.nextInt(3) == 0 ? syllable() : "");
            int forms = 2 + random.nextInt(4);
            for (int i = 0; i < forms; i++) {
                generated.add(root + ENDINGS[i == 0 ? 0 : random.nextInt(ENDINGS.length)]);
            }
        }
        java.util.Collections.shuffle(generated, random);
        // Real domain words take ranks among the frequent ones, as a guide's own terms do.
        List<String> ranked = new ArrayList<>(generated);
        int at = 40;
        for (String w : realWords) {
            ranked.add(Math.min(at, ranked.size()), w);
            at += 7;
        }
        vocabulary.addAll(ranked);
        this.words = vocabulary.toArray(new String[0]);
        this.identifiers = new String[20_000];
        for (int i = 0; i < identifiers.length; i++) {
            identifiers[i] = switch (random.nextInt(3)) {
                case 0 -> "v" + random.nextInt(3) + "." + random.nextInt(12) + "." + random.nextInt(10);
                case 1 -> (1 + random.nextInt(32)) + "x" + (char) ('A' + random.nextInt(26)) + random.nextInt(1000);
                default -> words[random.nextInt(2000)] + "-" + random.nextInt(100) + (char) ('a' + random.nextInt(26));
            };
        }
        this.cumulative = new double[words.length];
        double sum = 0;
        for (int i = 0; i < words.length; i++) {
            // Rank 1 is about the 50th word of English: the function words above take the first ranks.
            sum += 1.0 / (i + 50);
            cumulative[i] = sum;
        }
        for (int i = 0; i < words.length; i++) {
            cumulative[i] /= sum;
        }
    }

    private String syllable() {
        return ONSETS[random.nextInt(ONSETS.length)] + VOWELS[random.nextInt(VOWELS.length)]
                + CODAS[random.nextInt(CODAS.length)];
    }

    private String word() {
        double u = random.nextDouble();
        int i = java.util.Arrays.binarySearch(cumulative, u);
        return words[Math.min(i < 0 ? -i - 1 : i, words.length - 1)];
    }

    private String token() {
        int r = random.nextInt(100);
        if (r < 42) {
            return FUNCTION[(int) Math.floor(Math.pow(random.nextDouble(), 2.5) * FUNCTION.length)];
        }
        if (r < 43) {
            // versions, sizes and identifiers (v0.3.0, 8xH200, llama-3-8b): a few recur, most are rare
            return identifiers[(int) Math.floor(Math.pow(random.nextDouble(), 3) * identifiers.length)];
        }
        return word();
    }

    private String sentence() {
        int n = 6 + random.nextInt(19);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String t = token();
            if (i == 0) {
                t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
            } else {
                sb.append(random.nextInt(12) == 0 ? ", " : " ");
            }
            sb.append(t);
        }
        return sb.append('.').toString();
    }

    private String heading(int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = word();
            sb.append(i == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return sb.toString();
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private String paragraph() {
        StringBuilder sb = new StringBuilder("<p>");
        int n = 2 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(sentence());
        }
        return sb.append("</p>\n").toString();
    }

    /** Page {@code n} of the site: deterministic for the seed and the order of calls. */
    Page page(int n) {
        int kind = random.nextInt(100);
        int k = kind < 2 ? 0 : kind < 12 ? 1 : kind < 17 ? 2 : 3;
        String title = heading(2 + random.nextInt(4));
        String path = DIRS[k] + "/" + slug(title) + "-" + n + ".html";
        StringBuilder main = new StringBuilder("<h1 id=\"" + slug(title) + "\">" + title + "</h1>\n");
        main.append(paragraph());
        int sections = 2 + random.nextInt(5);
        Set<String> ids = new LinkedHashSet<>();
        for (int s = 0; s < sections; s++) {
            String h = heading(1 + random.nextInt(4));
            String id = slug(h);
            while (!ids.add(id)) {
                id = id + "-" + s;
            }
            main.append("<h2 id=\"").append(id).append("\">").append(h).append("</h2>\n");
            int paragraphs = 1 + random.nextInt(3);
            for (int p = 0; p < paragraphs; p++) {
                main.append(paragraph());
            }
            if (random.nextInt(5) == 0) {
                main.append("<pre><code>").append(sentence().toLowerCase(Locale.ROOT).replace(' ', '-'))
                        .append("</code></pre>\n");
            }
            if (random.nextInt(3) == 0) {
                String h3 = heading(1 + random.nextInt(3));
                String id3 = id + "-" + slug(h3);
                if (ids.add(id3)) {
                    main.append("<h3 id=\"").append(id3).append("\">").append(h3).append("</h3>\n")
                            .append(paragraph());
                }
            }
        }
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title
                + " — Synthetic guide</title>\n<meta name=\"gg:type\" content=\"" + TYPES[k] + "\">\n</head>\n<body>\n"
                + "<header><a href=\"../index.html\">Synthetic guide</a><nav><a href=\"../index.html\">Home</a></nav>"
                + "<form role=\"search\" id=\"gg-search\" action=\"../search.html\"><input type=\"search\""
                + " id=\"gg-search-input\" name=\"q\"></form></header>\n<main>\n" + main + "</main>\n"
                + "<footer>Generated by guidegraph.</footer>\n</body>\n</html>\n";
        return new Page(path, html);
    }

    /** A random word as a reader might search for it, drawn like the text is. */
    String queryWord() {
        String w;
        do {
            w = word();
        } while (w.length() < 3);
        return w;
    }
}
