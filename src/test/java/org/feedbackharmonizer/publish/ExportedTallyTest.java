package org.feedbackharmonizer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.feedbackharmonizer.coverage.Coverage;
import org.feedbackharmonizer.coverage.Coverage.FieldCompleteness;
import org.feedbackharmonizer.coverage.Coverage.MonthRow;
import org.feedbackharmonizer.coverage.CoverageCalculator;
import org.feedbackharmonizer.coverage.CoverageFixture;
import org.feedbackharmonizer.coverage.CoverageScenario;
import org.feedbackharmonizer.coverage.FeedbackTally;
import org.feedbackharmonizer.store.JdbcFeedbackStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publish counts the current rows as it exports them; coverage from that count is coverage from a scan. */
class ExportedTallyTest {

    @TempDir
    Path dir;

    @Test
    void coverageFromTheRowsCountedAtExportIsCoverageFromScanningTheTable() {
        CoverageFixture f = CoverageScenario.build(new CoverageFixture(dir));
        FeedbackTally tally = new FeedbackTally();
        new JdbcFeedbackStore(f.ds).forEachFeedback(r -> tally.add(FeedbackCsv.values(r)));

        Coverage exported = new CoverageCalculator()
                .calculate(f.ds, CoverageScenario.AGENCIES, CoverageScenario.AS_OF, () -> tally);
        Coverage scanned = new CoverageCalculator().calculate(f.ds, CoverageScenario.AGENCIES, CoverageScenario.AS_OF);

        assertThat(exported).isEqualTo(scanned);
        MonthRow january = exported.months().stream()
                .filter(m -> m.jurisdiction().equals("US-TX") && m.month().equals("2025-01"))
                .findFirst()
                .orElseThrow();
        assertThat(january.orphans()).isEqualTo(2);
        FieldCompleteness reason = exported.completeness().stream()
                .filter(c -> c.agency().equals("TX-A") && c.field().equals("not_actionable_reason"))
                .findFirst()
                .orElseThrow();
        assertThat(reason.considered()).isEqualTo(2);
        assertThat(reason.known()).isEqualTo(1);
        assertThat(tally.rowsByJurisdiction()).containsExactly(java.util.Map.entry("US-TX", 15L));
    }
}
