package org.feedbackharmonizer.mapping;

import java.util.Map;
import java.util.TreeMap;
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

    synchronized void add(String field, String column, String label) {
        String l = label.strip();
        // A label is a short code or phrase; a long or many-word text is a narrative that may name people.
        if (l.length() > 48 || l.split("\\s+").length > 6 || OutputGuard.looksPersonal(l)) {
            l = WITHHELD;
        }
        counts.merge(new Key(field, column, l.length() > 200 ? l.substring(0, 200) : l), 1L, Long::sum);
    }

    public synchronized Map<Key, Long> counts() {
        return new TreeMap<>(counts);
    }
}
