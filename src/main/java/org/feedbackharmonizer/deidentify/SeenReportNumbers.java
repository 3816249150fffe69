package org.feedbackharmonizer.deidentify;

import java.util.Arrays;

/**
 * The raw report numbers seen in this run, held only in memory for the output guard. Normalized numbers have at
 * most 12 digits, so each fits a long: an open-addressing set of longs keeps a million of them in 16 MB.
 */
public final class SeenReportNumbers {
    private static final long EMPTY = -1;
    private long[] slots = new long[1 << 12];
    private int size;

    public synchronized void add(String normalized) {
        long v = Long.parseLong(normalized);
        if (size * 2 >= slots.length) {
            grow();
        }
        if (insert(slots, v)) {
            size++;
        }
    }

    /** Every number seen, sorted, for binary search. */
    public synchronized long[] sortedNumbers() {
        long[] out = new long[size];
        int n = 0;
        for (long v : slots) {
            if (v != EMPTY) {
                out[n++] = v;
            }
        }
        Arrays.sort(out);
        return out;
    }

    private static boolean insert(long[] table, long v) {
        int mask = table.length - 1;
        for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                table[i] = v;
                return true;
            }
            if (table[i] == v) {
                return false;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        Arrays.fill(bigger, EMPTY);
        for (long v : slots) {
            if (v != EMPTY) {
                insert(bigger, v);
            }
        }
        slots = bigger;
    }

    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    {
        Arrays.fill(slots, EMPTY);
    }
}
