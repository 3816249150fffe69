package org.feedbackharmonizer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.feedbackharmonizer.ingest.WorkbookFixture.error;
import static org.feedbackharmonizer.ingest.WorkbookFixture.formula;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same behaviour from the XLSX and the XLS reader, on workbooks written by POI. */
class SpreadsheetReaderTest {

    @TempDir
    Path dir;

    private Path file(FileFormat format) {
        return dir.resolve("agency." + format.name().toLowerCase());
    }

    private static TableReader reader(FileFormat format) {
        return format == FileFormat.XLS
                ? new XlsTableReader(ReadLimits.DEFAULT)
                : new XlsxTableReader(ReadLimits.DEFAULT);
    }

    private static List<RawRecord> readAll(FileFormat format, Path file) throws FileRefused {
        List<RawRecord> records = new ArrayList<>();
        reader(format).read(file, s -> true, records::add);
        return records;
    }

    @ParameterizedTest
    @EnumSource(
            value = FileFormat.class,
            names = {"XLSX", "XLS"})
    void readsEachCellTypeAsItsCellValue(FileFormat format) throws Exception {
        Path file = WorkbookFixture.of(format)
                .sheet("Outcomes")
                .row("Report", 12.5, 3, LocalDateTime.of(2024, 3, 15, 0, 0), true, error(FormulaError.DIV0))
                .write(file(format));

        List<RawRecord> records = readAll(format, file);

        assertThat(records).hasSize(1);
        assertThat(records.get(0).cells())
                .containsExactly(
                        new CellValue.Text("Report"),
                        new CellValue.Number(12.5),
                        new CellValue.Number(3),
                        new CellValue.Date(LocalDateTime.of(2024, 3, 15, 0, 0)),
                        new CellValue.Bool(true),
                        new CellValue.Error("#DIV/0!"));
        assertThat(records.get(0).sheet()).isEqualTo("sheet 1");
        assertThat(records.get(0).rowNumber()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = FileFormat.class,
            names = {"XLSX", "XLS"})
    void readsFormulasAsTheirCachedValueWithoutEvaluating(FileFormat format) throws Exception {
        // the cached values deliberately differ from what the formulas would compute
        Path file = WorkbookFixture.of(format)
                .sheet("S")
                .row(
                        formula("1+1", 7),
                        formula("\"a\"&\"b\"", "cached"),
                        formula("1=1", false),
                        formula("1/0", error(FormulaError.NA)))
                .write(file(format));

        assertThat(readAll(format, file).get(0).cells())
                .containsExactly(
                        new CellValue.Number(7),
                        new CellValue.Text("cached"),
                        new CellValue.Bool(false),
                        new CellValue.Error("#N/A"));
    }

    @ParameterizedTest
    @EnumSource(
            value = FileFormat.class,
            names = {"XLSX", "XLS"})
    void readsDateSerialsInThe1904DateSystem(FileFormat format) throws Exception {
        Path file = WorkbookFixture.of(format)
                .date1904()
                .sheet("S")
                .row(new WorkbookFixture.DateSerial(1))
                .write(file(format));

        assertThat(readAll(format, file).get(0).cells())
                .containsExactly(new CellValue.Date(LocalDateTime.of(1904, 1, 2, 0, 0)));
    }

    @ParameterizedTest
    @EnumSource(
            value = FileFormat.class,
            names = {"XLSX", "XLS"})
    void readsDateSerialsInThe1900DateSystem(FileFormat format) throws Exception {
        Path file = WorkbookFixture.of(format)
                .sheet("S")
                .row(new WorkbookFixture.DateSerial(45366.5))
                .write(file(format));

        assertThat(readAll(format, file).get(0).cells())
                .containsExactly(new CellValue.Date(LocalDateTime.of(2024, 3, 15, 12, 0)));
    }

    @ParameterizedTest
    @EnumSource(
            value = FileFormat.class,
            names = {"XLSX", "XLS"})
    void reportsHiddenSheetsAndHiddenRows(FileFormat format) throws Exception {
        Path file = WorkbookFixture.of(format)
                .sheet("Visible")
                .row("a")
                .hiddenRow("b")
                .row("c")
                .hiddenSheet("Lookups")
                .row("x")
                .write(file(format));

        assertThat(reader(format).sheets(file))
                .containsExactly(new SheetInfo(0, "Visible", false), new SheetInfo(1, "Lookups", true));
        List<RawRecord> records = readAll(format, file);
        assertThat(records)
                .extracting(RawRecord::sheet, RawRecord::rowNumber, RawRecord::hidden)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sheet 1", 1L, false),
                        org.assertj.core.groups.Tuple.tuple("sheet 1", 2L, true),
                        org.assertj.core.groups.Tuple.tuple("sheet 1", 3L, false),
                        org.assertj.core.groups.Tuple.tuple("sheet 2", 1L, false));
    }

