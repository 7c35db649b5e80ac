package org.guidegraph.search.internal;

import java.io.IOException;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** The tokens of {@link Words} as a Lucene tokenizer: what a {@code PatternTokenizer} of the expression gives. */
final class WordTokenizer extends Tokenizer {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final StringBuilder text = new StringBuilder();
    private final char[] buffer = new char[8192];
    private Words words;

    @Override
    public boolean incrementToken() {
        if (!words.find()) {
            return false;
        }
        clearAttributes();
        int start = words.start();
        int end = words.end();
        term.setEmpty().append(text, start, end);
        offset.setOffset(correctOffset(start), correctOffset(end));
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(text.length());
        offset.setOffset(last, last);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        text.setLength(0);
        int n;
        while ((n = input.read(buffer)) > 0) {
            text.append(buffer, 0, n);
        }
        words = new Words(text);
    }
}
