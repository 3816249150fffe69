package org.feedbackharmonizer.coverage;

import static org.feedbackharmonizer.coverage.CoverageFixture.agency;

import java.time.LocalDate;
import java.util.List;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.Cadence;

/**
 * A hand-built store with known answers: Texas reported January (all with feedback) and February (none), then
 * stopped (April not reported); Ohio never sent a file; California's agreement ended. Three orphans.
 */
public final class CoverageScenario {
    public static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    public static final List<AgencyConfig> AGENCIES = List.of(
            agency("TX-A", "US-TX", Cadence.MONTHLY, LocalDate.of(2025, 1, 1), null, 15),
            agency("OH-B", "US-OH", Cadence.QUARTERLY, LocalDate.of(2025, 1, 1), null, 30),
            agency("CA-C", "US-CA", Cadence.MONTHLY, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), 10));

    private CoverageScenario() {}

    public static CoverageFixture build(CoverageFixture f) {
        f.sourceFile(1, "TX-A", "2025-02-28", "LOADED", 10, 8, 1, 1)
                .sourceFile(2, "TX-A", "2025-03-31", "LOADED", 20, 19, 1, 0)
                .sourceFile(3, "OH-B", null, "QUARANTINED", 0, 0, 0, 0)
                .sourceFile(4, "CA-C", "2024-12-31", "LOADED", 5, 5, 0, 0);
        for (int k = 1; k <= 12; k++) {
            f.ledger(k, "TX-A", "US-TX", "2025-01-15");
        }
        for (int k = 21; k <= 32; k++) {
            f.ledger(k, "TX-A", "US-TX", "2025-02-10");
        }
        for (int k = 41; k <= 43; k++) {
            f.ledger(k, "TX-A", "US-TX", "2025-04-05");
        }
        f.ledger(51, "OH-B", "US-OH", "2025-01-20").ledger(52, "OH-B", "US-OH", "2025-01-20");
        for (int k = 1; k <= 11; k++) {
            f.feedback(k, "TX-A", "US-TX", "2025-01", "CLOSED", "ARREST", k + 9, "YES", null, 2);
        }
        f.feedback(12, "TX-A", "US-TX", "2025-01", "OPEN", "UNDER_INVESTIGATION", null, "UNKNOWN", null, 2);
        f.feedback(100, "TX-A", "US-TX", "2025-01", "OPEN", "UNKNOWN", null, "NO", null, 2);
        f.feedback(101, "TX-A", "US-TX", "2025-01", "OPEN", "UNKNOWN", null, "NO", "DUPLICATE_REPORT", 2);
        f.feedback(102, "TX-A", "US-TX", null, "CLOSED", "NO_ACTION_NO_OFFENSE", null, "UNKNOWN", null, 2);
        f.unmapped(2, "TX-A", "outcome", "Disposition", "Arrested?", 3)
                .unmapped(1, "TX-A", "outcome", "Disposition", "Arrested?", 2)
                .unmapped(3, "OH-B", "status", "Stat", "=cmd", 5);
        return f;
    }
}
