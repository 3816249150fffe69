package org.feedbackharmonizer.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.OfficeXmlFileException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Reads a binary Excel 97-2003 workbook (BIFF8) with POI HSSF. The format caps a sheet at 65,536 rows, so loading
 * the workbook is acceptable; files above {@link #MAX_FILE_BYTES} are refused before loading to bound the heap.
 *
 * <p>Numeric cells with a date format become {@link CellValue.Date} (1900 or 1904 system as the workbook says);
 * formula cells give their cached result, never evaluated. Rows missing from the file are not emitted, so
 * {@link RawRecord#rowNumber()} (the Excel row number) can jump. Merged cells keep their value in the top-left cell.
 *
 * <p>Refusals: password-protected ({@link RefusalReason#ENCRYPTED}), Excel 5/95 and older
 * ({@link RefusalReason#UNSUPPORTED_FORMAT}), anything POI cannot parse ({@link RefusalReason#CORRUPT}).
 */
public final class XlsTableReader implements TableReader {

    /** Larger than any real BIFF8 workbook of 65,536 rows we expect; bounds the heap HSSF needs. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final ReadLimits limits;

    public XlsTableReader(ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public List<SheetInfo> sheets(Path file) throws FileRefused {
        try (HSSFWorkbook wb = open(file)) {
            return sheetInfos(file, wb);
        } catch (IOException e) {
            return List.of(); // close failed; nothing to do for a read-only file
        }
    }

    @Override
    public void read(Path file, Predicate<SheetInfo> sheets, RecordSink sink) throws FileRefused {
        readChosen(file, infos -> sheets, sink);
    }

    @Override
    public void readChosen(Path file, SheetChoice choice, RecordSink sink) throws FileRefused {
        try (HSSFWorkbook wb = open(file)) {
            List<SheetInfo> infos = sheetInfos(file, wb);
            Predicate<SheetInfo> sheets = choice.of(infos);
            for (SheetInfo info : infos) {
                if (sheets.test(info)) {
                    try {
                        readSheet(file, wb.getSheetAt(info.index()), info.label(), sink);
                    } catch (StopReading stop) {
                        stop.endSheetOrRethrow();
                    }
                }
            }
        } catch (StopReading stop) {
            // the sink has seen enough
        } catch (IOException e) {
            // close of a read-only workbook failed; the records are already delivered
        }
    }

    private List<SheetInfo> sheetInfos(Path file, HSSFWorkbook wb) throws FileRefused {
        try {
            List<SheetInfo> infos = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                boolean hidden = wb.isSheetHidden(i) || wb.isSheetVeryHidden(i);
                infos.add(new SheetInfo(i, wb.getSheetName(i), hidden));
            }
            return infos;
        } catch (RuntimeException e) {
            throw new FileRefused(
                    RefusalReason.CORRUPT,
                    Where.file(file),
                    "the sheet list could not be read (" + Where.cause(e) + ")");
        }
    }

    private void readSheet(Path file, Sheet sheet, String name, RecordSink sink) throws FileRefused {
        Iterator<Row> rows;
        try {
            rows = sheet.rowIterator();
        } catch (RuntimeException e) {
            throw new FileRefused(
                    RefusalReason.CORRUPT,
                    Where.sheet(file, name),
                    "the sheet could not be read (" + Where.cause(e) + ")");
        }
        while (rows.hasNext()) {
            Row row = rows.next();
            long rowNumber = row.getRowNum() + 1L;
            RawRecord record;
            try {
                record = new RawRecord(name, rowNumber, cells(file, name, rowNumber, row), row.getZeroHeight());
            } catch (RuntimeException e) {
                throw new FileRefused(
                        RefusalReason.CORRUPT,
                        Where.row(file, name, rowNumber),
                        "the row could not be read (" + Where.cause(e) + ")");
            }
            sink.accept(record);
        }
    }

    private List<CellValue> cells(Path file, String sheet, long rowNumber, Row row) throws FileRefused {
        int last = row.getLastCellNum(); // one past the last cell, -1 for none
        if (last > limits.maxColumns()) {
            throw new FileRefused(
                    RefusalReason.TOO_LARGE,
                    Where.cell(file, sheet, rowNumber, limits.maxColumns() + 1),
                    "the row has more than the limit of " + limits.maxColumns() + " columns");
        }
        List<CellValue> cells = new ArrayList<>(Math.max(last, 0));
        for (int c = 0; c < last; c++) {
            CellValue value = value(row.getCell(c));
            if (value.text().length() > limits.maxCellChars()) {
                throw new FileRefused(
                        RefusalReason.TOO_LARGE,
                        Where.cell(file, sheet, rowNumber, c + 1),
                        "the cell is longer than the limit of " + limits.maxCellChars() + " characters");
            }
            cells.add(value);
        }
        return cells;
    }

    private static CellValue value(Cell cell) {
        if (cell == null) {
            return CellValue.Blank.INSTANCE;
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case NUMERIC ->
                DateUtil.isCellDateFormatted(cell)
                        ? new CellValue.Date(cell.getLocalDateTimeCellValue())
                        : new CellValue.Number(cell.getNumericCellValue());
            case STRING -> CellValue.text(cell.getStringCellValue());
            case BOOLEAN -> new CellValue.Bool(cell.getBooleanCellValue());
            case ERROR -> new CellValue.Error(errorCode(cell.getErrorCellValue()));
            default -> CellValue.Blank.INSTANCE;
        };
    }

    private static String errorCode(byte code) {
        return FormulaError.isValidCode(code) ? FormulaError.forInt(code).getString() : "#ERROR!";
    }

    private HSSFWorkbook open(Path file) throws FileRefused {
        String where = Where.file(file);
        POIFSFileSystem fs = null;
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new FileRefused(RefusalReason.EMPTY_FILE, where, "0 bytes");
            }
            if (size > MAX_FILE_BYTES) {
                throw new FileRefused(
                        RefusalReason.TOO_LARGE,
                        where,
                        "the .xls file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB; ask for .xlsx");
            }
            fs = new POIFSFileSystem(file.toFile(), true);
            return new HSSFWorkbook(fs.getRoot(), true);
        } catch (EncryptedDocumentException e) {
            closeQuietly(fs);
            throw new FileRefused(RefusalReason.ENCRYPTED, where, "the .xls workbook is encrypted");
        } catch (OldExcelFormatException e) {
            closeQuietly(fs);
            throw new FileRefused(
                    RefusalReason.UNSUPPORTED_FORMAT,
                    where,
                    "it is an Excel 5/95 or older workbook; open it in Excel and save as .xlsx");
        } catch (OfficeXmlFileException e) {
            closeQuietly(fs);
            throw new FileRefused(
                    RefusalReason.WRONG_FORMAT,
                    where,
                    "it is an .xlsx workbook; rename it to .xlsx or set 'files.format: xlsx'");
        } catch (IOException | RuntimeException e) {
            closeQuietly(fs);
            throw new FileRefused(
                    RefusalReason.CORRUPT, where, "the .xls workbook could not be parsed (" + Where.cause(e) + ")");
        }
    }

    private static void closeQuietly(POIFSFileSystem fs) {
        if (fs != null) {
            try {
                fs.close();
            } catch (IOException | RuntimeException ignored) {
                // nothing more to do for a file being refused
            }
        }
    }
}
