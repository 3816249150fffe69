package org.feedbackharmonizer.ingest;

/**
 * A file that cannot be read at all. The message is one line naming the file (and sheet, row, column where
 * known), the cause and what to do. It never holds a cell value.
 */
public final class FileRefused extends Exception {
    private static final long serialVersionUID = 1L;

    private final RefusalReason reason;
    private final String location;

    public FileRefused(RefusalReason reason, String location, String detail) {
        super(
                location + ": " + (detail == null || detail.isBlank() ? "" : detail + "; ") + reason.hint(),
                null,
                false,
                false);
        this.reason = reason;
        this.location = location;
    }

    public RefusalReason reason() {
        return reason;
    }

    public String location() {
        return location;
    }
}
