package org.feedbackharmonizer.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.feedbackharmonizer.coverage.Coverage.AgencySubmission;
import org.feedbackharmonizer.coverage.Coverage.MonthRow;
import org.feedbackharmonizer.schema.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageCalculatorTest {

    @TempDir
    Path dir;

    private Coverage calculate() {
        CoverageFixture f = CoverageScenario.build(new CoverageFixture(dir));
        return new CoverageCalculator().calculate(f.ds, CoverageScenario.AGENCIES, CoverageScenario.AS_OF);
    }

    @Test
    void countsReferralsWithFeedbackClosedAndMedianPerJurisdictionMonth() {
        MonthRow jan = row(calculate(), "US-TX", "2025-01");
        assertThat(jan.sent()).isEqualTo(12);
        assertThat(jan.withFeedback()).isEqualTo(12);
        assertThat(jan.closed()).isEqualTo(11);
        assertThat(jan.medianDaysToClose()).isEqualTo(15.0);
        assertThat(jan.outcome(Outcome.ARREST)).isEqualTo(11);
        assertThat(jan.outcome(Outcome.UNDER_INVESTIGATION)).isEqualTo(1);
        assertThat(jan.orphans()).isEqualTo(2);
        assertThat(jan.status()).isEqualTo(ReportingStatus.REPORTED);
    }

    @Test
    void aCoveredMonthWithoutFeedbackIsReportedNoFeedbackAndAnUncoveredOneIsNotReported() {
        Coverage c = calculate();
        assertThat(row(c, "US-TX", "2025-02").status()).isEqualTo(ReportingStatus.REPORTED_NO_FEEDBACK);
        assertThat(row(c, "US-TX", "2025-04").status()).isEqualTo(ReportingStatus.NOT_REPORTED);
        assertThat(row(c, "US-OH", "2025-01").status()).isEqualTo(ReportingStatus.NOT_REPORTED);
    }

    @Test
    void orphansWithoutAReceivedMonthGoToTheUnknownMonth() {
        MonthRow unknown = row(calculate(), "US-TX", Coverage.UNKNOWN_MONTH);
        assertThat(unknown.orphans()).isEqualTo(1);
        assertThat(unknown.sent()).isZero();
        assertThat(unknown.status()).isEqualTo(ReportingStatus.UNKNOWN_MONTH);
    }

    @Test
    void anAgencyThatStoppedIsOverdueOneThatNeverSentIsNeverSentAndAnEndedAgreementIsExpired() {
        Coverage c = calculate();
        assertThat(c.submissions()).extracting(AgencySubmission::agency).containsExactly("CA-C", "OH-B", "TX-A");
        AgencySubmission ca = c.submissions().get(0);
        AgencySubmission oh = c.submissions().get(1);
        AgencySubmission tx = c.submissions().get(2);
        assertThat(tx.status()).isEqualTo(SubmissionStatus.OVERDUE);
        assertThat(tx.nextDue()).hasToString("2025-05-15");
        assertThat(tx.daysOverdue()).isEqualTo(46);
        assertThat(oh.status()).isEqualTo(SubmissionStatus.NEVER_SENT);
        assertThat(oh.nextDue()).hasToString("2025-04-30");
        assertThat(oh.daysOverdue()).isEqualTo(61);
        assertThat(oh.filesQuarantined()).isEqualTo(1);
        assertThat(ca.status()).isEqualTo(SubmissionStatus.AGREEMENT_EXPIRED);
        assertThat(ca.nextDue()).isNull();
        assertThat(ca.daysOverdue()).isZero();
    }

    @Test
    void theLastFileIsTheLoadedOneWithTheLatestAsOfThenTheGreatestFileId() {
        CoverageFixture f = new CoverageFixture(dir)
                .sourceFile(7, "TX-A", "2025-03-31", "LOADED", 1, 1, 0, 0)
                .sourceFile(8, "TX-A", "2025-03-31", "LOADED", 1, 1, 0, 0)
                .sourceFile(9, "TX-A", "2025-02-28", "LOADED", 1, 1, 0, 0)
                .sourceFile(10, "TX-A", "2025-04-30", "QUARANTINED", 0, 0, 0, 0);
        Coverage c = new CoverageCalculator()
                .calculate(f.ds, CoverageScenario.AGENCIES.subList(0, 1), CoverageScenario.AS_OF);
        AgencySubmission tx = c.submissions().get(0);
        assertThat(tx.lastFileId()).isEqualTo(CoverageFixture.fileId(8));
        assertThat(tx.lastAsOf()).hasToString("2025-03-31");
        assertThat(tx.filesReceived()).isEqualTo(3);
        assertThat(tx.filesQuarantined()).isEqualTo(1);
    }

    @Test
    void unmappedLabelsOfQuarantinedFilesAreLeftOut() {
        assertThat(calculate().unmapped())
                .containsExactly(new Coverage.UnmappedValue("TX-A", "outcome", "Disposition", "Arrested?", 5));
    }

    private static MonthRow row(Coverage c, String jurisdiction, String month) {
        return c.months().stream()
                .filter(r -> r.jurisdiction().equals(jurisdiction) && r.month().equals(month))
                .findFirst()
                .orElseThrow();
    }
}
