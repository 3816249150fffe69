package org.feedbackharmonizer.store;

import static org.feedbackharmonizer.store.JdbcFeedbackStore.BATCH;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rewrites an agency's current feedback from its history: whole, or for some of its referrals. */
final class CurrentFeedbackRebuild {
    /** Observations held in memory at a time while rebuilding the current feedback (about 25 MB with garbage). */
    private static final int REBUILD_RUN = 50_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    CurrentFeedbackRebuild(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * Recomputes the current row of the given referrals only: the nightly case, one new monthly file for an
     * agency with years of history, then rewrites what that file touched instead of the agency's every row.
     */
    void refresh(String agency, Set<String> keys) {
        onOneConnection("cannot refresh the current feedback of an agency", (c, latest) -> {
            readHistory(c, agency, keys::contains, latest);
            try (PreparedStatement delete =
                    c.prepareStatement("DELETE FROM feedback WHERE agency_code = ? AND referral_key = ?")) {
                int pending = 0;
                for (String key : new TreeSet<>(keys)) { // in key order, as the B-tree stores them
                    delete.setString(1, agency);
                    delete.setString(2, key);
                    delete.addBatch();
                    if (++pending == BATCH) {
                        delete.executeBatch();
                        pending = 0;
                    }
                }
                delete.executeBatch();
            }
            insertLatest(c, latest, false);
        });
    }

    /**
     * Reads the agency's observations file by file in the history's key order (no sort in the database), keeps
     * the latest per referral in bounded memory and inserts them in referral order, which appends to the
     * B-tree. H2 sorting the same rows took 30 s for 500,000 (docs/scaling.md).
     *
     * <p>The rows are committed {@value JdbcFeedbackStore#BATCH} at a time: H2 writes a large transaction's pages
     * to disk before its commit and then rewrites every one of them to commit it (a 1M-row rebuild took 14.4 s in
     * one transaction, 11.6 s this way). So that a run dying half way does not leave the agency half rebuilt for a
     * refresh to trust, all its files are marked unconsolidated first: the next run then recomputes every
     * referral of the agency.
     */
    void rebuild(String agency) {
        jdbc.update("UPDATE source_file SET consolidated = FALSE WHERE agency_code = ?", agency);
        jdbc.update("DELETE FROM feedback WHERE agency_code = ?", agency);
        onOneConnection("cannot rebuild the current feedback of an agency", (c, latest) -> {
            readHistory(c, agency, key -> true, latest);
            insertLatest(c, latest, true);
        });
    }

    /** What a rebuild or refresh does on its connection, with the latest observations it collects. */
    private interface CurrentFeedbackWork {
        void run(Connection c, LatestObservations latest) throws SQLException;
    }

    /**
     * Runs {@code work} on a connection of its own, autocommit off, and commits at the end; rolls back what is
     * not committed yet if it fails. A refresh is one transaction: the referrals change together or not at all.
     */
    private void onOneConnection(String failure, CurrentFeedbackWork work) {
        try (Connection c = dataSource.getConnection();
                LatestObservations latest = new LatestObservations(REBUILD_RUN)) {
            c.setAutoCommit(false);
            try {
                work.run(c, latest);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreFailure(failure, e);
        }
    }

    /** Offers the agency's loaded observations whose referral {@code wanted} accepts, file by file in key order. */
    private void readHistory(Connection c, String agency, Predicate<String> wanted, LatestObservations latest)
            throws SQLException {
        List<Long> files = jdbc.queryForList(
                "SELECT file_number FROM source_file WHERE agency_code = ? AND status = 'LOADED' ORDER BY file_number",
                Long.class,
                agency);
        try (Streaming streaming = Streaming.on(c);
                PreparedStatement batches = c.prepareStatement(StoredRows.BATCHES_OF_FILE)) {
            batches.setFetchSize(16);
            for (long file : files) {
                StoredRows.readFile(
                        batches,
                        file,
                        agency,
                        o -> {
                            if (wanted.test(o.record().referralKey())) {
                                latest.add(o.record(), o.sequence());
                            }
                        },
                        () -> false);
            }
        }
    }

    /**
     * Inserts the latest observations, committing every {@value JdbcFeedbackStore#BATCH} rows if
     * {@code commitAsItGoes}.
     */
    private static void insertLatest(Connection c, LatestObservations latest, boolean commitAsItGoes)
            throws SQLException {
        if (PostgresCopy.supports(c)) {
            PostgresCopy copy = new PostgresCopy();
            latest.drainTo(r -> {
                try {
                    if (copy.add(r) == BATCH) {
                        copy.flush(c);
                        if (commitAsItGoes) {
                            c.commit();
                        }
                    }
                } catch (SQLException e) {
                    throw new StoreFailure("cannot write the current feedback of an agency", e);
                }
            });
            copy.flush(c);
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(FeedbackColumns.INSERT)) {
            int[] pending = {0};
            latest.drainTo(r -> {
                try {
                    FeedbackColumns.bind(insert, r);
                    insert.addBatch();
                    if (++pending[0] == BATCH) {
                        insert.executeBatch();
                        if (commitAsItGoes) {
                            c.commit();
                        }
                        pending[0] = 0;
                    }
                } catch (SQLException e) {
                    throw new StoreFailure("cannot write the current feedback of an agency", e);
                }
            });
            insert.executeBatch();
        }
    }
}
