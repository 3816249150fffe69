package org.feedbackharmonizer.deidentify;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Small-cell suppression for published count tables (coverage by jurisdiction and month, outcome by
 * jurisdiction, ...), as CDC and CMS practise it: a count from 1 to threshold - 1 (default 1..10) is withheld;
 * 0 is published, since "none" singles nobody out and withholding it would hide that feedback is missing.
 *
 * <p>The row totals, column totals and grand total are published with the table and are counts too, so they
 * are suppressed by the same rule. Complementary suppression then makes sure no withheld count can be worked
 * out from what is published:
 * <ol>
 *   <li><b>Line rule.</b> In every row and column (a row is its cells plus its total; the totals row is the
 *       column totals plus the grand total, likewise the totals column) the number of withheld values is 0 or
 *       at least 2. A line with exactly one gets a complement: its smallest non-zero published cell (ties: the
 *       first by position), or its total if no cell qualifies. This repeats until no line changes, since a
 *       complement in a row can leave a column with a single withheld value.
 *   <li><b>Cycle rule.</b> The line rule alone can leave a withheld value that is still determined: one that
 *       joins two otherwise separate groups of withheld values (a "bridge" when withheld values are seen as
 *       edges between their row and their column). Each such value gets a complement that closes a cycle
 *       through it (smallest non-zero, cells before totals), and the line rule runs again.
 * </ol>
 * When both are stable every withheld value lies on a cycle of withheld values that alternates between rows and
 * columns; adding 1 and subtracting 1 around it gives another table with the same published values and no
 * negative count, so no single withheld value can be recovered exactly from this table. What this does not
 * protect against: bounds (an attacker learns "between 1 and 12"), and linear-programming attacks that combine
 * several published tables over the same people (the same counts cut by month and by jurisdiction). Tables
 * that share cells must be suppressed together or published at coarser levels.
 *
 * <p>Totals are computed here from the cells: publish exactly these totals. A total that counts categories not
 * in the table (an "other" column left out) must have them added as a column first.
 */
public final class SmallCellSuppressor {
    public static final int DEFAULT_THRESHOLD = 11;

    private final long threshold;

    public SmallCellSuppressor() {
        this(DEFAULT_THRESHOLD);
    }

