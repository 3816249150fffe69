package org.feedbackharmonizer.config;

import java.util.regex.Pattern;
import org.feedbackharmonizer.ingest.SheetInfo;

/**
 * Which sheets of a workbook hold data. With no name, index or pattern: the first visible sheet.
 *
 * @param pattern every sheet whose name matches (one sheet per month)
 * @param exclude sheets never read, e.g. summaries and pivots
 */
public record SheetSelection(
        String name, Integer index, Pattern pattern, Pattern exclude, boolean readHidden, boolean skipHiddenRows) {

    public static final SheetSelection DEFAULT = new SheetSelection(null, null, null, null, false, false);

    /** Whether a sheet is read, given the index of the first visible sheet. */
    public boolean accepts(SheetInfo sheet, int firstVisible) {
        if (exclude != null && exclude.matcher(sheet.name()).find()) {
            return false;
        }
        if (sheet.hidden() && !readHidden) {
            return false;
        }
        if (name != null) {
            return sheet.name().trim().equalsIgnoreCase(name.trim());
        }
        if (index != null) {
            return sheet.index() == index;
        }
        if (pattern != null) {
            return pattern.matcher(sheet.name()).find();
        }
        return sheet.index() == firstVisible;
    }
}
