package org.feedbackharmonizer.ingest;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedbackharmonizer.mapping.RowResult;

/**
 * The last line some exports write ("END OF REPORT  82 records"): a file without it, or with a count other than
 * the records read, was cut short or padded on its way here, and loading it would silently lose referrals. The
 * trailer row itself is skipped. Records are the data rows the agency counts: every row under the header but
 * blank rows, repeated headers, the notes a {@code skip.from} rule ends the data with, and the trailer.
 */
final class TrailerCheck {
    static final String RULE = "trailer";

    private static final Set<String> NOT_RECORDS =
            Set.of(RowResult.Skipped.BLANK_ROW, RowResult.Skipped.REPEATED_HEADER, RowResult.Skipped.SKIP_FROM, RULE);

    private final Pattern trailer;
    private long trailers;
    private long stated;
    private boolean counted;
    private boolean unreadable;
    private long records;

    TrailerCheck(Pattern trailer) {
        this.trailer = trailer;
    }

    /** Whether the row is the trailer; its count, if it states one, is added up (one trailer per sheet). */
    boolean isTrailer(RawRecord row) {
        for (CellValue cell : row.cells()) {
            Matcher m = trailer.matcher(cell.text().strip());
            if (m.find()) {
                trailers++;
                if (m.groupCount() > 0 && m.group(1) != null) {
                    String digits = m.group(1).replace(",", "").strip();
                    if (digits.matches("\\d{1,12}")) {
                        stated += Long.parseLong(digits);
                    } else {
                        unreadable = true;
                    }
                    counted = true;
                }
                return true;
            }
        }
        return false;
    }

    /** Counts a row read under the header, unless it is no record (the trailer included). */
    void count(RowResult result) {
        if (!(result instanceof RowResult.Skipped s) || !NOT_RECORDS.contains(s.rule())) {
            records++;
        }
    }

    void verify(String fileName) throws FileRefused {
        if (trailers == 0) {
            throw new FileRefused(
                    RefusalReason.CUT_SHORT,
                    fileName,
                    "no trailer row matching files.trailer '" + trailer.pattern() + "' after " + records + " records");
        }
        if (unreadable) {
            throw new FileRefused(
                    RefusalReason.CUT_SHORT,
                    fileName,
                    "the trailer's count is not a number; check the (group) of files.trailer");
        }
        if (counted && stated != records) {
            throw new FileRefused(
                    RefusalReason.CUT_SHORT,
                    fileName,
                    "the trailer says " + stated + " records, " + records + " were read");
        }
    }
}
