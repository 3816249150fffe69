package org.feedbackharmonizer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.feedbackharmonizer.config.FileSpec;
import org.feedbackharmonizer.schema.MonthNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void readsATitleDateWrittenInTheAgencysOwnMonthNames() {
        MonthNames spanish = new MonthNames(List.of(
                List.of("enero"),
                List.of("febrero"),
                List.of("marzo"),
                List.of("abril"),
                List.of("mayo"),
                List.of("junio"),
                List.of("julio"),
                List.of("agosto"),
                List.of("septiembre"),
                List.of("octubre"),
                List.of("noviembre"),
                List.of("diciembre")));

        assertThat(AsOfDates.parse("30 de junio de 2025", List.of("d 'de' MMMM 'de' yyyy"), spanish))
                .hasValue(LocalDate.of(2025, 6, 30));
        assertThat(AsOfDates.parse("30 de junio de 2025", List.of("d 'de' MMMM 'de' yyyy")))
                .isEmpty();
    }

    @Test
    void saysSoWhenTheConfiguredRulesFindNoDateAndTheArrivalDateStandsIn(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("UCCM_T2.xls"), "x");
        FileSpec.AsOfRule rule = new FileSpec.AsOfRule(Pattern.compile("_(\\d{8})\\."), null, List.of("yyyyMMdd"));

        AsOfDates.AsOf asOf = AsOfDates.resolve(rule, MonthNames.NONE, file, List.of(), List.of());

        assertThat(asOf.notFound()).isTrue();
        assertThat(asOf.source()).isEqualTo("arrival date: as_of.from_name found no date that [yyyyMMdd] read");
    }
}
