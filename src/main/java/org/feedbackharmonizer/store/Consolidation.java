package org.feedbackharmonizer.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/** Brings the current feedback up to date with the history, agency by agency, several at once. */
final class Consolidation {
    private final JdbcTemplate jdbc;
    private final ChangedReferrals changedReferrals;
    private final CurrentFeedbackRebuild currentFeedback;

    Consolidation(JdbcTemplate jdbc, ChangedReferrals changedReferrals, CurrentFeedbackRebuild currentFeedback) {
        this.jdbc = jdbc;
        this.changedReferrals = changedReferrals;
        this.currentFeedback = currentFeedback;
    }

    void consolidate(int threads) {
        // Only agencies whose files changed since their last rebuild, and within them only the changed referrals
        // where that is cheaper; a crash in between leaves the agency marked for the next run. Agencies are
        // independent (the current table's key starts with the agency), so they are rebuilt side by side, the
        // largest first so that one big agency does not start last.
        List<String> agencies = jdbc.queryForList(
                "SELECT a.agency_code FROM (SELECT agency_code FROM source_file WHERE consolidated = FALSE UNION"
                        + " SELECT agency_code FROM feedback f WHERE NOT EXISTS (SELECT 1 FROM source_file s WHERE"
                        + " s.agency_code = f.agency_code AND s.status = 'LOADED')) a ORDER BY (SELECT"
                        + " COALESCE(SUM(s.rows_written), 0) FROM source_file s WHERE s.agency_code = a.agency_code"
                        + " AND s.status = 'LOADED') DESC, a.agency_code",
                String.class);
        int parallel = Math.min(Math.min(threads, agencies.size()), consolidationsTheHeapHolds());
        if (parallel <= 1) {
            agencies.forEach(this::consolidate);
            return;
        }
        AtomicInteger workers = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "consolidate-" + workers.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String agency : agencies) {
                done.add(pool.submit(() -> consolidate(agency)));
            }
            RuntimeException first = null;
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    RuntimeException failure = e.getCause() instanceof RuntimeException r
                            ? r
                            : new StoreFailure("cannot consolidate an agency", e.getCause());
                    if (first == null) {
                        first = failure;
                    } else {
                        first.addSuppressed(failure);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while consolidating", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A rebuild holds one sort run in memory, about 25 MB with its garbage; leave room for everything else. */
    private static int consolidationsTheHeapHolds() {
        return (int) Math.max(1, Runtime.getRuntime().maxMemory() / (64L << 20));
    }

    private void consolidate(String agency) {
        Set<String> changed = changedReferrals.of(agency);
        if (changed != null) {
            currentFeedback.refresh(agency, changed);
        } else {
            currentFeedback.rebuild(agency);
        }
        jdbc.update("UPDATE source_file SET consolidated = TRUE WHERE agency_code = ?", agency);
    }
}
