package org.guidegraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which answers the endpoint keeps, and for how long. */
class SparqlAnswersTest {

    static SparqlAnswers.Answer answer(int bytes) {
        return new SparqlAnswers.Answer("text/csv", List.of("X-Row-Limit", "2"), new byte[bytes]);
    }

    @Test
    void findsAnAnswerWorthKeepingOnlyTheSecondTimeItsRequestIsSeen() {
        SparqlAnswers answers = new SparqlAnswers();
        assertFalse(answers.worthKeeping("q1"));
        assertFalse(answers.worthKeeping("q2"));
        assertTrue(answers.worthKeeping("q1"));
    }

    @Test
    void keepsNoAnswerLargerThanTheLimit() {
        SparqlAnswers answers = new SparqlAnswers();
        answers.put("big", answer(SparqlAnswers.MAX_ANSWER_BYTES + 1));
        answers.put("small", answer(10));
        assertNull(answers.get("big"));
        assertNotNull(answers.get("small"));
    }

    @Test
    void dropsTheLeastRecentlyUsedAnswersToStayWithinItsBytes() {
        SparqlAnswers answers = new SparqlAnswers();
        int each = SparqlAnswers.MAX_ANSWER_BYTES;
        long fit = SparqlAnswers.MAX_TOTAL_BYTES / (each + 100);
        for (int i = 0; i < fit; i++) {
            answers.put("q" + i, answer(each));
        }
        assertEquals(fit, answers.size());
        assertNotNull(answers.get("q0"), "used now, so q1 is the least recently used");
        answers.put("one more", answer(each));
        assertNull(answers.get("q1"));
        assertNotNull(answers.get("q0"));
        assertNotNull(answers.get("one more"));
    }
}
