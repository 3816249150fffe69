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

    /** The answer for {@code text}, or null if there is none yet. */
    V get(String text) {
        return answers.get(text);
    }

    void put(String text, V answer) {
        if (answers.size() >= max) {
            answers.clear();
        }
        answers.put(text, answer);
    }
}
