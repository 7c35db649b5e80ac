package org.guidegraph.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void quotesAStringThatNeedsNoEscapeAsItIs() {
        assertEquals("\"https://example.org/a-b_c?d=1#e\"", JsonText.quote("https://example.org/a-b_c?d=1#e"));
        assertEquals("\"\"", JsonText.quote(""));
        assertEquals("\"é ü 日本\"", JsonText.quote("é ü 日本"));
    }

    @Test
    void escapesQuotesBackslashesControlsAndWhatWouldEndAScriptWhereverTheyAre() {
        assertEquals("\"\\\"a\\\\b\\n\"", JsonText.quote("\"a\\b\n"));
        assertEquals("\"plain then \\r\\t\\u003c/script>\"", JsonText.quote("plain then \r\t</script>"));
        assertEquals("\"\\u0001x\\u001f\"", JsonText.quote("\u0001x\u001f"));
        assertEquals("\"line\\u2028para\\u2029\"", JsonText.quote("line\u2028para\u2029"));
    }
}
