package org.feedbackharmonizer.ingest;

/**
 * A sheet of a workbook as listed in the workbook, before reading it.
 *
 * @param index 0-based position in the workbook
 */
public record SheetInfo(int index, String name, boolean hidden) {}
