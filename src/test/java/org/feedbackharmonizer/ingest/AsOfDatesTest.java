package org.feedbackharmonizer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An as-of date in a file's name or title: a date, or a month or quarter meaning its last day. */
class AsOfDatesTest {

    @ParameterizedTest(name = "''{0}'' with {1} -> {2}")
    @CsvSource(
            quoteCharacter = '"',
            value = {
                "2025-07-15, yyyy-MM-dd,   2025-07-15",
                "2025-02,    yyyy-MM,      2025-02-28",
                "2025Q1,     yyyy'Q'Q,     2025-03-31",
                "2025Q3,     yyyy'Q'Q,     2025-09-30",
                "2024q4,     yyyy'Q'Q,     2024-12-31",
                "Q2 2025,    'Q'Q yyyy,    2025-06-30"
            })
    void readsADayAMonthOrAQuarterAsItsLastDay(String text, String pattern, String date) {
        assertThat(AsOfDates.parse(text, List.of(pattern)))
                .hasValueSatisfying(d -> assertThat(d).hasToString(date));
    }

    @ParameterizedTest(name = "''{0}'' with {1}: no date")
    @CsvSource(
            quoteCharacter = '"',
            value = {"2025Q5, yyyy'Q'Q", "2025, yyyy", "2025-13, yyyy-MM"})
    void findsNoDateInAnImpossibleQuarterOrMonthOrAYearAlone(String text, String pattern) {
        assertThat(AsOfDates.parse(text, List.of(pattern))).isEmpty();
    }
}
