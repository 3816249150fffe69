package org.feedbackharmonizer.ingest;

import java.util.List;

/**
 * One physical row of a sheet (or CSV record), positional, before any header is known.
 *
 * @param sheet the sheet's {@link SheetInfo#label() label} (its position, never its name); empty for CSV/TSV
 * @param rowNumber 1-based row number as the steward sees it in the sheet (for CSV: the record number,
 *     header included)
 * @param cells cells by 0-based column index; trailing blanks may be omitted
 * @param hidden true when the spreadsheet marks the row hidden
 */
public record RawRecord(String sheet, long rowNumber, List<CellValue> cells, boolean hidden) {

    public CellValue cell(int column) {
        return column < cells.size() ? cells.get(column) : CellValue.Blank.INSTANCE;
    }

    public boolean isBlank() {
        for (CellValue c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
