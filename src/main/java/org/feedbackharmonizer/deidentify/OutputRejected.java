package org.feedbackharmonizer.deidentify;

import java.util.Optional;

/**
 * An output file that must not be published: it holds something that looks personal, or it could not be
 * scanned. The message names the file, the row or line and the column, never the value.
 */
public final class OutputRejected extends Exception {
    private static final long serialVersionUID = 1L;
    private static final String ADVICE = "; the value was not published. Find which mapping let it through";

    private final String fileName;
    private final OutputGuard.Kind kind;
    private final long position;
    private final String column;

    private OutputRejected(String message, String fileName, OutputGuard.Kind kind, long position, String column) {
        super(message, null, false, false);
        this.fileName = fileName;
        this.kind = kind;
        this.position = position;
        this.column = column;
    }

    static OutputRejected inCsv(String fileName, long row, String column, OutputGuard.Kind kind) {
        return new OutputRejected(
                fileName + ", row " + row + ", column " + column + ": looks like " + kind.description() + ADVICE,
                fileName,
                kind,
                row,
                column);
    }

    static OutputRejected inText(String fileName, long line, OutputGuard.Kind kind) {
        return new OutputRejected(
                fileName + ", line " + line + ": looks like " + kind.description() + ADVICE,
                fileName,
                kind,
                line,
                null);
    }

    static OutputRejected unreadable(String fileName, String why) {
        return new OutputRejected(
                fileName + ": could not be scanned (" + why + "); it was not published",
                fileName,
                OutputGuard.Kind.UNREADABLE,
                0,
                null);
    }

    public String fileName() {
        return fileName;
    }

    public OutputGuard.Kind kind() {
        return kind;
    }

    /** The 1-based row (CSV, header = row 1) or line (text); 0 when the file could not be read. */
    public long position() {
        return position;
    }

    /** The column's name, or "#n" (1-based) when the header has no usable name there; empty for text files. */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }
}
