package org.feedbackharmonizer.deidentify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaGuardTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=1+1",
                "=HYPERLINK(\"http://x\",\"y\")",
                "+1",
                "-2+3+cmd|' /C calc'!A0",
                "-5",
                "@SUM(A1:A2)",
                "\t=1",
                "\r=1",
                "=",
                "-"
            })
    void prefixesAQuoteToAValueThatStartsAFormula(String value) {
        assertThat(FormulaGuard.neutralize(value)).isEqualTo("'" + value);
        assertThat(FormulaGuard.needsNeutralizing(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a2fb4a2e5d7a21b17d1213d493a97fff",
                "US-TX-ICAC-DALLAS",
                "2025-03-31",
                "2025-03",
                "18-24",
                "6+",
                "65+",
                "UNDER_18",
                "87.5",
                "0",
                " =1",
                "'=1",
                "a=b"
            })
    void leavesOtherValuesAlone(String value) {
        assertThat(FormulaGuard.neutralize(value)).isSameAs(value);
        assertThat(FormulaGuard.needsNeutralizing(value)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void leavesNullAndEmptyAlone(String value) {
        assertThat(FormulaGuard.neutralize(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"'=1', '''=1'", "'-1', '''-1'", "'@a', '''@a'"})
    void addsExactlyOneQuote(String value, String expected) {
        assertThat(FormulaGuard.neutralize(value)).isEqualTo(expected);
    }
}
