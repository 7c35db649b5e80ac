package org.guidegraph.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guidegraph.search.internal.Analysis;

/**
 * One search document analysed once: its distinct stems with their frequency in the title and in the body, the
 * lengths of both (in tokens), its distinct surface forms, its name key and its weight. This is all that scoring
 * (BM25), the vocabulary and the Lucene index read, so a document that did not change since the last build need not
 * be analysed again.
 */
final class AnalysedDocument {

    /** Distinct stems, in the order first seen (title, then body). */
    final String[] stems;
    /** How often each stem occurs in the title. */
    final int[] titleFreqs;
    /** How often each stem occurs in the body. */
    final int[] bodyFreqs;
    final int titleLength;
    final int bodyLength;
    /** Distinct surface forms of title and body. */
    final Set<String> surfaces;
    /** The document's name key ({@link SearchIndex#nameKey}), or null. */
    final String nameKey;
    /** The document's {@link SearchDocument#weight}. */
    final float weight;

    private AnalysedDocument(String[] stems, int[] titleFreqs, int[] bodyFreqs, int titleLength, int bodyLength,
            Set<String> surfaces, String nameKey, float weight) {
        this.stems = stems;
        this.titleFreqs = titleFreqs;
        this.bodyFreqs = bodyFreqs;
        this.titleLength = titleLength;
        this.bodyLength = bodyLength;
        this.surfaces = surfaces;
        this.nameKey = nameKey;
        this.weight = weight;
    }

    /** Analyses a document; {@code stemOf} gives a surface form's stem ({@link Analysis#stem}, cached). */
    static AnalysedDocument of(SearchDocument d, java.util.function.Function<String, String> stemOf) {
        List<String> title = Analysis.surfaces(d.title());
        List<String> body = Analysis.surfaces(d.body());
        Map<String, Integer> slot = new HashMap<>();
        List<String> stems = new ArrayList<>();
        int[] t = new int[title.size() + body.size()];
        int[] b = new int[t.length];
        for (String s : title) {
            t[slot.computeIfAbsent(stemOf.apply(s), k -> add(stems, k))]++;
        }
        for (String s : body) {
            b[slot.computeIfAbsent(stemOf.apply(s), k -> add(stems, k))]++;
        }
        Set<String> surfaces = new LinkedHashSet<>(title);
        surfaces.addAll(body);
        int n = stems.size();
        return new AnalysedDocument(stems.toArray(String[]::new), Arrays.copyOf(t, n), Arrays.copyOf(b, n),
                title.size(), body.size(), Set.copyOf(surfaces), SearchIndex.nameKey(d), d.weight());
    }

    private static int add(List<String> stems, String stem) {
        stems.add(stem);
        return stems.size() - 1;
    }

    /** The title's tokens as Lucene indexes them (each stem as often as it occurs; order does not count). */
    List<String> titleTokens() {
        return tokens(titleFreqs);
    }

    /** The body's tokens as Lucene indexes them. */
    List<String> bodyTokens() {
        return tokens(bodyFreqs);
    }

    private List<String> tokens(int[] freqs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < stems.length; i++) {
            for (int k = 0; k < freqs[i]; k++) {
                out.add(stems[i]);
            }
        }
        return out;
    }
}
