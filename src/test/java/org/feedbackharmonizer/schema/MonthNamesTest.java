package org.feedbackharmonizer.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

public class MonthNamesTest {
    public static final MonthNames SPANISH = new MonthNames(List.of(
            List.of("ene", "enero"),
            List.of("feb", "febrero"),
            List.of("mar", "marzo"),
            List.of("abr", "abril"),
            List.of("may", "mayo"),
            List.of("jun", "junio"),
            List.of("jul", "julio"),
            List.of("ago", "agosto"),
            List.of("sep", "sept", "septiembre"),
            List.of("oct", "octubre"),
            List.of("nov", "noviembre"),
            List.of("dic", "diciembre")));

    @Test
    void readsAnAgencysMonthNamesAsTheEnglishShortOrLongOnesInAnyCase() {
        assertThat(SPANISH.inEnglish("05-ENE-2025", false)).isEqualTo("05-Jan-2025");
        assertThat(SPANISH.inEnglish("30 de junio de 2025", true)).isEqualTo("30 de June de 2025");
        assertThat(SPANISH.inEnglish("1 Sept 2025", false)).isEqualTo("1 Sep 2025"); // the longer name first
        assertThat(SPANISH.inEnglish("Septiembre", true)).isEqualTo("September");
    }

    @Test
    void leavesWordsThatOnlyContainANameAndEnglishNamesAsTheyAre() {
        assertThat(SPANISH.inEnglish("Mayagüez 05-dic-24", false)).isEqualTo("Mayagüez 05-Dec-24");
        assertThat(SPANISH.inEnglish("05-Dec-2024", false)).isEqualTo("05-Dec-2024");
        assertThat(MonthNames.NONE.inEnglish("05-ene-2025", false)).isEqualTo("05-ene-2025");
    }

    @Test
    void tellsWhetherAPatternNamesTheMonthInWordsOutsideItsQuotes() {
        assertThat(MonthNames.monthWords("dd-MMM-yyyy")).isEqualTo(1);
        assertThat(MonthNames.monthWords("d 'de' MMMM 'de' yyyy")).isEqualTo(2);
        assertThat(MonthNames.monthWords("dd/MM/yyyy")).isZero();
        assertThat(MonthNames.monthWords("yyyy 'MMM' dd/MM")).isZero();
    }

    @Test
    void refusesAListThatIsNotTwelveMonthsOrANameForTwoMonths() {
        assertThatThrownBy(() -> new MonthNames(List.of(List.of("ene"))))
                .hasMessage("needs 12 entries, January first, not 1");
        List<List<String>> twice = new java.util.ArrayList<>(SPANISH.names());
        twice.set(1, List.of("ene"));
        assertThatThrownBy(() -> new MonthNames(twice))
                .hasMessage("'ene' stands for two months (January and February)");
        List<List<String>> digits = new java.util.ArrayList<>(SPANISH.names());
        digits.set(0, List.of("01"));
        assertThatThrownBy(() -> new MonthNames(digits))
                .hasMessage("'01' is not a month name (letters, maybe a final dot)");
    }
}
