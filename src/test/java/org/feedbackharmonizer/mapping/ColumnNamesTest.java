package org.feedbackharmonizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
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

    @Test
    void plainAsciiTakesTheShortCutToTheSameForm() {
        // A trailing combining accent sends the text down the full Unicode path and is itself removed there, so
        // both paths must agree on every ASCII string.
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            char[] text = new char[random.nextInt(12)];
            for (int i = 0; i < text.length; i++) {
                text[i] = (char) random.nextInt(0x80);
            }
            String ascii = new String(text);
            assertThat(ColumnNames.normalize(ascii))
                    .as("%s", ascii.chars().boxed().toList())
                    .isEqualTo(ColumnNames.normalize(ascii + "\u0301"));
        }
    }
}