    @ParameterizedTest
    @EnumSource(
            value = FileFormat.class,
            names = {"XLSX", "XLS"})
    void readsOnlyTheSheetsThePredicateAccepts(FileFormat format) throws Exception {
        Path file = WorkbookFixture.of(format)
                .sheet("Notes")
                .row("ignore me")
                .sheet("Outcomes")
                .row("keep me")
                .write(file(format));

        List<RawRecord> records = new ArrayList<>();
        reader(format).read(file, s -> s.name().equals("Outcomes"), records::add);

        assertThat(records).extracting(r -> r.cell(0).text()).containsExactly("keep me");
    }

    @ParameterizedTest
    @EnumSource(
            value = FileFormat.class,
            names = {"XLSX", "XLS"})
    void readChosenShowsTheSheetListOnceAndReadsWhatTheChoicePicks(FileFormat format) throws Exception {
        Path file = WorkbookFixture.of(format)
                .sheet("Notes")
                .row("ignore me")
                .sheet("Outcomes")
                .row("keep me")
                .write(file(format));
        List<List<SheetInfo>> shown = new ArrayList<>();
        List<RawRecord> records = new ArrayList<>();

        reader(format)
                .readChosen(
                        file,
                        sheets -> {
                            shown.add(sheets);
                            return s -> s.name().equals("Outcomes");
                        },
                        records::add);

        assertThat(shown).containsExactly(reader(format).sheets(file));
        assertThat(records).extracting(r -> r.cell(0).text()).containsExactly("keep me");
    }

    @ParameterizedTest
    @EnumSource(
            value = FileFormat.class,
            names = {"XLSX", "XLS"})
    void aRefusalOfTheChoiceReadsNothing(FileFormat format) throws Exception {
        Path file = WorkbookFixture.of(format).sheet("Notes").row("x").write(file(format));
        List<RawRecord> records = new ArrayList<>();

        assertThatThrownBy(() -> reader(format)
                        .readChosen(
                                file,
                                sheets -> {
                                    throw new FileRefused(RefusalReason.NO_SHEET, "agency", "none selected");
                                },
                                records::add))
                .isInstanceOf(FileRefused.class)
                .hasMessageContaining("none selected");
        assertThat(records).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = FileFormat.class,
            names = {"XLSX", "XLS"})
    void numbersRowsAsExcelDoesAndSkipsMissingRows(FileFormat format) throws Exception {
        Path file = WorkbookFixture.of(format)
                .sheet("S")
                .rowAt(0, false, "title")
                .rowAt(4, false, null, "b5")
                .write(file(format));

        List<RawRecord> records = readAll(format, file);

        assertThat(records).extracting(RawRecord::rowNumber).containsExactly(1L, 5L);
        assertThat(records.get(1).cells()).containsExactly(CellValue.Blank.INSTANCE, new CellValue.Text("b5"));
    }

    @ParameterizedTest
    @EnumSource(
            value = FileFormat.class,
            names = {"XLSX", "XLS"})
    void stopsWhenTheSinkHasSeenEnough(FileFormat format) throws Exception {
        List<RawRecord> records = new ArrayList<>();
        reader(format).read(twoSheets(format), s -> true, r -> {
            records.add(r);
            if (records.size() == 2) {
                throw new StopReading();
            }
        });

        assertThat(records).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(
            value = FileFormat.class,
            names = {"XLSX", "XLS"})
    void stopsOneSheetAndGoesOnWithTheNext(FileFormat format) throws Exception {
        List<String> read = new ArrayList<>();
        reader(format).read(twoSheets(format), s -> true, r -> {
            read.add(r.sheet() + ": " + r.cell(0).text());
            throw StopReading.sheet();
        });

        assertThat(read).containsExactly("sheet 1: 1", "sheet 2: 4");
    }

    private Path twoSheets(FileFormat format) throws Exception {
        return WorkbookFixture.of(format)
                .sheet("S")
                .row("1")
                .row("2")
                .row("3")
                .sheet("T")
                .row("4")
                .write(file(format));
    }

    @ParameterizedTest
    @EnumSource(
            value = FileFormat.class,
            names = {"XLSX", "XLS"})
    void refusesACellLongerThanTheLimitNamingItsColumn(FileFormat format) throws Exception {
        Path file =
                WorkbookFixture.of(format).sheet("S").row("ok", "x".repeat(50)).write(file(format));
        TableReader reader = format == FileFormat.XLS
                ? new XlsTableReader(new ReadLimits(20, 1000, 10, 1L << 30, 0.01))
                : new XlsxTableReader(new ReadLimits(20, 1000, 10, 1L << 30, 0.01));

        assertThatThrownBy(() -> reader.read(file, s -> true, r -> {})).isInstanceOfSatisfying(FileRefused.class, e -> {
            assertThat(e.reason()).isEqualTo(RefusalReason.TOO_LARGE);
            assertThat(e.getMessage())
                    .startsWith("agency." + format.name().toLowerCase() + ", sheet 1, row 1, column 2: ")
                    .doesNotContain("xxxxx");
        });
    }
}
