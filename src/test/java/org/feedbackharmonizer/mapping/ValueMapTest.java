package org.feedbackharmonizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.LabelList;
import org.feedbackharmonizer.schema.NotActionableReason;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.Status;
import org.feedbackharmonizer.schema.VictimBand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueMapTest {

    private final ValueMap<Status> status = ValueMap.of(
            "status",
            ordered(
                    Status.class,
                    "Open",
                    Status.OPEN,
                    "Active",
                    Status.OPEN,
                    "Closed",
                    Status.CLOSED,
                    "Inactive",
                    Status.CLOSED),
            Optional.empty(),
            YesNoParser.DEFAULT_UNKNOWN);

    private final ValueMap<Outcome> outcome = new ValueMap<>(
            "outcome",
            List.of(
                    new ValueMap.Entry<>("Arrest Made", Outcome.ARREST),
                    new ValueMap.Entry<>("/(?i)unable to (id|identify)/", Outcome.UNABLE_TO_IDENTIFY_SUBJECT),
                    new ValueMap.Entry<>("/(?i)arrest/", Outcome.ARREST),
                    new ValueMap.Entry<>("/(?i)warrant/", Outcome.SEARCH_WARRANT_SERVED),
                    new ValueMap.Entry<>("N/A", Outcome.NO_ACTION_INSUFFICIENT_INFO)),
            Optional.empty(),
            YesNoParser.DEFAULT_UNKNOWN);

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"Open, OPEN", "open, OPEN", "OPEN, OPEN", "'  Active ', OPEN", "closed, CLOSED", "'INACTIVE', CLOSED"})
    void mapsExactLabelsIgnoringCaseAndSurroundingSpace(String text, Status expected) throws ValueRejected {
        assertThat(status.map(CellValue.text(text), Status.UNKNOWN)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Arrest Made", "arrest   made", "ARREST\u00a0MADE", " Arrest Made "})
    void collapsesInnerWhitespaceOfLabels(String text) throws ValueRejected {
        assertThat(outcome.map(CellValue.text(text), Outcome.UNKNOWN)).isEqualTo(Outcome.ARREST);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({
        "Unable to ID suspect, UNABLE_TO_IDENTIFY_SUBJECT",
        "closed - unable to identify, UNABLE_TO_IDENTIFY_SUBJECT",
        "Arrested 3/4, ARREST",
        "Search warrant served, SEARCH_WARRANT_SERVED",
        "Warrant; arrest pending, ARREST"
    })
    void mapsRegexKeysBySearchInTheOrderWritten(String text, Outcome expected) throws ValueRejected {
        assertThat(outcome.map(CellValue.text(text), Outcome.UNKNOWN)).isEqualTo(expected);
    }

    @Test
    void triesExactLabelsBeforeRegexes() throws ValueRejected {
        ValueMap<Outcome> map = new ValueMap<>(
                "outcome",
                List.of(
                        new ValueMap.Entry<>("/arrest/", Outcome.ARREST),
                        new ValueMap.Entry<>("no arrest", Outcome.UNDER_INVESTIGATION)),
                Optional.empty(),
                LabelList.NONE);
        assertThat(map.map(CellValue.text("No Arrest"), Outcome.UNKNOWN)).isEqualTo(Outcome.UNDER_INVESTIGATION);
        assertThat(map.map(CellValue.text("no arrest yet"), Outcome.UNKNOWN)).isEqualTo(Outcome.ARREST);
    }

    @Test
    void matchesRegexesCaseSensitivelyUnlessTheyAskOtherwise() {
        ValueMap<Outcome> map = new ValueMap<>(
                "outcome", List.of(new ValueMap.Entry<>("/Arrest/", Outcome.ARREST)), Optional.empty(), LabelList.NONE);
        assertThatThrownBy(() -> map.map(CellValue.text("arrest"), Outcome.UNKNOWN))
                .isInstanceOfSatisfying(
                        ValueRejected.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.UNMAPPED_LABEL));
    }

    @Test
    void decidesRepeatedTextsByRegexTheSameWayBeyondWhatItRemembers() throws ValueRejected {
        // more distinct texts than the map remembers, each seen twice: every answer must be the regexes' own
        ValueMap<Outcome> map = new ValueMap<>(
                "outcome",
                List.of(
                        new ValueMap.Entry<>("/^Closed - Arrest/", Outcome.ARREST),
                        new ValueMap.Entry<>("/^Closed/", Outcome.NO_ACTION_DATA_UNAVAILABLE)),
                Optional.empty(),
                LabelList.NONE);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 10_000; i++) {
                assertThat(map.map(CellValue.text("Closed - Arrest " + i), Outcome.UNKNOWN))
                        .isEqualTo(Outcome.ARREST);
                assertThat(map.map(CellValue.text("Closed " + i), Outcome.UNKNOWN))
                        .isEqualTo(Outcome.NO_ACTION_DATA_UNAVAILABLE);
            }
            assertThatThrownBy(() -> map.map(CellValue.text("closed - arrest 1"), Outcome.UNKNOWN))
                    .isInstanceOfSatisfying(
                            ValueRejected.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.UNMAPPED_LABEL));
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"UNK", "unknown", "?", "na", "Not Known", "not  known"})
    void mapsUnknownLabelsToTheUnknownValue(String text) throws ValueRejected {
        assertThat(status.map(CellValue.text(text), Status.UNKNOWN)).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void letsAFieldsOwnLabelWinOverAnUnknownLabel() throws ValueRejected {
        assertThat(outcome.map(CellValue.text("n/a"), Outcome.UNKNOWN)).isEqualTo(Outcome.NO_ACTION_INSUFFICIENT_INFO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u00a0"})
    void mapsABlankCellToTheUnknownValue(String text) throws ValueRejected {
        assertThat(status.map(CellValue.text(text), Status.UNKNOWN)).isEqualTo(Status.UNKNOWN);
        assertThat(status.map(CellValue.Blank.INSTANCE, Status.UNKNOWN)).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void mapsABlankCellByAnEmptyLabelWhenOneIsConfigured() throws ValueRejected {
        ValueMap<Status> map = ValueMap.of(
                "status", ordered(Status.class, "", Status.OPEN, "C", Status.CLOSED), Optional.empty(), LabelList.NONE);
        assertThat(map.map(CellValue.Blank.INSTANCE, Status.UNKNOWN)).isEqualTo(Status.OPEN);
    }

    @Test
    void mapsToNullForAFieldWithoutAnUnknownValue() throws ValueRejected {
        ValueMap<NotActionableReason> reasons = ValueMap.of(
                "not_actionable_reason",
                ordered(NotActionableReason.class, "Dup", NotActionableReason.DUPLICATE_REPORT),
                Optional.empty(),
                YesNoParser.DEFAULT_UNKNOWN);
        assertThat(reasons.map(CellValue.Blank.INSTANCE, null)).isNull();
        assertThat(reasons.map(CellValue.text("dup"), null)).isEqualTo(NotActionableReason.DUPLICATE_REPORT);
    }

    @Test
    void givesALabelNothingMatchesTheUnknownValueWhenOtherwiseIsUnknown() throws ValueRejected {
        ValueMap<NotActionableReason> reasons = ValueMap.otherwiseUnknown(
                "not_actionable_reason",
                ordered(NotActionableReason.class, "/(?i)^dup/", NotActionableReason.DUPLICATE_REPORT),
                LabelList.NONE);

        assertThat(reasons.map(CellValue.text("Arrest made"), null)).isNull();
        assertThat(reasons.map(CellValue.text("Duplicate of 2"), null)).isEqualTo(NotActionableReason.DUPLICATE_REPORT);
        assertThat(reasons.covers("Arrest made")).isFalse(); // only otherwise catches it
    }

    @Test
    void rejectsAnUnmappedLabelNamingTheFieldButNotTheLabel() {
        assertThatThrownBy(() -> status.map(CellValue.text("Pending review"), Status.UNKNOWN))
                .isInstanceOfSatisfying(
                        ValueRejected.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.UNMAPPED_LABEL))
                .hasMessage("label not in the value map of status");
    }

    @Test
    void mapsAnUnmappedLabelToOtherwiseWhenSet() throws ValueRejected {
        ValueMap<Outcome> map = ValueMap.of(
                "outcome",
                ordered(Outcome.class, "Arrest", Outcome.ARREST),
                Optional.of(Outcome.OTHER),
                YesNoParser.DEFAULT_UNKNOWN);
        assertThat(map.map(CellValue.text("Something else"), Outcome.UNKNOWN)).isEqualTo(Outcome.OTHER);
        assertThat(map.map(CellValue.text("UNK"), Outcome.UNKNOWN)).isEqualTo(Outcome.UNKNOWN);
        assertThat(map.map(CellValue.Blank.INSTANCE, Outcome.UNKNOWN)).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void mapsNumberAndTrueFalseCellsByTheirText() throws ValueRejected {
        ValueMap<Conviction> map = ValueMap.of(
                "convicted",
                ordered(Conviction.class, "1", Conviction.YES, "2", Conviction.PENDING, "TRUE", Conviction.YES),
                Optional.empty(),
                LabelList.NONE);
        assertThat(map.map(new CellValue.Number(1.0), Conviction.UNKNOWN)).isEqualTo(Conviction.YES);
        assertThat(map.map(new CellValue.Number(2), Conviction.UNKNOWN)).isEqualTo(Conviction.PENDING);
        assertThat(map.map(new CellValue.Bool(true), Conviction.UNKNOWN)).isEqualTo(Conviction.YES);
    }

    @Test
    void rejectsSpreadsheetErrorCellsAsCellErrors() {
        assertThatThrownBy(() -> status.map(new CellValue.Error("#N/A"), Status.UNKNOWN))
                .isInstanceOfSatisfying(
                        ValueRejected.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.CELL_ERROR));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Arrest Made", "arrest made", "unable to identify", "UNK", "", "   ", "n/a"})
    void coversLabelsThatHaveAMeaningOfTheirOwn(String label) {
        assertThat(outcome.covers(label)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Pending", "Closed", "Other"})
    void doesNotCoverLabelsOnlyOtherwiseWouldCatch(String label) {
        ValueMap<Outcome> withOtherwise = new ValueMap<>(
                "outcome",
                List.of(new ValueMap.Entry<>("/(?i)arrest/", Outcome.ARREST)),
                Optional.of(Outcome.OTHER),
                LabelList.NONE);
        assertThat(withOtherwise.covers(label)).isFalse();
    }

    @Test
    void refusesARegexThatDoesNotCompileNamingTheField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ValueMap<>(
                        "outcome",
                        List.of(new ValueMap.Entry<>("/(arrest/", Outcome.ARREST)),
                        Optional.empty(),
                        LabelList.NONE))
                .withMessageStartingWith("outcome: key '/(arrest/' is not a valid regex");
    }

    @Test
    void refusesALabelMappedToTwoValues() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ValueMap<>(
                        "status",
                        List.of(
                                new ValueMap.Entry<>("Open", Status.OPEN),
                                new ValueMap.Entry<>("OPEN ", Status.CLOSED)),
                        Optional.empty(),
                        LabelList.NONE))
                .withMessageContaining("OPEN and CLOSED");
    }

    @Test
    void allowsTheSameLabelTwiceWithTheSameValue() throws ValueRejected {
        ValueMap<Status> map = new ValueMap<>(
                "status",
                List.of(new ValueMap.Entry<>("Open", Status.OPEN), new ValueMap.Entry<>("open", Status.OPEN)),
                Optional.empty(),
                LabelList.NONE);
        assertThat(map.map(CellValue.text("OPEN"), Status.UNKNOWN)).isEqualTo(Status.OPEN);
    }

    @Test
    void treatsASingleSlashAsAPlainLabel() throws ValueRejected {
        ValueMap<Status> map = new ValueMap<>(
                "status", List.of(new ValueMap.Entry<>("/", Status.OPEN)), Optional.empty(), LabelList.NONE);
        assertThat(map.map(CellValue.text("/"), Status.UNKNOWN)).isEqualTo(Status.OPEN);
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void resolvesEverySchemaValueByItsName(Outcome value) {
        assertThat(ValueMap.schemaValue(Outcome.class, value.name())).isEqualTo(value);
        assertThat(ValueMap.schemaValue(Outcome.class, value.name().toLowerCase()))
                .isEqualTo(value);
    }

    @ParameterizedTest
    @EnumSource(AgeBand.class)
    void resolvesAgeBandsByLabelOrName(AgeBand band) {
        assertThat(ValueMap.schemaValue(AgeBand.class, band.label())).isEqualTo(band);
        assertThat(ValueMap.schemaValue(AgeBand.class, band.name())).isEqualTo(band);
    }

    @ParameterizedTest
    @EnumSource(VictimBand.class)
    void resolvesVictimBandsByLabelOrName(VictimBand band) {
        assertThat(ValueMap.schemaValue(VictimBand.class, band.label())).isEqualTo(band);
        assertThat(ValueMap.schemaValue(VictimBand.class, band.name())).isEqualTo(band);
    }

    @ParameterizedTest
    @CsvSource({"2-5, TWO_TO_FIVE", "6+, SIX_OR_MORE", "' 0 ', NONE", "1, ONE"})
    void resolvesVictimBandLabelsAsConfigsWriteThem(String name, VictimBand expected) {
        assertThat(ValueMap.schemaValue(VictimBand.class, name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"18-24, AGE_18_24", "65+, AGE_65_PLUS", "under_18, UNDER_18", "25-34, AGE_25_34"})
    void resolvesAgeBandLabelsAsConfigsWriteThem(String name, AgeBand expected) {
        assertThat(ValueMap.schemaValue(AgeBand.class, name)).isEqualTo(expected);
    }

    @Test
    void refusesAnUnknownSchemaValueNamingTheAllowedOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ValueMap.schemaValue(Outcome.class, "ARRESTED"))
                .withMessageContaining("'ARRESTED' is not a value of Outcome")
                .withMessageContaining("ARREST, CHARGED");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ValueMap.schemaValue(VictimBand.class, "3"))
                .withMessageContaining("[0, 1, 2-5, 6+, UNKNOWN]");
        assertThatIllegalArgumentException().isThrownBy(() -> ValueMap.schemaValue(Status.class, null));
    }

    @Test
    void listsSchemaLabelsAsTheSchemaWritesThem() {
        assertThat(ValueMap.schemaLabels(AgeBand.class))
                .containsExactly("UNDER_18", "18-24", "25-34", "35-44", "45-54", "55-64", "65+", "UNKNOWN");
        assertThat(ValueMap.schemaLabels(Status.class)).containsExactly("OPEN", "CLOSED", "UNKNOWN");
    }

    private static <E extends Enum<E>> Map<String, E> ordered(Class<E> type, Object... keysAndValues) {
        Map<String, E> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], type.cast(keysAndValues[i + 1]));
        }
        return map;
    }
}
