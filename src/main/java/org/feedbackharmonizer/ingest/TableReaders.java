package org.feedbackharmonizer.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Picks the reader for a file from its configured format and what its content really is, or refuses it with a
 * message saying what the file actually is and what to do.
 */
public final class TableReaders {

    private final TextOptions textOptions;
    private final ReadLimits limits;

    /**
     * @param textOptions for CSV; TSV uses the same charset and quote with a tab delimiter (an agency's TSV has no
     *     quote unless its configuration sets one: Excel's tab-delimited text quotes a cell that holds a tab or a
     *     line break)
     */
    public TableReaders(TextOptions textOptions, ReadLimits limits) {
        this.textOptions = Objects.requireNonNull(textOptions, "textOptions");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The reader for {@code file}, which is configured (or named) to be {@code format}. */
    public TableReader readerFor(Path file, FileFormat format) throws FileRefused {
        FormatSniffer.Kind kind = FormatSniffer.sniff(file);
        String where = Where.file(file);
        refuseUnreadable(kind, where);
        return switch (format) {
            case XLSX ->
                switch (kind) {
                    case XLSX -> new XlsxTableReader(limits);
                    default -> throw wrongFormat(where, kind, "xlsx");
                };
            case XLS ->
                switch (kind) {
                    case XLS -> new XlsTableReader(limits);
                    default -> throw wrongFormat(where, kind, "xls");
                };
            case CSV ->
                switch (kind) {
                    case TEXT -> new CsvTableReader(textOptions, limits);
                    default -> throw wrongFormat(where, kind, "csv");
                };
            case TSV ->
                switch (kind) {
                    case TEXT ->
                        new CsvTableReader(new TextOptions(textOptions.charset(), '\t', textOptions.quote()), limits);
                    default -> throw wrongFormat(where, kind, "tsv");
                };
        };
    }

    /**
     * Refuses what no reader can read, whatever the configured format: an empty file, an encrypted workbook, and
     * the spreadsheet formats that are not supported. Every other kind returns.
     */
    static void refuseUnreadable(FormatSniffer.Kind kind, String where) throws FileRefused {
        switch (kind) {
            case EMPTY -> throw new FileRefused(RefusalReason.EMPTY_FILE, where, "0 bytes");
            case ENCRYPTED_OOXML ->
                throw new FileRefused(RefusalReason.ENCRYPTED, where, "it is an encrypted Excel workbook");
            case XLSB ->
                throw new FileRefused(
                        RefusalReason.UNSUPPORTED_FORMAT,
                        where,
                        "it is an Excel binary workbook (.xlsb); open it in Excel and save as .xlsx");
            case ODS ->
                throw new FileRefused(
                        RefusalReason.UNSUPPORTED_FORMAT,
                        where,
                        "it is an OpenDocument spreadsheet (.ods); save it as .xlsx");
            case OLD_BIFF ->
                throw new FileRefused(
                        RefusalReason.UNSUPPORTED_FORMAT,
                        where,
                        "it is an Excel 2-4 workbook; open it in Excel and save as .xlsx");
            default -> {}
        }
    }

    private static FileRefused wrongFormat(String where, FormatSniffer.Kind kind, String expected) {
        String actually = switch (kind) {
            case XLSX -> "it is an .xlsx workbook; rename it to .xlsx or set 'files.format: xlsx'";
            case XLS -> "it is an Excel 97-2003 (.xls) workbook; rename it to .xls or set 'files.format: xls'";
            case TEXT -> "it is a text (CSV) file; rename it to .csv or set 'files.format: csv'";
            case MARKUP ->
                "it is an HTML or XML file (e.g. a web page or SpreadsheetML 2003 saved with a spreadsheet"
                        + " extension), not a workbook; open it in Excel and save as .xlsx";
            case OTHER_ZIP -> "it is a zip archive that holds no workbook";
            case OTHER_OLE2 -> "it is an Office document that is not an Excel workbook";
            default -> "it is a binary file that is not an Excel workbook";
        };
        return new FileRefused(RefusalReason.WRONG_FORMAT, where, "expected " + expected + " but " + actually);
    }
}
