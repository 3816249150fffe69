package org.feedbackharmonizer.store;

import static org.feedbackharmonizer.store.JdbcFeedbackStore.BATCH;
import static org.feedbackharmonizer.store.JdbcFeedbackStore.truncate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.feedbackharmonizer.mapping.Reject;
import org.feedbackharmonizer.mapping.UnmappedLabels;
import org.feedbackharmonizer.schema.FeedbackRecord;

/**
 * Observations in batches of {@value JdbcFeedbackStore#BATCH} ({@link ObservationBatch}) and rejects, on one
 * connection of its own, committed together batch by batch.
 */
final class JdbcRowWriter implements FeedbackStore.RowWriter {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcRowWriter.class);
    private final String fileId;
    private final String agencyCode;
    private final long fileNumber;
    private final boolean firstRowWins;
    private final Connection connection;
    private final PreparedStatement batches;
    private final PreparedStatement rejects;
    private final ObservationBatch batch = new ObservationBatch();
    private int batchNumber;
    private int pending;
    private long sequence;

    /**
     * @param fileNumber the file's number in the registry, -1 for a file never begun
     * @param firstRowWins the file's first row for a referral is current, not its last
     */
    JdbcRowWriter(DataSource dataSource, String fileId, String agencyCode, long fileNumber, boolean firstRowWins) {
        this.fileId = fileId;
        this.agencyCode = agencyCode;
        this.fileNumber = fileNumber;
        this.firstRowWins = firstRowWins;
        if (fileNumber < 0) {
            throw new IllegalStateException("rows written for a file that was not begun");
        }
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            batches = connection.prepareStatement("INSERT INTO observation_batch (file_number, batch,"
                    + " agency_code, row_count, rows_data) VALUES (?, ?, ?, ?, ?)");
            rejects = connection.prepareStatement("INSERT INTO rejects (file_id, sheet, row_number, column_name,"
                    + " reason_code, message) VALUES (?, ?, ?, ?, ?, ?)");
        } catch (SQLException e) {
            throw new StoreFailure("cannot open a connection to the store", e);
        }
    }

    @Override
    public void write(FeedbackRecord r) {
        try {
            // Consolidation takes the higher sequence of one as-of date (LatestObservations). For a file whose
            // first row wins, the sequence is stored complemented (-1, -2, ...): the earlier row is then the
            // higher, and no referral of the file has to be remembered while it loads.
            batch.add(r, firstRowWins ? ~sequence : sequence);
            sequence++;
            pendingOne();
        } catch (SQLException e) {
            throw new StoreFailure("cannot write feedback rows", e);
        }
    }

    @Override
    public void reject(Reject r) {
        try {
            rejects.setString(1, fileId);
            rejects.setString(2, r.source().sheet());
            rejects.setLong(3, r.source().row());
            rejects.setString(4, truncate(r.column(), 200));
            rejects.setString(5, r.reason().name());
            rejects.setString(6, truncate(r.message(), 1000));
            rejects.addBatch();
            pendingOne();
        } catch (SQLException e) {
            throw new StoreFailure("cannot write rejects", e);
        }
    }

    @Override
    public void unmapped(UnmappedLabels labels) {
        // committed with the file's last rows by the flush that follows
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO unmapped_label (file_id,"
                + " agency_code, field, column_name, label, occurrences) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (var e : labels.counts().entrySet()) {
                p.setString(1, fileId);
                p.setString(2, agencyCode);
                p.setString(3, e.getKey().field());
                p.setString(4, truncate(e.getKey().column(), 200));
                p.setString(5, e.getKey().label());
                p.setLong(6, e.getValue());
                p.addBatch();
            }
            p.executeBatch();
        } catch (SQLException e) {
            throw new StoreFailure("cannot write unmapped labels", e);
        }
    }

    private void pendingOne() throws SQLException {
        if (++pending >= BATCH) {
            flush();
        }
    }

    @Override
    public void flush() {
        try {
            if (batch.size() > 0) {
                batches.setLong(1, fileNumber);
                batches.setInt(2, batchNumber++);
                batches.setString(3, agencyCode);
                batches.setInt(4, batch.size());
                batches.setBytes(5, batch.seal());
                batches.executeUpdate();
            }
            rejects.executeBatch();
            connection.commit();
            pending = 0;
        } catch (SQLException e) {
            throw new StoreFailure("cannot commit rows", e);
        }
    }

    @Override
    public void close() {
        batch.close();
        try {
            batches.close();
            rejects.close();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreFailure("cannot close the writer", e);
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing a store connection failed", e);
            }
        }
    }
}
