package org.feedbackharmonizer.ingest;

/** Why a whole file was refused (and quarantined). Each carries the hint a steward needs. */
public enum RefusalReason {
    EMPTY_FILE("the file is empty; ask the agency to resend it"),
    ENCRYPTED("the workbook is password-protected or encrypted; ask the agency for an unprotected copy"),
    CORRUPT("the file is damaged or truncated; ask the agency to resend it"),
    ZIP_BOMB("the workbook inflates far beyond its size (possible zip bomb); do not open it, ask the agency to resend"),
    WRONG_FORMAT(
            "the content does not match the file's extension or configured format; fix 'files.format' or rename the file"),
    UNSUPPORTED_FORMAT("this format is not supported (e.g. XLSB, ODS, BIFF5); ask for XLSX, XLS or CSV"),
    BAD_CHARSET("text is not valid in the configured charset; set 'files.charset' (e.g. windows-1252)"),
    TOO_LARGE("a cell, line or row is beyond the configured size limit; check the file or raise the limit"),
    NO_HEADER("no header row matching the configured columns was found; check 'header' and the column names"),
    NO_DATA("the file has a header but no data rows"),
    CUT_SHORT("the file does not end as its trailer says it should: it may have been cut short; ask the agency to"
            + " resend it (or fix 'files.trailer')"),
    NO_SHEET("no sheet matches the configured sheet selection; check 'sheets'"),
    OUTSIDE_AGREEMENT("the file's as-of date is outside the agency's agreement; check 'agreement' dates"),
    NO_AS_OF_DATE("the file's as-of date could not be determined; check 'files.as_of'"),
    TOO_MANY_REPORTS("a merge holds each report number of a file in memory until its last row (docs/config.md); ask"
            + " the agency for smaller files, e.g. one per month"),
    UNREADABLE("the file could not be read; check its permissions");

    private final String hint;

    RefusalReason(String hint) {
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
