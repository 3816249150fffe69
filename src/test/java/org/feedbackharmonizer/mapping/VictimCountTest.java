package org.feedbackharmonizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.schema.LabelList;
import org.feedbackharmonizer.schema.VictimBand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class VictimCountTest {

    private final VictimCount victims = VictimCount.withDefaults();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
        "0, NONE",
        "1, ONE",
        "2, TWO_TO_FIVE",
        "5, TWO_TO_FIVE",
        "6, SIX_OR_MORE",
        "250, SIX_OR_MORE",
        "3.0, TWO_TO_FIVE",
        "3 victims, TWO_TO_FIVE",
        "1 victim, ONE",
        "3 Victims, TWO_TO_FIVE",
        "' 3 ', TWO_TO_FIVE",
        "none, NONE",
        "None, NONE",
        "NONE, NONE",
        "zero, NONE",
        "no victims, NONE",
        "007, SIX_OR_MORE"
    })
    void bandsACountWrittenAsText(String text, VictimBand expected) throws ValueRejected {
        assertThat(victims.parse(CellValue.text(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, NONE", "1, ONE", "2, TWO_TO_FIVE", "5, TWO_TO_FIVE", "6, SIX_OR_MORE", "1e6, SIX_OR_MORE"})
    void bandsACountInANumberCell(double count, VictimBand expected) throws ValueRejected {
        assertThat(victims.parse(new CellValue.Number(count))).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(VictimBand.class)
    void acceptsABandLabelGivenDirectly(VictimBand band) throws ValueRejected {
        assertThat(victims.parse(CellValue.text(band.label()))).isEqualTo(band);
    }

    @ParameterizedTest
    @CsvSource({"2 - 5, TWO_TO_FIVE", "6 +, SIX_OR_MORE", "six_or_more, SIX_OR_MORE"})
    void acceptsABandLabelWithLooseSpacingOrItsName(String text, VictimBand expected) throws ValueRejected {
        assertThat(victims.parse(CellValue.text(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "UNK", "Unknown", "n/a", "?"})
    void readsBlankAndUnknownLabelsAsUnknown(String text) throws ValueRejected {
        assertThat(victims.parse(CellValue.text(text))).isEqualTo(VictimBand.UNKNOWN);
        assertThat(victims.parse(CellValue.Blank.INSTANCE)).isEqualTo(VictimBand.UNKNOWN);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"-1", "-3 victims", "several", "2.5", "3-4", "1 or 2", "many", "3 suspects", "1,000"})
    void rejectsNegativeFractionalAndNonNumericCounts(String text) {
        assertRejected(CellValue.text(text), RejectReason.BAD_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, 2.5, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsNumberCellsThatAreNotCounts(double value) {
        assertRejected(new CellValue.Number(value), RejectReason.BAD_NUMBER);
    }

    @Test
    void rejectsDateAndTrueFalseCells() {
        assertRejected(new CellValue.Date(LocalDateTime.of(2024, 3, 5, 0, 0)), RejectReason.BAD_NUMBER);
        assertRejected(new CellValue.Bool(true), RejectReason.BAD_NUMBER);
    }

    @Test
    void rejectsSpreadsheetErrorCellsAsCellErrors() {
        assertRejected(new CellValue.Error("#DIV/0!"), RejectReason.CELL_ERROR);
    }

    @Test
    void usesTheAgencysOwnUnknownLabels() throws ValueRejected {
        assertThat(new VictimCount(LabelList.of(java.util.List.of("pending"))).parse(CellValue.text("Pending")))
                .isEqualTo(VictimBand.UNKNOWN);
    }

    private void assertRejected(CellValue cell, RejectReason reason) {
        assertThatThrownBy(() -> victims.parse(cell))
                .isInstanceOfSatisfying(
                        ValueRejected.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
