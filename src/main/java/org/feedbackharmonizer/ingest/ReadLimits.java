package org.feedbackharmonizer.ingest;

import org.feedbackharmonizer.mapping.ReportMerge;

/**
 * Bounds that protect the job from hostile files. Exceeding one refuses the file.
 *
 * @param maxCellChars longest cell text accepted
 * @param maxLineChars longest CSV record (all fields) accepted
 * @param maxColumns most columns in a row
 * @param maxUncompressedBytes most bytes a single zip entry of an XLSX may inflate to
 * @param minInflateRatio smallest compressed/uncompressed ratio accepted (zip-bomb guard)
 * @param maxMergedReports most report numbers in one file whose rows are merged ({@code files.repeated_report:
 *     merge}), each held in memory until the file's last row
 */
public record ReadLimits(
        int maxCellChars,
        int maxLineChars,
        int maxColumns,
        long maxUncompressedBytes,
        double minInflateRatio,
        int maxMergedReports) {
    public static final ReadLimits DEFAULT = new ReadLimits(32_767, 1_000_000, 1_000, 2L << 30, 0.005);

    /** With the default bound of a merge, {@link ReportMerge#MAX_REPORTS}. */
    public ReadLimits(
            int maxCellChars, int maxLineChars, int maxColumns, long maxUncompressedBytes, double minInflateRatio) {
        this(maxCellChars, maxLineChars, maxColumns, maxUncompressedBytes, minInflateRatio, ReportMerge.MAX_REPORTS);
    }
}
