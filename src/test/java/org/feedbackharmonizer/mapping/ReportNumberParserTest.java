package org.feedbackharmonizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import org.feedbackharmonizer.config.FieldSpec;
import org.feedbackharmonizer.ingest.CellValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportNumberParserTest {

    private static final String SPLIT = "[;,/\\s]+";
    private final ReportNumberParser single = new ReportNumberParser(null);
    private final ReportNumberParser splitting = new ReportNumberParser(SPLIT);

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "123456789",
                "0123456789",
                "000123456789",
                "CT-123456789",
                "CT 123456789",
                "CT123456789",
                "ct-123456789",
                "CTR 123456789",
                "CTR#123456789",
                "NCMEC 123456789",
                "NCMEC Report # 123456789",
                "ncmec report no. 123456789",
                "TIP 123456789",
                "Tip#123456789",
                "Report 123456789",
                "Report: 123456789",
                "No. 123456789",
                "No 123456789",
                "#123456789",
                "# 123456789",
                "#123,456,789",
                "123,456,789",
                "123 456 789",
                "CT 123 456 789",
                " 123456789 ",
                "\u00a0123456789\u00a0",
                "123456789.0",
                "123456789.00"
            })
    void readsEverySpellingOfOneReportNumber(String text) throws ValueRejected {
        assertThat(single.parse(CellValue.text(text))).containsExactly("123456789");
        assertThat(splitting.parse(CellValue.text(text))).containsExactly("123456789");
    }

    @ParameterizedTest
    @ValueSource(doubles = {123456789.0, 1.23456789e8, 123456789})
    void readsReportNumbersWrittenAsNumberCells(double value) throws ValueRejected {
        assertThat(single.parse(new CellValue.Number(value))).containsExactly("123456789");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "123456789; 223456789 | 123456789,223456789",
                "123456789;223456789 | 123456789,223456789",
                "123456789, 223456789 | 123456789,223456789",
                "123456789/223456789 | 123456789,223456789",
                "123456789 223456789 | 123456789,223456789",
                "CT-123456789 / CT-223456789 | 123456789,223456789",
                "CT 123456789; CT 223456789 | 123456789,223456789",
                "#123,456,789; #223,456,789 | 123456789,223456789",
                "123,456,789, 223,456,789 | 123456789,223456789",
                "123456789; 223456789; 323456789 | 123456789,223456789,323456789",
                "123456789; | 123456789",
                "; 123456789 ;; | 123456789",
                "123456789; 0123456789 | 123456789",
                "123456789; 123456789 | 123456789",
                "223456789; 123456789; 223456789 | 223456789,123456789"
            })
    void splitsACellWithSeveralNumbersAndCollapsesDuplicates(String text, String expected) throws ValueRejected {
        assertThat(splitting.parse(CellValue.text(text))).containsExactly(expected.split(","));
    }

    @ParameterizedTest
    @CsvSource({"'12,345', 12345", "'1,234,567', 1234567", "'100,200,300,400', 100200300400", "'12 345', 12345"})
    void readsGroupedThousandsAsOneNumberBeforeSplitting(String text, String expected) throws ValueRejected {
        assertThat(splitting.parse(CellValue.text(text))).containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource({"12345, 12345", "00012345, 12345", "999999999999, 999999999999", "0999999999999, 999999999999"})
    void acceptsFiveToTwelveDigits(String text, String expected) throws ValueRejected {
        assertThat(single.parse(CellValue.text(text))).containsExactly(expected);
    }

    private final ReportNumberParser eightToTen = new ReportNumberParser(null, new FieldSpec.Digits(8, 10));

    @ParameterizedTest
    @CsvSource({"12345678, 12345678", "0032465986, 32465986", "CT-1234567890, 1234567890", "'123,456,789', 123456789"})
    void acceptsAsManyDigitsAsTheAgencySays(String text, String expected) throws ValueRejected {
        assertThat(eightToTen.parse(CellValue.text(text))).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4417739", "00004417739", "12345678901", "12345"})
    void rejectsOtherLengthsAsInvalidWithTheAgencysRange(String text) {
        assertThatThrownBy(() -> eightToTen.parse(CellValue.text(text)))
                .isInstanceOfSatisfying(ValueRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(RejectReason.REPORT_NUMBER_INVALID);
                    assertThat(e.getMessage())
                            .isEqualTo("not a report number: expected 8 to 10 digits, optionally after CT, CTR,"
                                    + " NCMEC, TIP, Report, No. or #");
                });
        assertThatThrownBy(() -> eightToTen.parse(new CellValue.Number(4417739)))
                .isInstanceOfSatisfying(
                        ValueRejected.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.REPORT_NUMBER_INVALID));
    }

    @Test
    void namesOneLengthOnceWhenTheAgencyGivesOne() {
        ReportNumberParser nine = new ReportNumberParser(null, new FieldSpec.Digits(9, 9));

        assertThatThrownBy(() -> nine.parse(CellValue.text("12345678")))
                .hasMessage("not a report number: expected 9 digits, optionally after CT, CTR, NCMEC, TIP, Report,"
                        + " No. or #");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "1234",
                "01234",
                "0",
                "00000000",
                "1234567890123",
                "123456789A",
                "A123456789",
                "CT-",
                "CT",
                "case 123456789",
                "123456789 (dup)",
                "123456789 CT x",
                "-123456789",
                "+123456789",
                "123456789.5",
                "1.23457E+08",
                "1.23456789E8",
                "123-456-789",
                "123.456.789",
                "123,45,6789",
                "12,3456,789",
                "123,456,7890",
                "123456789 223456789",
                "123456789;223456789",
                "N/A",
                "none",
                "-",
                "?"
            })
    void rejectsWhatIsNotOneReportNumber(String text) {
        assertRejected(single, CellValue.text(text), RejectReason.REPORT_NUMBER_INVALID);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "123456789; 1234",
                "123456789; abc",
                "123456789 CT",
                "1234567890123",
                "123, 456",
                "123456789 and 223456789",
                "123456789;-"
            })
    void rejectsTheWholeCellWhenOnePartIsNotAReportNumber(String text) {
        assertRejected(splitting, CellValue.text(text), RejectReason.REPORT_NUMBER_INVALID);
    }

    @ParameterizedTest
    @ValueSource(doubles = {123456789.5, 0.5, -123456789, 1234, 0, 1e13, 1e300, Double.NaN, Double.NEGATIVE_INFINITY})
    void rejectsNumberCellsThatAreNotWholeReportNumbers(double value) {
        assertRejected(single, new CellValue.Number(value), RejectReason.REPORT_NUMBER_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u00a0", "\t\n"})
    void reportsABlankCellAsMissing(String text) {
        assertRejected(single, CellValue.text(text), RejectReason.REPORT_NUMBER_MISSING);
        assertRejected(single, CellValue.Blank.INSTANCE, RejectReason.REPORT_NUMBER_MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {";", " ; ; ", "/", ","})
    void reportsACellOfOnlySeparatorsAsMissing(String text) {
        assertRejected(splitting, CellValue.text(text), RejectReason.REPORT_NUMBER_MISSING);
    }

    @Test
    void rejectsDateAndTrueFalseCells() {
        assertRejected(
                single, new CellValue.Date(LocalDateTime.of(2024, 3, 5, 0, 0)), RejectReason.REPORT_NUMBER_INVALID);
        assertRejected(single, new CellValue.Bool(true), RejectReason.REPORT_NUMBER_INVALID);
    }

    @Test
    void rejectsSpreadsheetErrorCellsAsCellErrors() {
        assertRejected(single, new CellValue.Error("#REF!"), RejectReason.CELL_ERROR);
    }

    @Test
    void returnsAnUnmodifiableList() throws ValueRejected {
        List<String> numbers = splitting.parse(CellValue.text("123456789; 223456789"));
        assertThatThrownBy(() -> numbers.add("1")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aSplitRegexThatMatchesDigitsStillSplitsAPlainNumber() throws ValueRejected {
        // "9" as separator: a digits-only cell is not always one number
        assertThat(new ReportNumberParser("9").parse(CellValue.text("1234567891234567")))
                .containsExactly("12345678", "1234567");
        assertThat(new ReportNumberParser("9").parse(CellValue.text("12345678")))
                .containsExactly("12345678");
        assertThat(single.parse(CellValue.text("00012345678"))).containsExactly("12345678");
    }

    @Test
    void refusesASplitRegexThatDoesNotCompile() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReportNumberParser("[;,"))
                .withMessageContaining("split");
    }

    @Test
    void treatsAnEmptySplitRegexAsNone() {
        assertThat(new ReportNumberParser("").splitRegex()).isNull();
        assertThat(splitting.splitRegex()).isEqualTo(SPLIT);
    }

    private static void assertRejected(ReportNumberParser parser, CellValue cell, RejectReason reason) {
        assertThatThrownBy(() -> parser.parse(cell))
                .isInstanceOfSatisfying(
                        ValueRejected.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
