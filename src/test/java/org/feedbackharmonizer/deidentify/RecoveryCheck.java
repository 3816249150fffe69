package org.feedbackharmonizer.deidentify;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Proves, for one withheld value, that it cannot be recovered from a suppressed table: builds a second
 * non-negative table that agrees with every published value and every row and column sum, yet differs in that
 * value. It walks a cycle of withheld values through the value and adds +1/-1 alternately around it.
 *
 * <p>Each line says "cells minus total = 0". With the totals row and the totals column negated every line sums
 * to zero, and alternating +1/-1 around a cycle keeps every line's sum; the sign is turned back afterwards.
 */
final class RecoveryCheck {
    private RecoveryCheck() {}

    /** Another consistent table differing at (row, column), or null if none is found this way. */
    static long[][] alternativeFor(SuppressedTable t, int row, int column) {
        int rows = t.rows() + 1;
        int columns = t.columns() + 1;
        // Breadth-first search from row node `row` to column node `column` over withheld values except (row, column).
        int[] parentOfColumn = new int[columns];
        int[] parentOfRow = new int[rows];
        java.util.Arrays.fill(parentOfColumn, -1);
        java.util.Arrays.fill(parentOfRow, -1);
        parentOfRow[row] = row;
        Deque<int[]> queue = new ArrayDeque<>();
        queue.add(new int[] {0, row});
        while (!queue.isEmpty()) {
            int[] node = queue.poll();
            if (node[0] == 0) {
                for (int b = 0; b < columns; b++) {
                    if (parentOfColumn[b] < 0 && t.isSuppressed(node[1], b) && !(node[1] == row && b == column)) {
                        parentOfColumn[b] = node[1];
                        queue.add(new int[] {1, b});
                    }
                }
            } else {
                for (int a = 0; a < rows; a++) {
                    if (parentOfRow[a] < 0 && t.isSuppressed(a, node[1]) && !(a == row && node[1] == column)) {
                        parentOfRow[a] = node[1];
                        queue.add(new int[] {0, a});
                    }
                }
            }
        }
        if (parentOfColumn[column] < 0) {
            return null;
        }
        long[][] delta = new long[rows][columns];
        delta[row][column] = 1;
        // Walk back from column to row: edges alternate -1 (row-column), +1 (column-row), ...
        int b = column;
        while (true) {
            int a = parentOfColumn[b];
            delta[a][b] -= 1;
            if (a == row) {
                break;
            }
            int previousColumn = parentOfRow[a];
            delta[a][previousColumn] += 1;
            b = previousColumn;
        }
        for (int sign : new int[] {1, -1}) {
            long[][] alt = new long[rows][columns];
            boolean nonNegative = true;
            for (int a = 0; a < rows; a++) {
                for (int c = 0; c < columns; c++) {
                    int totalsSign = (a == rows - 1 ? -1 : 1) * (c == columns - 1 ? -1 : 1);
                    alt[a][c] = t.count(a, c) + sign * totalsSign * delta[a][c];
                    nonNegative &= alt[a][c] >= 0;
                }
            }
            if (nonNegative && consistent(t, alt)) {
                return alt;
            }
        }
        return null;
    }

    /** Same published values, and every row and column (totals line included) still adds up. */
    static boolean consistent(SuppressedTable t, long[][] alt) {
        int lastRow = t.rows();
        int lastColumn = t.columns();
        for (int a = 0; a <= lastRow; a++) {
            long sum = 0;
            for (int c = 0; c <= lastColumn; c++) {
                if (!t.isSuppressed(a, c) && alt[a][c] != t.count(a, c)) {
                    return false;
                }
                if (c < lastColumn) {
                    sum += alt[a][c];
                }
            }
            if (sum != alt[a][lastColumn]) {
                return false;
            }
        }
        for (int c = 0; c <= lastColumn; c++) {
            long sum = 0;
            for (int a = 0; a < lastRow; a++) {
                sum += alt[a][c];
            }
            if (sum != alt[lastRow][c]) {
                return false;
            }
        }
        return true;
    }
}
