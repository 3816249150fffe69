package org.feedbackharmonizer.mapping;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers already worked out for a cell's text, so that the same text is not parsed or matched again: a column
 * repeats few distinct values. Bounded: when full it is emptied, not evicted, which is cheap and right for
 * values that repeat. Safe for the load threads that share one agency's configuration.
 */
final class RememberedAnswers<V> {
    private final Map<String, V> answers = new ConcurrentHashMap<>();
    private final int max;

    RememberedAnswers(int max) {
        this.max = max;
    }

    /** How to work an answer out; a rejected text is not remembered and is worked out again each time. */
    interface Work<V> {
        V answer(String text) throws ValueRejected;
    }

    /** The answer for {@code text}: remembered, or worked out and remembered. */
    V answer(String text, Work<V> work) throws ValueRejected {
        V known = answers.get(text);
        if (known != null) {
            return known;
        }
        V answer = work.answer(text);
        if (answers.size() >= max) {
            answers.clear();
        }
        answers.put(text, answer);
        return answer;
    }
}
