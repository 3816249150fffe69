package org.feedbackharmonizer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.feedbackharmonizer.coverage.CoverageFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-jurisdiction gauges: where their counts come from, and which codes may be labels. */
class RunMetricsLabelsTest {
    @TempDir
    Path dir;

    @Test
    void countsTheCurrentRowsItselfWhenThePublishDidNotGetToCountThem() {
        CoverageFixture f = new CoverageFixture(dir.resolve("db"))
                .feedback(1, "TX-A", "US-TX", "2025-01", "CLOSED", "ARREST", 10, "YES", null, 1)
                .feedback(2, "TX-A", "US-TX", "2025-01", "OPEN", "UNDER_INVESTIGATION", null, "YES", null, 1)
                .feedback(3, "OH-B", "US-OH", "2025-02", "OPEN", "UNDER_INVESTIGATION", null, "YES", null, 2);
        RunMetrics metrics = new RunMetrics();

        metrics.coverage(f.ds);

        assertThat(metrics.scrape())
                .contains("harmonizer_feedback_rows{jurisdiction=\"US-TX\"} 2.0")
                .contains("harmonizer_feedback_rows{jurisdiction=\"US-OH\"} 1.0");
    }

    @Test
    void takesTheCountsThePublishMadeInsteadOfCountingAgain() {
        CoverageFixture f = new CoverageFixture(dir.resolve("db"))
                .feedback(1, "TX-A", "US-TX", "2025-01", "CLOSED", "ARREST", 10, "YES", null, 1);
        RunMetrics metrics = new RunMetrics();

        metrics.feedbackRows(Map.of("US-TX", 7L));
        metrics.coverage(f.ds);

        assertThat(metrics.scrape()).contains("harmonizer_feedback_rows{jurisdiction=\"US-TX\"} 7.0");
    }

    @Test
    void leavesOutAJurisdictionThatLooksLikePersonalData() {
        CoverageFixture f = new CoverageFixture(dir.resolve("db"))
                .feedback(1, "TX-A", "steward@example.com", "2025-01", "CLOSED", "ARREST", 10, "YES", null, 1)
                .feedback(2, "OH-B", "(214) 555-0142", "2025-01", "CLOSED", "ARREST", 10, "YES", null, 1)
                .feedback(3, "GA-C", "US-48113", "2025-01", "CLOSED", "ARREST", 10, "YES", null, 1);
        RunMetrics metrics = new RunMetrics();

        metrics.coverage(f.ds);

        assertThat(metrics.scrape())
                .doesNotContain("example.com")
                .doesNotContain("555-0142")
                .contains("harmonizer_feedback_rows{jurisdiction=\"US-48113\"} 1.0");
    }
}
