package org.feedbackharmonizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.feedbackharmonizer.config.AgencyConfigLoader;
import org.feedbackharmonizer.ingest.CellValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateValueParserTest {

    private static final LocalDate MARCH_5 = LocalDate.of(2024, 3, 5);
    private final DateValueParser defaults = DateValueParser.withDefaults();

    static Stream<Arguments> everyDefaultPatternWithASample() {
        return Stream.of(
                Arguments.of("yyyy-MM-dd", "2024-03-05"),
                Arguments.of("MM/dd/yyyy", "03/05/2024"),
                Arguments.of("M/d/yyyy", "3/5/2024"),
                Arguments.of("M/d/yy", "3/5/24"),
                Arguments.of("dd-MMM-yy", "05-Mar-24"),
                Arguments.of("d-MMM-yyyy", "5-Mar-2024"),
                Arguments.of("yyyyMMdd", "20240305"),
                Arguments.of("dd.MM.yyyy", "05.03.2024"),
                Arguments.of("MMM d, yyyy", "Mar 5, 2024"),
                Arguments.of("MMMM d, yyyy", "March 5, 2024"));
    }

    @Test
    void theSamplesCoverEveryDefaultPattern() {
        assertThat(everyDefaultPatternWithASample().map(a -> (String) a.get()[0]))
                .containsExactlyElementsOf(AgencyConfigLoader.DEFAULT_DATES);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyDefaultPatternWithASample")
    void readsEachDefaultPatternOnItsOwn(String pattern, String text) throws ValueRejected {
        assertThat(new DateValueParser(List.of(pattern)).parse(CellValue.text(text)))
                .contains(MARCH_5);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyDefaultPatternWithASample")
    void readsEachDefaultPatternWithTheDefaults(String pattern, String text) throws ValueRejected {
        assertThat(defaults.parse(CellValue.text(text))).contains(MARCH_5);
    }

    /**
     * Why the order of the defaults changes no date: each day of a year written in one default pattern is that day
     * or no date at all in every other one, so whichever of them reads a text first, the date is the same.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDefaultPatternWithASample")
    void noTwoDefaultPatternsReadOneTextAsTwoDates(String pattern, String sample) {
        DateTimeFormatter writer = DateTimeFormatter.ofPattern(pattern, Locale.US);
        List<DateValueParser> each = AgencyConfigLoader.DEFAULT_DATES.stream()
                .map(p -> new DateValueParser(List.of(p)))
                .toList();
        for (LocalDate day = LocalDate.of(2024, 1, 1); day.getYear() == 2024; day = day.plusDays(1)) {
            String text = writer.format(day);
            for (DateValueParser other : each) {
                Optional<LocalDate> read;
                try {
                    read = other.parse(CellValue.text(text));
                } catch (ValueRejected e) {
                    read = Optional.empty();
                }
                if (read.isPresent()) {
                    assertThat(read)
                            .as("'%s' read with %s", text, other.patterns())
                            .contains(day);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "05-MAR-24",
                "5-Mar-24",
                "05-mar-24",
                "5-MAR-2024",
                "MAR 5, 2024",
                "march 5, 2024",
                "MARCH 5, 2024",
                "  2024-03-05  ",
                "\u00a02024-03-05\u00a0",
                "March  5,  2024",
                "3/5/2024",
                "03/5/2024",
                "3/05/24"
            })
    void readsMonthNamesInAnyCaseAndDigitsWithOrWithoutLeadingZeros(String text) throws ValueRejected {
        assertThat(defaults.parse(CellValue.text(text))).contains(MARCH_5);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-03-05 14:30",
                "2024-03-05T14:30:00",
                "2024-03-05T14:30:00.123",
                "2024-03-05T14:30:00Z",
                "2024-03-05T14:30:00+01:00",
                "3/5/2024 2:30 PM",
                "3/5/2024 0:00",
                "03/05/2024 14:30:59",
                "20240305 14:30",
                "Mar 5, 2024 10:00 am"
            })
    void takesTheDateOfADateTime(String text) throws ValueRejected {
        assertThat(defaults.parse(CellValue.text(text))).contains(MARCH_5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-05 garbage", "2024-03-05T", "2024-03-05 99", "3/5/2024x"})
    void rejectsADateFollowedByAnythingButATime(String text) {
        assertRejected(defaults, CellValue.text(text), RejectReason.BAD_DATE);
    }

    @ParameterizedTest
    @CsvSource({"3/5/50, 1950-03-05", "3/5/49, 2049-03-05", "3/5/99, 1999-03-05", "3/5/00, 2000-03-05"})
    void readsTwoDigitYearsAs1950To2049(String text, LocalDate expected) throws ValueRejected {
        DateValueParser parser = new DateValueParser(List.of("M/d/yy"));
        if (expected.isBefore(DateValueParser.EARLIEST)) {
            assertRejected(parser, CellValue.text(text), RejectReason.DATE_IMPLAUSIBLE);
        } else {
            assertThat(parser.parse(CellValue.text(text))).contains(expected);
        }
    }

    @Test
    void readsATwoDigitYearPatternWrittenInUpperCaseYearLetter() throws ValueRejected {
        assertThat(new DateValueParser(List.of("d-MMM-uu")).parse(CellValue.text("5-Mar-99")))
                .contains(LocalDate.of(1999, 3, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"02/30/2024", "2023-02-29", "13/01/2024", "2024-04-31", "00/10/2024", "2024-00-10"})
    void rejectsDaysThatDoNotExist(String text) {
        assertRejected(defaults, CellValue.text(text), RejectReason.BAD_DATE);
    }

    @Test
    void acceptsTheLeapDayOfALeapYear() throws ValueRejected {
        assertThat(defaults.parse(CellValue.text("02/29/2024"))).contains(LocalDate.of(2024, 2, 29));
    }

    @Test
    void triesPatternsInOrderSoTheFirstMatchWins() throws ValueRejected {
        CellValue ambiguous = CellValue.text("03/04/2024");
        assertThat(new DateValueParser(List.of("MM/dd/yyyy", "dd/MM/yyyy")).parse(ambiguous))
                .contains(LocalDate.of(2024, 3, 4));
        assertThat(new DateValueParser(List.of("dd/MM/yyyy", "MM/dd/yyyy")).parse(ambiguous))
                .contains(LocalDate.of(2024, 4, 3));
    }

    @Test
    void fallsBackToTheNextPatternWhenTheFirstReadsAnImpossibleDay() throws ValueRejected {
        assertThat(new DateValueParser(List.of("MM/dd/yyyy", "dd/MM/yyyy")).parse(CellValue.text("25/12/2024")))
                .contains(LocalDate.of(2024, 12, 25));
    }

    @Test
    void readsQuotedLiteralsInAPattern() throws ValueRejected {
        assertThat(new DateValueParser(List.of("yyyy'T'MM'T'dd", "'week of' MMM d yyyy"))
                        .parse(CellValue.text("week of Mar 5 2024")))
                .contains(MARCH_5);
    }

    @ParameterizedTest
    @CsvSource({
        "45000, 2023-03-15",
        "45000.75, 2023-03-15",
        "45321, 2024-01-30",
        "32874, 1990-01-01",
        "73415, 2100-12-31",
        "45356, 2024-03-05"
    })
    void readsDatesWrittenAsExcelSerials(double serial, LocalDate expected) throws ValueRejected {
        assertThat(defaults.parse(new CellValue.Number(serial))).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"45000, 2023-03-15", "45321, 2024-01-30", "32874, 1990-01-01"})
    void readsExcelSerialsWrittenAsText(String text, LocalDate expected) throws ValueRejected {
        assertThat(defaults.parse(CellValue.text(text))).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "1, 1900-01-01",
        "2, 1900-01-02",
        "59, 1900-02-28",
        "61, 1900-03-01",
        "367, 1901-01-01",
        "2958465, 9999-12-31"
    })
    void countsExcelSerialsWithTheLotusLeapYearBug(long serial, LocalDate expected) throws ValueRejected {
        assertThat(DateValueParser.excelSerialDate(serial)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 60, 2958466})
    void rejectsSerialsThatAreNotExcelDates(long serial) {
        assertThatThrownBy(() -> DateValueParser.excelSerialDate(serial))
                .isInstanceOfSatisfying(
                        ValueRejected.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.BAD_DATE));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5, -1, 60, 60.5, 2958466, 1e300, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsNumberCellsThatAreNotExcelDates(double value) {
        assertRejected(defaults, new CellValue.Number(value), RejectReason.BAD_DATE);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 59, 61, 32873, 73416, 2958465})
    void rejectsExcelDatesOutsideThePlausibleRange(double value) {
        assertRejected(defaults, new CellValue.Number(value), RejectReason.DATE_IMPLAUSIBLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1989-12-31", "2101-01-01", "1900-01-01", "9999-12-31", "00010101", "01/01/1899"})
    void rejectsTextDatesOutsideThePlausibleRange(String text) {
        assertRejected(defaults, CellValue.text(text), RejectReason.DATE_IMPLAUSIBLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1990-01-01", "2100-12-31", "1998-03-09"})
    void acceptsTheBoundsOfThePlausibleRange(String text) throws ValueRejected {
        assertThat(defaults.parse(CellValue.text(text))).contains(LocalDate.parse(text));
    }

    @Test
    void readsASpreadsheetDateCell() throws ValueRejected {
        assertThat(defaults.parse(new CellValue.Date(LocalDateTime.of(2024, 3, 5, 14, 30))))
                .contains(MARCH_5);
    }

    @Test
    void rejectsAnImplausibleSpreadsheetDateCell() {
        assertRejected(defaults, new CellValue.Date(LocalDateTime.of(1900, 1, 1, 0, 0)), RejectReason.DATE_IMPLAUSIBLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\u00a0", "\t"})
    void readsABlankCellAsNoDate(String text) throws ValueRejected {
        assertThat(defaults.parse(CellValue.text(text))).isEmpty();
        assertThat(defaults.parse(CellValue.Blank.INSTANCE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not a date",
                "2024-03",
                "March 2024",
                "Q1 2024",
                "1234",
                "123456",
                "2024/03/05",
                "5 March 2024",
                "Sept 5, 2024",
                "2024-03-05-01",
                "TBD",
                "N/A",
                "-45000",
                "45000.5"
            })
    void rejectsTextThatMatchesNoPattern(String text) {
        assertRejected(defaults, CellValue.text(text), RejectReason.BAD_DATE);
    }

    @Test
    void rejectsTrueFalseCells() {
        assertRejected(defaults, new CellValue.Bool(true), RejectReason.BAD_DATE);
    }

    @Test
    void rejectsSpreadsheetErrorCellsAsCellErrors() {
        assertRejected(defaults, new CellValue.Error("#N/A"), RejectReason.CELL_ERROR);
    }

    @Test
    void readsOnlySerialsAndDateCellsWithNoPatterns() throws ValueRejected {
        DateValueParser none = new DateValueParser(List.of());
        assertThat(none.parse(new CellValue.Number(45000))).contains(LocalDate.of(2023, 3, 15));
        assertRejected(none, CellValue.text("2024-03-05"), RejectReason.BAD_DATE);
    }

    @Test
    void saysWhichPatternsItTriedWithoutRepeatingTheValue() {
        DateValueParser parser = new DateValueParser(List.of("MM/dd/yyyy", "yyyy-MM-dd"));
        assertThatThrownBy(() -> parser.parse(CellValue.text("31.12.2024x")))
                .isInstanceOf(ValueRejected.class)
                .hasMessageContaining("not a date in any of the patterns [MM/dd/yyyy, yyyy-MM-dd]")
                .hasMessageNotContaining("31.12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "yyyy-MM", "MM/dd", "HH:mm", "yyyy-MM-dd'T", "EEE", "qqq", "bbbb"})
    void refusesPatternsThatDoNotNameAFullDate(String pattern) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DateValueParser(List.of(pattern)))
                .withMessageContaining("date pattern");
    }

    @Test
    void keepsItsPatternsInOrder() {
        assertThat(new DateValueParser(List.of("yyyyMMdd", "M/d/yy")).patterns())
                .containsExactly("yyyyMMdd", "M/d/yy");
    }

    private static void assertRejected(DateValueParser parser, CellValue cell, RejectReason reason) {
        assertThatThrownBy(() -> parser.parse(cell))
                .isInstanceOfSatisfying(
                        ValueRejected.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void readsTheSameDatesWhenTheTextsRepeatBeyondWhatItRemembers() throws Exception {
        // more distinct texts than the parser keeps, read twice: every answer must be the parse, not a stale one
        DateValueParser parser = new DateValueParser(List.of("dd.MM.yyyy", "MM/dd/yyyy"));
        java.time.format.DateTimeFormatter us = java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy");
        LocalDate first = LocalDate.of(1990, 1, 1);
        for (int round = 0; round < 2; round++) {
            for (int day = 0; day < 40_000; day += round + 1) {
                LocalDate expected = first.plusDays(day);
                assertThat(parser.parse(CellValue.text(expected.format(us)))).contains(expected);
            }
        }
        assertThatThrownBy(() -> parser.parse(CellValue.text("13/45/2024")))
                .isInstanceOf(ValueRejected.class)
                .extracting(e -> ((ValueRejected) e).reason())
                .isEqualTo(RejectReason.BAD_DATE);
        assertThatThrownBy(() -> parser.parse(CellValue.text("13/45/2024"))).isInstanceOf(ValueRejected.class);
    }

    @Test
    void readsMonthNamesInTheAgencysOwnLanguageWhereThePatternNamesTheMonth() throws ValueRejected {
        DateValueParser spanish = new DateValueParser(
                List.of("dd/MM/yyyy", "dd-MMM-yyyy"),
                DateValueParser.EARLIEST,
                DateValueParser.LATEST,
                org.feedbackharmonizer.schema.MonthNamesTest.SPANISH);
        DateValueParser english = new DateValueParser(List.of("dd/MM/yyyy", "dd-MMM-yyyy"));

        assertThat(spanish.parse(CellValue.text("05-ene-2025"))).hasValue(LocalDate.of(2025, 1, 5));
        assertThat(spanish.parse(CellValue.text("17-AGO-2024"))).hasValue(LocalDate.of(2024, 8, 17));
        assertThat(spanish.parse(CellValue.text("05-Feb-2025"))).hasValue(LocalDate.of(2025, 2, 5));
        assertThat(spanish.parse(CellValue.text("05/01/2025"))).hasValue(LocalDate.of(2025, 1, 5));
        assertThatThrownBy(() -> english.parse(CellValue.text("05-ene-2025")))
                .isInstanceOfSatisfying(
                        ValueRejected.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.BAD_DATE));
    }
}
