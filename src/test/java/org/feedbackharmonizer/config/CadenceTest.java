package org.feedbackharmonizer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Which period a file reports on, by its as-of date. */
class CadenceTest {

    @ParameterizedTest
    @CsvSource({
        "QUARTERLY,  2024-10-07, 2024-12-31, 2024-09-30",
        "QUARTERLY,  2024-09-30, 2024-09-30, 2024-09-30",
        "QUARTERLY,  2024-01-01, 2024-03-31, 2023-12-31",
        "MONTHLY,    2025-03-05, 2025-03-31, 2025-02-28",
        "MONTHLY,    2025-10-31, 2025-10-31, 2025-10-31",
        "WEEKLY,     2025-11-19, 2025-11-23, 2025-11-16",
        "SEMIANNUAL, 2025-07-15, 2025-12-31, 2025-06-30",
        "ANNUAL,     2025-01-10, 2025-12-31, 2024-12-31"
    })
    void aFileReportsOnItsAsOfPeriodOrOnTheLastPeriodEndedByIt(
            Cadence cadence, LocalDate asOf, LocalDate asOfPeriod, LocalDate lastEnded) {
        AgreementConfig byAsOf = new AgreementConfig("A", LocalDate.of(2020, 1, 1), null, cadence, 30, Set.of());
        AgreementConfig byLastEnded = new AgreementConfig(
                "A",
                LocalDate.of(2020, 1, 1),
                null,
                cadence,
                30,
                Set.of(),
                AgreementConfig.FileCovers.LAST_ENDED_PERIOD);

        assertThat(byAsOf.periodEndReportedOn(asOf)).isEqualTo(asOfPeriod);
        assertThat(byLastEnded.periodEndReportedOn(asOf)).isEqualTo(lastEnded);
    }

    @ParameterizedTest
    @EnumSource(Cadence.class)
    void theLastPeriodEndedByADayIsFoundByWalkingBackToThePeriodBefore(Cadence cadence) {
        for (LocalDate d = LocalDate.of(2023, 1, 1); d.isBefore(LocalDate.of(2027, 1, 1)); d = d.plusDays(1)) {
            LocalDate walked = d;
            while (!cadence.periodEnd(d).equals(d) && cadence.periodEnd(walked).equals(cadence.periodEnd(d))) {
                walked = walked.minusDays(1);
            }
            assertThat(cadence.lastEndedBy(d)).as("%s %s", cadence, d).isEqualTo(cadence.periodEnd(walked));
            assertThat(cadence.periodStart(d).minusDays(1))
                    .as("%s %s", cadence, d)
                    .isEqualTo(cadence.periodEnd(cadence.periodStart(d).minusDays(1)));
            assertThat(cadence.periodStart(d)).isBeforeOrEqualTo(d);
            assertThat(cadence.periodEnd(cadence.periodStart(d))).isEqualTo(cadence.periodEnd(d));
        }
    }
}
