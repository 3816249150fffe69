package org.feedbackharmonizer.job;

import javax.sql.DataSource;
import org.feedbackharmonizer.coverage.LedgerLoad;
import org.feedbackharmonizer.coverage.LedgerLoader;
import org.feedbackharmonizer.ingest.FileRefused;
import org.feedbackharmonizer.load.RunPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the newest referral ledger, replacing the stored one when it changed. */
final class LedgerStep {
    private static final Logger log = LoggerFactory.getLogger(LedgerStep.class);
    private final DataSource dataSource;

    LedgerStep(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void load(RunPlan plan) {
        LedgerLoad load;
        try {
            load = new LedgerLoader().load(plan.inputDir(), plan.ledger(), plan.pseudonymizer(), dataSource);
        } catch (FileRefused refused) {
            // The ledger is every coverage figure's denominator: without it the run cannot publish honestly.
            throw new IllegalStateException("the referral ledger was refused: " + refused.getMessage());
        }
        if (load.replaced()) {
            log.info(
                    "ledger {} replaced the stored ledger: {} referrals, {} rows rejected, {} duplicates",
                    load.fileId(),
                    load.rowsLoaded(),
                    load.rowsRejected(),
                    load.rowsDuplicate());
        }
    }
}