    /** @param threshold the smallest count published as is; counts 1 to threshold - 1 are withheld */
    public SmallCellSuppressor(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, was " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * Suppresses a table of counts (rows x columns, e.g. jurisdiction x outcome) and its totals.
     *
     * @param counts non-negative, rectangular, at least one row and one column; not modified
     */
    public SuppressedTable suppressTable(long[][] counts) {
        int rows = counts.length;
        if (rows == 0 || counts[0].length == 0) {
            throw new IllegalArgumentException("a table needs at least one row and one column");
        }
        int columns = counts[0].length;
        long[][] extended = new long[rows + 1][columns + 1];
        for (int r = 0; r < rows; r++) {
            if (counts[r].length != columns) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + counts[r].length + " columns, row 0 has " + columns);
            }
            for (int c = 0; c < columns; c++) {
                long v = counts[r][c];
                if (v < 0) {
                    throw new IllegalArgumentException("negative count at row " + r + ", column " + c);
                }
                extended[r][c] = v;
                extended[r][columns] = Math.addExact(extended[r][columns], v);
                extended[rows][c] = Math.addExact(extended[rows][c], v);
            }
            extended[rows][columns] = Math.addExact(extended[rows][columns], extended[r][columns]);
        }
        Suppression[][] state = new Suppression[rows + 1][columns + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                state[r][c] = isSmall(extended[r][c]) ? Suppression.PRIMARY : Suppression.NONE;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = applyLineRule(extended, state) | applyCycleRule(extended, state);
        }
        return new SuppressedTable(extended, state);
    }

    /**
     * Suppresses a list of counts (e.g. referrals by outcome for one jurisdiction) and its total: the same line
     * rule on a single line.
     */
    public SuppressedList suppressList(long[] counts) {
        int n = counts.length;
        if (n == 0) {
            throw new IllegalArgumentException("a list needs at least one count");
        }
        long[] values = Arrays.copyOf(counts, n + 1);
        for (int i = 0; i < n; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("negative count at position " + i);
            }
            values[n] = Math.addExact(values[n], counts[i]);
        }
        Suppression[] state = new Suppression[n + 1];
        int suppressed = 0;
        for (int i = 0; i <= n; i++) {
            state[i] = isSmall(values[i]) ? Suppression.PRIMARY : Suppression.NONE;
            suppressed += state[i].suppressed() ? 1 : 0;
        }
        if (suppressed == 1) {
            state[complementIn(values, state, n)] = Suppression.COMPLEMENTARY;
        }
        return new SuppressedList(values, state);
    }

    private boolean isSmall(long count) {
        return count >= 1 && count < threshold;
    }

    /** One pass of the line rule over every row then every column; true if anything was added. */
    private static boolean applyLineRule(long[][] v, Suppression[][] s) {
        int rowCount = v.length;
        int columnCount = v[0].length;
        boolean changedAny = false;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < rowCount; r++) {
                long[] line = v[r];
                Suppression[] lineState = s[r];
                if (countSuppressed(lineState) == 1) {
                    lineState[complementIn(line, lineState, columnCount - 1)] = Suppression.COMPLEMENTARY;
                    changed = true;
                }
            }
            for (int c = 0; c < columnCount; c++) {
                long[] line = new long[rowCount];
                Suppression[] lineState = new Suppression[rowCount];
                for (int r = 0; r < rowCount; r++) {
                    line[r] = v[r][c];
                    lineState[r] = s[r][c];
                }
                if (countSuppressed(lineState) == 1) {
                    s[complementIn(line, lineState, rowCount - 1)][c] = Suppression.COMPLEMENTARY;
                    changed = true;
                }
            }
            changedAny |= changed;
        }
        return changedAny;
    }

    private static int countSuppressed(Suppression[] line) {
        int n = 0;
        for (Suppression x : line) {
            n += x.suppressed() ? 1 : 0;
        }
        return n;
    }

    /**
     * The complement for a line with one withheld value: the smallest non-zero published cell (first by
     * position on ties), else the total, else (never for consistent counts) the first published value.
     */
    private static int complementIn(long[] line, Suppression[] state, int totalIndex) {
        int best = -1;
        for (int i = 0; i < totalIndex; i++) {
            if (!state[i].suppressed() && line[i] > 0 && (best < 0 || line[i] < line[best])) {
                best = i;
            }
        }
        if (best >= 0) {
            return best;
        }
        if (!state[totalIndex].suppressed()) {
            return totalIndex;
        }
        for (int i = 0; i < totalIndex; i++) {
            if (!state[i].suppressed()) {
                return i;
            }
        }
        throw new IllegalStateException("no value left to suppress in a line with one suppressed value");
    }

    /**
     * Finds the first withheld value that is a bridge in the graph rows-columns (withheld values as edges) and
     * closes a cycle through it. Adds at most one complement, so that the line rule runs in between.
     */
    private static boolean applyCycleRule(long[][] v, Suppression[][] s) {
        int rowCount = v.length;
        int columnCount = v[0].length;
        for (int r = 0; r < rowCount; r++) {
            for (int c = 0; c < columnCount; c++) {
                if (!s[r][c].suppressed()) {
                    continue;
                }
                boolean[][] side = reachableWithout(s, r, c);
                boolean[] rowsNearRow = side[0];
                boolean[] columnsNearRow = side[1];
                if (columnsNearRow[c]) {
                    continue; // another path joins r and c: (r, c) is on a cycle
                }
                boolean[][] other = reachableFromColumnWithout(s, r, c);
                boolean[] rowsNearColumn = other[0];
                boolean[] columnsNearColumn = other[1];
                int bestR = -1;
                int bestC = -1;
                for (int a = 0; a < rowCount; a++) {
                    for (int b = 0; b < columnCount; b++) {
                        boolean joins =
                                (rowsNearRow[a] && columnsNearColumn[b]) || (rowsNearColumn[a] && columnsNearRow[b]);
                        if (!joins || s[a][b].suppressed()) {
                            continue;
                        }
                        if (bestR < 0 || better(v, a, b, bestR, bestC, rowCount - 1, columnCount - 1)) {
                            bestR = a;
                            bestC = b;
                        }
                    }
                }
                if (bestR < 0) {
                    throw new IllegalStateException("no complement closes a cycle through a suppressed value");
                }
                s[bestR][bestC] = Suppression.COMPLEMENTARY;
                return true;
            }
        }
        return false;
    }

    /** Non-zero before zero, cells before totals, smaller before larger; ties keep the earlier position. */
    private static boolean better(long[][] v, int a, int b, int bestA, int bestB, int totalRow, int totalColumn) {
        boolean zero = v[a][b] == 0;
        boolean bestZero = v[bestA][bestB] == 0;
        if (zero != bestZero) {
            return !zero;
        }
        boolean total = a == totalRow || b == totalColumn;
        boolean bestTotal = bestA == totalRow || bestB == totalColumn;
        if (total != bestTotal) {
            return !total;
        }
        return v[a][b] < v[bestA][bestB];
    }

    private static boolean[][] reachableWithout(Suppression[][] s, int r, int c) {
        return reachable(s, r, -1, r, c);
    }

    private static boolean[][] reachableFromColumnWithout(Suppression[][] s, int r, int c) {
        return reachable(s, -1, c, r, c);
    }

    /** Rows and columns reachable from a start row or column over withheld values, not using (skipR, skipC). */
    private static boolean[][] reachable(Suppression[][] s, int startRow, int startColumn, int skipR, int skipC) {
        int rowCount = s.length;
        int columnCount = s[0].length;
        boolean[] rows = new boolean[rowCount];
        boolean[] columns = new boolean[columnCount];
        Deque<int[]> queue = new ArrayDeque<>(); // {0, row} or {1, column}
        if (startRow >= 0) {
            rows[startRow] = true;
            queue.add(new int[] {0, startRow});
        } else {
            columns[startColumn] = true;
            queue.add(new int[] {1, startColumn});
        }
        while (!queue.isEmpty()) {
            int[] node = queue.poll();
            if (node[0] == 0) {
                int a = node[1];
                for (int b = 0; b < columnCount; b++) {
                    if (!columns[b] && s[a][b].suppressed() && !(a == skipR && b == skipC)) {
                        columns[b] = true;
                        queue.add(new int[] {1, b});
                    }
                }
            } else {
                int b = node[1];
                for (int a = 0; a < rowCount; a++) {
                    if (!rows[a] && s[a][b].suppressed() && !(a == skipR && b == skipC)) {
                        rows[a] = true;
                        queue.add(new int[] {0, a});
                    }
                }
            }
        }
        return new boolean[][] {rows, columns};
    }
}
