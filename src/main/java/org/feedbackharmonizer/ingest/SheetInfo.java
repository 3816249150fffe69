package org.feedbackharmonizer.ingest;

/**
 * A sheet of a workbook as listed in the workbook, before reading it.
 *
 * @param index 0-based position in the workbook
 */
public record SheetInfo(int index, String name, boolean hidden) {

    /**
     * How the sheet is named in everything the harmonizer stores, publishes or logs: by position, because a tab
     * can be named after a person ("Smith, J."). The name itself is used only to select sheets.
     */
    public String label() {
        return "sheet " + (index + 1);
    }
}
