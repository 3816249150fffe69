package org.feedbackharmonizer.mapping;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.feedbackharmonizer.deidentify.OutputGuard;

/** Counts the labels of enum-mapped columns that no value map covered, for the steward. */
public final class UnmappedLabels {
    public record Key(String field, String column, String label) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = field.compareTo(o.field);
            if (c == 0) {
                c = column.compareTo(o.column);
            }
            return c == 0 ? label.compareTo(o.label) : c;
        }
    }

    private final Map<Key, Long> counts = new TreeMap<>();

    /** Stands in for a label that looks like personal data: the steward sees that one was there, not what. */
    public static final String WITHHELD = "(withheld: looks personal)";

    /** A word of a label: letters or digits, with an apostrophe inside ("ID'd"); "-" and "&" are not words. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019][\\p{L}\\p{N}]+)*");

    synchronized void add(String field, String column, String label) {
        String l = label.strip();
        // A label is a short code or phrase; a long or many-word text is a narrative that may name people.
        if (l.length() > 48 || WORD.matcher(l).results().count() > 6 || OutputGuard.looksPersonal(l)) {
            l = WITHHELD;
        }
        counts.merge(new Key(field, column, l.length() > 200 ? l.substring(0, 200) : l), 1L, Long::sum);
    }

    public synchronized Map<Key, Long> counts() {
        return new TreeMap<>(counts);
    }
}
