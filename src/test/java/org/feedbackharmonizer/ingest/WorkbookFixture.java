package org.feedbackharmonizer.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes small real workbooks for tests: {@code WorkbookFixture.xlsx().sheet("Outcomes").row("Report", 1.5)
 * .write(dir.resolve("a.xlsx"))}. Values: String, Number, Boolean, LocalDateTime (date-formatted), or one of the
 * {@link #formula} / {@link #error} markers.
 */
final class WorkbookFixture {

    record Formula(String formula, Object cached) {}

    record ErrorCell(FormulaError error) {}

    /** A raw serial number with a date format, read as a date in the workbook's date system. */
    record DateSerial(double serial) {}

    static Formula formula(String formula, Object cached) {
        return new Formula(formula, cached);
    }

    static ErrorCell error(FormulaError error) {
        return new ErrorCell(error);
    }

    private final Workbook workbook;
    private final CellStyle dateStyle;
    private Sheet sheet;
    private final List<Consumer<Workbook>> finish = new ArrayList<>();

    private WorkbookFixture(Workbook workbook) {
        this.workbook = workbook;
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
    }

    static WorkbookFixture xlsx() {
        return new WorkbookFixture(new XSSFWorkbook());
    }

    static WorkbookFixture xls() {
        return new WorkbookFixture(new HSSFWorkbook());
    }

    static WorkbookFixture of(FileFormat format) {
        return format == FileFormat.XLS ? xls() : xlsx();
    }

    WorkbookFixture date1904() {
        if (workbook instanceof XSSFWorkbook x) {
            x.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
        } else {
            finish.add(w -> setHssf1904((HSSFWorkbook) w));
        }
        return this;
    }

    private static void setHssf1904(HSSFWorkbook wb) {
        // HSSF has no public setter; the DateWindow1904Record is reachable through the internal workbook.
        for (org.apache.poi.hssf.record.Record r :
                wb.getInternalWorkbook().getWorkbookRecordList().getRecords()) {
            if (r instanceof org.apache.poi.hssf.record.DateWindow1904Record d) {
                d.setWindowing((short) 1);
            }
        }
    }

    WorkbookFixture sheet(String name) {
        sheet = workbook.createSheet(name);
        return this;
    }

    WorkbookFixture hiddenSheet(String name) {
        sheet(name);
        workbook.setSheetHidden(workbook.getSheetIndex(sheet), true);
        return this;
    }

    WorkbookFixture row(Object... values) {
        return rowAt(nextRow(), false, values);
    }

    WorkbookFixture hiddenRow(Object... values) {
        return rowAt(nextRow(), true, values);
    }

    private int nextRow() {
        return sheet.getPhysicalNumberOfRows() == 0 ? 0 : sheet.getLastRowNum() + 1;
    }

    /** A row at a 0-based index, leaving a gap. */
    WorkbookFixture rowAt(int index, boolean hidden, Object... values) {
        Row row = sheet.createRow(index);
        row.setZeroHeight(hidden);
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (v instanceof String s) {
                cell.setCellValue(s);
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof Boolean b) {
                cell.setCellValue(b);
            } else if (v instanceof LocalDateTime d) {
                cell.setCellValue(d);
                cell.setCellStyle(dateStyle);
            } else if (v instanceof DateSerial d) {
                cell.setCellValue(d.serial());
                cell.setCellStyle(dateStyle);
            } else if (v instanceof ErrorCell e) {
                cell.setCellErrorValue(e.error().getCode());
            } else if (v instanceof Formula f) {
                cell.setCellFormula(f.formula());
                Object cached = f.cached();
                if (cached instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (cached instanceof Boolean b) {
                    cell.setCellValue(b);
                } else if (cached instanceof String s) {
                    cell.setCellValue(s);
                } else if (cached instanceof ErrorCell e) {
                    cell.setCellErrorValue(e.error().getCode());
                }
            } else {
                throw new IllegalArgumentException("unsupported fixture value " + v.getClass());
            }
        }
        return this;
    }

    Path write(Path file) throws IOException {
        finish.forEach(f -> f.accept(workbook));
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        workbook.close();
        return file;
    }
}
