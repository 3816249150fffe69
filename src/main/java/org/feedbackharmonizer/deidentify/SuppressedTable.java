package org.feedbackharmonizer.deidentify;

/**
 * A count table with its totals after small-cell suppression. Row index {@link #rows()} is the totals row
 * (column totals), column index {@link #columns()} the totals column (row totals); {@code (rows(), columns())}
 * is the grand total. A withheld value displays as the empty string, which the data package declares as
 * missing; it is never available from this class, so a writer cannot publish it by mistake.
 */
public final class SuppressedTable {
    /** What a withheld count is written as. */
    public static final String SUPPRESSED = "";

    private final long[][] values;
    private final Suppression[][] state;

    SuppressedTable(long[][] values, Suppression[][] state) {
        this.values = values;
        this.state = state;
    }

    public int rows() {
        return values.length - 1;
    }

    public int columns() {
        return values[0].length - 1;
    }

    /** @param row 0..rows(), where rows() is the totals row; @param column 0..columns(), likewise */
    public boolean isSuppressed(int row, int column) {
        return state[row][column].suppressed();
    }

    public Suppression reason(int row, int column) {
        return state[row][column];
    }

    /** The count as text, or {@link #SUPPRESSED}. */
    public String display(int row, int column) {
        return isSuppressed(row, column) ? SUPPRESSED : Long.toString(values[row][column]);
    }

    public boolean isRowTotalSuppressed(int row) {
        return isSuppressed(row, columns());
    }

    public String displayRowTotal(int row) {
        return display(row, columns());
    }

    public boolean isGrandTotalSuppressed() {
        return isSuppressed(rows(), columns());
    }

    public String displayGrandTotal() {
        return display(rows(), columns());
    }

    /** Every value as displayed, totals included, row by row: for tests and previews. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r <= rows(); r++) {
            for (int c = 0; c <= columns(); c++) {
                out.append(c == 0 ? "" : " | ").append(isSuppressed(r, c) ? "*" : display(r, c));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The underlying count, withheld or not: for tests that prove a withheld count cannot be recovered. */
    long count(int row, int column) {
        return values[row][column];
    }
}
