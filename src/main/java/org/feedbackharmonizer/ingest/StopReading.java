package org.feedbackharmonizer.ingest;

/**
 * Thrown by a {@link RecordSink} that has seen enough (previews, header detection); the reader stops and returns
 * normally. {@link #sheet()} stops only the sheet being read, so that one pass over a workbook can take the top of
 * each sheet.
 */
public final class StopReading extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean sheetOnly;

    /** Enough of the file: no more records of any sheet. */
    public StopReading() {
        this(false);
    }

    private StopReading(boolean sheetOnly) {
        super(null, null, false, false);
        this.sheetOnly = sheetOnly;
    }

    /** Enough of the sheet being read: the reader goes on with the next chosen sheet. */
    public static StopReading sheet() {
        return new StopReading(true);
    }

    /** Rethrows this stop unless it ends only the sheet, after which the reader goes on with the next. */
    void endSheetOrRethrow() {
        if (!sheetOnly) {
            throw this;
        }
    }
}
