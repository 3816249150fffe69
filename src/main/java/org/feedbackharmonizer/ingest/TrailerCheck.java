package org.feedbackharmonizer.ingest;

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

    private final Pattern trailer;
    private long trailers;
    private long stated;
    private boolean counted;
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
                    stated += digits.matches("\\d{1,12}") ? Long.parseLong(digits) : -1_000_000_000_000L;
                    counted = true;
                }
                return true;
            }
        }
        return false;
    }

    void count(RowResult result) {
        if (!(result instanceof RowResult.Skipped s)
                || !(s.rule().equals("blank row")
                        || s.rule().equals("repeated header")
                        || s.rule().equals("skip.from"))) {
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
        if (counted && stated != records) {
            throw new FileRefused(
                    RefusalReason.CUT_SHORT,
                    fileName,
                    stated < 0
                            ? "the trailer's count is not a number; check the (group) of files.trailer"
                            : "the trailer says " + stated + " records, " + records + " were read");
        }
    }
}
