package org.feedbackharmonizer.store;

/**
 * The reconciliation of one file: every data row is written, rejected or skipped.
 *
 * @param recordsWritten feedback records, more than rows written when a cell holds several report numbers
 */
public record FileCounts(long rowsRead, long rowsWritten, long recordsWritten, long rowsRejected, long rowsSkipped) {
    public static final FileCounts NONE = new FileCounts(0, 0, 0, 0, 0);

    public boolean reconciles() {
        return rowsRead == rowsWritten + rowsRejected + rowsSkipped;
    }
}
