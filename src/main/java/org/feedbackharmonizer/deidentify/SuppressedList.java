package org.feedbackharmonizer.deidentify;

/**
 * A list of counts with its total after small-cell suppression. Index {@link #size()} is the total. A withheld
 * value displays as {@link SuppressedTable#SUPPRESSED} (the empty string).
 */
public final class SuppressedList {
    private final long[] values;
    private final Suppression[] state;

    SuppressedList(long[] values, Suppression[] state) {
        this.values = values;
        this.state = state;
    }

    public int size() {
        return values.length - 1;
    }

    /** @param index 0..size(), where size() is the total */
    public boolean isSuppressed(int index) {
        return state[index].suppressed();
    }

    public Suppression reason(int index) {
        return state[index];
    }

    public String display(int index) {
        return isSuppressed(index) ? SuppressedTable.SUPPRESSED : Long.toString(values[index]);
    }

    public boolean isTotalSuppressed() {
        return isSuppressed(size());
    }

    public String displayTotal() {
        return display(size());
    }

    long count(int index) {
        return values[index];
    }
}
