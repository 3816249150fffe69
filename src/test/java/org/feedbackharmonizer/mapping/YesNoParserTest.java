package org.feedbackharmonizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.stream.Stream;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.schema.LabelList;
import org.feedbackharmonizer.schema.YesNo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class YesNoParserTest {

    private final YesNoParser defaults = YesNoParser.withDefaults();

    @Test
    void hasTheDocumentedDefaults() {
        assertThat(YesNoParser.DEFAULT_YES).containsExactly("Y", "YES", "TRUE", "X", "1", "T");
        assertThat(YesNoParser.DEFAULT_NO).containsExactly("N", "NO", "FALSE", "0", "F");
        assertThat(YesNoParser.DEFAULT_UNKNOWN.exact())
                .containsExactly("UNK", "UNKNOWN", "N/A", "NA", "?", "NOT KNOWN");
    }

    static Stream<String> yesSpellings() {
        return spellings(YesNoParser.DEFAULT_YES);
    }

    static Stream<String> noSpellings() {
        return spellings(YesNoParser.DEFAULT_NO);
    }

    static Stream<String> unknownSpellings() {
        return spellings(YesNoParser.DEFAULT_UNKNOWN.exact());
    }

    /** Each label as configured, lower-cased, capitalized and padded. */
    private static Stream<String> spellings(Set<String> labels) {
        return labels.stream()
                .flatMap(l -> Stream.of(
                        l, l.toLowerCase(), l.charAt(0) + l.substring(1).toLowerCase(), "  " + l + " ", "\u00a0" + l));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("yesSpellings")
    void readsEveryDefaultYesSpelling(String text) throws ValueRejected {
        assertThat(defaults.parse(CellValue.text(text))).isEqualTo(YesNo.YES);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("noSpellings")
    void readsEveryDefaultNoSpelling(String text) throws ValueRejected {
        assertThat(defaults.parse(CellValue.text(text))).isEqualTo(YesNo.NO);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("unknownSpellings")
    void readsEveryDefaultUnknownSpelling(String text) throws ValueRejected {
        assertThat(defaults.parse(CellValue.text(text))).isEqualTo(YesNo.UNKNOWN);
    }

    @Test
    void readsInnerSpacesOfALabelLoosely() throws ValueRejected {
        assertThat(defaults.parse(CellValue.text("not   known"))).isEqualTo(YesNo.UNKNOWN);
    }

    @Test
    void readsTrueFalseCellsWhateverTheLabels() throws ValueRejected {
        YesNoParser noLabels = new YesNoParser(Set.of("JA"), Set.of("NEIN"), LabelList.NONE, YesNo.UNKNOWN);
        assertThat(noLabels.parse(new CellValue.Bool(true))).isEqualTo(YesNo.YES);
        assertThat(noLabels.parse(new CellValue.Bool(false))).isEqualTo(YesNo.NO);
    }

    @Test
    void readsNumberCellsByTheirText() throws ValueRejected {
        assertThat(defaults.parse(new CellValue.Number(1))).isEqualTo(YesNo.YES);
        assertThat(defaults.parse(new CellValue.Number(1.0))).isEqualTo(YesNo.YES);
        assertThat(defaults.parse(new CellValue.Number(0))).isEqualTo(YesNo.NO);
    }

    @Test
    void rejectsOneAndZeroWhenTheyAreNotLabels() {
        YesNoParser words = new YesNoParser(Set.of("Yes"), Set.of("No"), LabelList.NONE, YesNo.UNKNOWN);
        assertRejected(words, new CellValue.Number(1), RejectReason.BAD_YES_NO);
        assertRejected(words, CellValue.text("0"), RejectReason.BAD_YES_NO);
    }

    @ParameterizedTest
    @EnumSource(value = YesNo.class)
    void readsABlankCellAsTheConfiguredBlankValue(YesNo blank) throws ValueRejected {
        YesNoParser parser = defaults.withBlank(blank);
        assertThat(parser.parse(CellValue.Blank.INSTANCE)).isEqualTo(blank);
        assertThat(parser.parse(CellValue.text("   "))).isEqualTo(blank);
        assertThat(parser.parse(CellValue.text("\u00a0"))).isEqualTo(blank);
    }

    @Test
    void readsABlankCellAsNoWhenTheEmptyLabelIsANoLabel() throws ValueRejected {
        YesNoParser xOrNothing = new YesNoParser(Set.of("X"), Set.of(""), LabelList.NONE, YesNo.UNKNOWN);
        assertThat(xOrNothing.parse(CellValue.text("x"))).isEqualTo(YesNo.YES);
        assertThat(xOrNothing.parse(CellValue.Blank.INSTANCE)).isEqualTo(YesNo.NO);
        assertThat(xOrNothing.parse(CellValue.text(" "))).isEqualTo(YesNo.NO);
        assertRejected(xOrNothing, CellValue.text("N"), RejectReason.BAD_YES_NO);
    }

    @Test
    void readsABlankCellAsYesWhenTheEmptyLabelIsAYesLabel() throws ValueRejected {
        YesNoParser odd = new YesNoParser(Set.of(""), Set.of("N"), LabelList.NONE, YesNo.UNKNOWN);
        assertThat(odd.parse(CellValue.Blank.INSTANCE)).isEqualTo(YesNo.YES);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"maybe", "YESS", "Y.", "2", "-1", "si", "YN", "yes no", "#N/A"})
    void rejectsLabelsInNoSet(String text) {
        assertRejected(defaults, CellValue.text(text), RejectReason.BAD_YES_NO);
    }

    @Test
    void rejectsNumbersThatAreNotLabels() {
        assertRejected(defaults, new CellValue.Number(2), RejectReason.BAD_YES_NO);
        assertRejected(defaults, new CellValue.Number(0.5), RejectReason.BAD_YES_NO);
    }

    @Test
    void rejectsDateCells() {
        assertRejected(defaults, new CellValue.Date(LocalDateTime.of(2024, 3, 5, 0, 0)), RejectReason.BAD_YES_NO);
    }

    @Test
    void rejectsSpreadsheetErrorCellsAsCellErrors() {
        assertRejected(defaults, new CellValue.Error("#N/A"), RejectReason.CELL_ERROR);
    }

    @Test
    void comparesConfiguredLabelsIgnoringCaseAndSpaces() throws ValueRejected {
        YesNoParser parser =
                new YesNoParser(Set.of(" Affirmative "), Set.of("negative"), LabelList.NONE, YesNo.UNKNOWN);
        assertThat(parser.parse(CellValue.text("AFFIRMATIVE"))).isEqualTo(YesNo.YES);
        assertThat(parser.parse(CellValue.text("Negative"))).isEqualTo(YesNo.NO);
    }

    @Test
    void refusesALabelInTwoSets() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new YesNoParser(Set.of("Y"), Set.of("y"), LabelList.NONE, YesNo.UNKNOWN))
                .withMessageContaining("'Y'");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new YesNoParser(Set.of("Y"), Set.of("N"), LabelList.of(java.util.List.of("n")), YesNo.UNKNOWN));
    }

    @Test
    void namesTheExpectedLabelsWhenItRejects() {
        assertThatThrownBy(() -> defaults.parse(CellValue.text("maybe")))
                .hasMessageContaining("[Y, YES, TRUE, X, 1, T]")
                .hasMessageNotContaining("maybe")
                .hasMessageNotContaining("MAYBE");
    }

    private static void assertRejected(YesNoParser parser, CellValue cell, RejectReason reason) {
        assertThatThrownBy(() -> parser.parse(cell))
                .isInstanceOfSatisfying(
                        ValueRejected.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
