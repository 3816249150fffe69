package org.feedbackharmonizer.steward;

import java.time.LocalDate;
import java.util.List;

/**
 * What inspecting one sheet found.
 *
 * @param rowsSeen rows read from the sheet, title and header rows included
 * @param truncated true when reading stopped at the row limit (the sheet has more rows)
 * @param header the header found, or null
 * @param titleRows non-blank rows above the header
 * @param asOfInTitle a date found in the title rows after "as of", or null
 * @param dataRows non-blank rows under the header that were profiled
 * @param blankRows blank rows under the header
 */
public record SheetProfile(
        String name,
        int index,
        boolean hidden,
        long rowsSeen,
        boolean truncated,
        HeaderGuess header,
        int titleRows,
        LocalDate asOfInTitle,
        long dataRows,
        long blankRows,
        List<ColumnProfile> columns) {}
