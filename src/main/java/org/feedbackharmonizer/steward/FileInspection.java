package org.feedbackharmonizer.steward;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import org.feedbackharmonizer.ingest.FileFormat;

/**
 * What inspecting a new agency file found: how to read it and, per sheet, its header and columns.
 *
 * @param formatSource how the format was decided ("--format", "file extension", "file content")
 * @param charsetNote how the charset was decided, or "" for workbooks
 * @param rowLimit at most this many data rows were read per sheet
 */
public record FileInspection(
        Path file,
        FileFormat format,
        String formatSource,
        Charset charset,
        String charsetNote,
        char delimiter,
        boolean tsvQuotes,
        int rowLimit,
        List<SheetProfile> sheets) {

    /** The sheet a starter configuration is written for: the visible sheet with a header, a report number column and the most rows. */
    public SheetProfile mainSheet() {
        SheetProfile best = null;
        for (SheetProfile s : sheets) {
            if (s.hidden() || s.header() == null) {
                continue;
            }
            boolean named = hasReportNumber(s);
            if (best == null
                    || named && !hasReportNumber(best)
                    || named == hasReportNumber(best) && s.dataRows() > best.dataRows()) {
                best = s;
            }
        }
        return best;
    }

    private static boolean hasReportNumber(SheetProfile s) {
        return FieldSynonyms.match(s.columns()).stream().anyMatch(m -> m.field().equals("report_number"));
    }

    public boolean isText() {
        return format == FileFormat.CSV || format == FileFormat.TSV;
    }
}
