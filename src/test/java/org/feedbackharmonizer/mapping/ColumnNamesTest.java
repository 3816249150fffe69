package org.feedbackharmonizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnNamesTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource({
        "CyberTip #, cybertip",
        "Date_Received, datereceived",
        "date received, datereceived",
        "DATE RECEIVED:, datereceived",
        "'  Date  Received  ', datereceived",
        "Date-Received, datereceived",
        "Date\u00a0Received, datereceived",
        "# Victims ID'd, victimsidd",
        "Arrest?, arrest",
        "NCMEC Report No., ncmecreportno",
        "Suspect Age (yrs), suspectageyrs",
        "Fecha de Recepción, fechaderecepcion",
        "Número de Caso, numerodecaso",
        "ＣＴ Ｎｕｍｂｅｒ, ctnumber",
        "ﬁle date, filedate",
        "Date Received², datereceived2",
        "Straße, straße",
        "'', ''",
        "'###', ''"
    })
    void normalizesAHeader(String header, String expected) {
        assertThat(ColumnNames.normalize(header)).isEqualTo(expected == null ? "" : expected);
    }

    @ParameterizedTest
    @CsvSource({
        "Date Received, Date_Received",
        "Date Received, DATE RECEIVED:",
        "CyberTip #, cybertip",
        "Fecha de Recepcion, Fecha de Recepción"
    })
    void matchesAConfiguredNameToAHeaderThatDiffersOnlyInCaseSpacingPunctuationOrAccents(String a, String b) {
        assertThat(ColumnNames.same(a, b)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"Date Received, Date Closed", "Arrest, Arrested", "Victims, Victim"})
    void doesNotMatchDifferentNames(String a, String b) {
        assertThat(ColumnNames.same(a, b)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void normalizesNullToEmpty() {
        assertThat(ColumnNames.normalize(null)).isEmpty();
    }
}
