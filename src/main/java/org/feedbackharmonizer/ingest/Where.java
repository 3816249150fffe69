package org.feedbackharmonizer.ingest;

import java.nio.file.Path;

/**
 * Builds the location part of a {@link FileRefused} message: {@code <file name>[, sheet S][, row R][, column C]}.
 * Only the file name is used, never the directory (it may name the agency's share or a person).
 */
final class Where {
    private Where() {}

    static String file(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    static String sheet(Path file, String sheet) {
        return sheet == null || sheet.isEmpty() ? file(file) : file(file) + ", " + sheet;
    }

    static String row(Path file, String sheet, long row) {
        // a hostile sheet can number a row 0 or below; then the row is not a useful location
        return row <= 0 ? sheet(file, sheet) : sheet(file, sheet) + ", row " + row;
    }

    static String cell(Path file, String sheet, long row, int column) {
        return row(file, sheet, row) + ", column " + column;
    }

    /**
     * What a refusal may say about an unexpected library exception: its type only. Library messages can quote
     * cell content (e.g. "Cannot parse number : ..."), and a message must never hold a cell value.
     */
    static String cause(Throwable t) {
        return t.getClass().getSimpleName();
    }
}
