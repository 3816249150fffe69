package org.feedbackharmonizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.LabelList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectAgeTest {

    private final SubjectAge ages = SubjectAge.withDefaults();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
        "0, UNDER_18",
        "17, UNDER_18",
        "17.9, UNDER_18",
        "18, AGE_18_24",
        "24, AGE_18_24",
        "25, AGE_25_34",
        "34, AGE_25_34",
        "34.0, AGE_25_34",
        "34 yrs, AGE_25_34",
        "34y, AGE_25_34",
        "34 Y, AGE_25_34",
        "34 years, AGE_25_34",
        "34 years old, AGE_25_34",
        "34 yo, AGE_25_34",
        "34 y/o, AGE_25_34",
        "' 34 ', AGE_25_34",
        "+34, AGE_25_34",
        "35, AGE_35_44",
        "45, AGE_45_54",
        "55, AGE_55_64",
        "64, AGE_55_64",
        "65, AGE_65_PLUS",
        "120, AGE_65_PLUS",
        "120.5, AGE_65_PLUS"
    })
    void bandsAnAgeWrittenAsText(String text, AgeBand expected) throws ValueRejected {
        assertThat(ages.fromAge(CellValue.text(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, UNDER_18", "17.99, UNDER_18", "18, AGE_18_24", "34, AGE_25_34", "120, AGE_65_PLUS"})
    void bandsAnAgeInANumberCell(double age, AgeBand expected) throws ValueRejected {
        assertThat(ages.fromAge(new CellValue.Number(age))).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(AgeBand.class)
    void acceptsABandLabelGivenDirectly(AgeBand band) throws ValueRejected {
        assertThat(ages.fromAge(CellValue.text(band.label()))).isEqualTo(band);
    }

    @ParameterizedTest
    @CsvSource({"25 - 34, AGE_25_34", "under 18, UNDER_18", "65 +, AGE_65_PLUS"})
    void acceptsABandLabelWithLooseSpacing(String text, AgeBand expected) throws ValueRejected {
        assertThat(ages.fromAge(CellValue.text(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "UNK", "unknown", "N/A", "?"})
    void readsBlankAndUnknownLabelsAsUnknown(String text) throws ValueRejected {
        assertThat(ages.fromAge(CellValue.text(text))).isEqualTo(AgeBand.UNKNOWN);
        assertThat(ages.fromAge(CellValue.Blank.INSTANCE)).isEqualTo(AgeBand.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.5", "121", "150", "999", "1000"})
    void rejectsImplausibleAges(String text) {
        assertRejected(() -> ages.fromAge(CellValue.text(text)), RejectReason.AGE_IMPLAUSIBLE);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, 121, 1e9})
    void rejectsImplausibleAgesInNumberCells(double age) {
        assertRejected(() -> ages.fromAge(new CellValue.Number(age)), RejectReason.AGE_IMPLAUSIBLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"adult", "thirty", "30-35", "30s", "34 months", "3 4", "1/2/1990", "12345", "34..0"})
    void rejectsTextThatIsNotAnAge(String text) {
        assertRejected(() -> ages.fromAge(CellValue.text(text)), RejectReason.BAD_NUMBER);
    }

    @Test
    void rejectsDateTrueFalseAndNonFiniteCells() {
        assertRejected(
                () -> ages.fromAge(new CellValue.Date(LocalDateTime.of(1990, 1, 1, 0, 0))), RejectReason.BAD_NUMBER);
        assertRejected(() -> ages.fromAge(new CellValue.Bool(true)), RejectReason.BAD_NUMBER);
        assertRejected(() -> ages.fromAge(new CellValue.Number(Double.NaN)), RejectReason.BAD_NUMBER);
    }

    @Test
    void rejectsSpreadsheetErrorCellsAsCellErrors() {
        assertRejected(() -> ages.fromAge(new CellValue.Error("#VALUE!")), RejectReason.CELL_ERROR);
    }

    @Test
    void usesTheAgencysOwnUnknownLabels() throws ValueRejected {
        SubjectAge agency = new SubjectAge(LabelList.of(java.util.List.of("not given")));
        assertThat(agency.fromAge(CellValue.text("Not Given"))).isEqualTo(AgeBand.UNKNOWN);
        assertRejected(() -> agency.fromAge(CellValue.text("UNK")), RejectReason.BAD_NUMBER);
    }

    @ParameterizedTest(name = "born {0}, on {1} -> {2}")
    @CsvSource({
        "2006-03-06, 2024-03-05, UNDER_18",
        "2006-03-05, 2024-03-05, AGE_18_24",
        "1990-03-06, 2024-03-05, AGE_25_34",
        "1989-03-05, 2024-03-05, AGE_35_44",
        "1959-03-05, 2024-03-05, AGE_65_PLUS",
        "2024-03-05, 2024-03-05, UNDER_18",
        "2004-02-29, 2022-02-28, UNDER_18",
        "2004-02-29, 2022-03-01, AGE_18_24",
        "1904-03-05, 2024-03-05, AGE_65_PLUS"
    })
    void bandsTheAgeInCompletedYearsOnTheReceivedDate(LocalDate birth, LocalDate on, AgeBand expected)
            throws ValueRejected {
        assertThat(SubjectAge.fromBirthDate(birth, on)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "born {0}, on {1}")
    @CsvSource({"2024-03-06, 2024-03-05", "2025-01-01, 2024-03-05", "1904-03-04, 2025-03-05", "1800-01-01, 2024-03-05"})
    void rejectsABirthDateAfterTheDateOrMoreThan120YearsBefore(LocalDate birth, LocalDate on) {
        assertRejected(() -> SubjectAge.fromBirthDate(birth, on), RejectReason.AGE_IMPLAUSIBLE);
    }

    private static void assertRejected(ThrowingSupplier<AgeBand> call, RejectReason reason) {
        assertThatThrownBy(call::get)
                .isInstanceOfSatisfying(
                        ValueRejected.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
