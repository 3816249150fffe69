package org.feedbackharmonizer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves a history kept row by row ({@code feedback_history}, keyed since V5 by file number × 2^32 + sequence)
 * into {@code observation_batch} (V6), file by file in key order, and drops the old table. Java, not SQL, because
 * the batches are blobs only {@link ObservationBatch} writes. Registered with Flyway by the job's wiring.
 */
public final class V7__HistoryIntoBatches extends BaseJavaMigration {
    /** V5's key: a file's number times this, plus the row's sequence in the file. */
    private static final long ROWS_PER_FILE = 1L << 32;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        ObservationBatch batch = new ObservationBatch();
        try (Statement read = c.createStatement();
                PreparedStatement write = c.prepareStatement("INSERT INTO observation_batch (file_number, batch,"
                        + " agency_code, row_count, rows_data) VALUES (?, ?, ?, ?, ?)")) {
            read.setFetchSize(1_000); // PostgreSQL streams only with a fetch size, in a transaction as here
            try (ResultSet rs = read.executeQuery("SELECT " + FeedbackColumns.COLUMNS
                    + ", source_seq, observation FROM feedback_history ORDER BY observation")) {
                long file = -1;
                int number = 0;
                String agency = null;
                while (rs.next()) {
                    long observationFile = rs.getLong("observation") / ROWS_PER_FILE;
                    if (observationFile != file || batch.size() == JdbcFeedbackStore.BATCH) {
                        write(write, file, number++, agency, batch);
                        if (observationFile != file) {
                            number = 0;
                        }
                        file = observationFile;
                    }
                    FeedbackRecord r = FeedbackColumns.feedback(rs);
                    agency = r.agencyCode();
                    batch.add(r, rs.getLong("source_seq"));
                }
                write(write, file, number, agency, batch);
            }
            read.execute("DROP TABLE feedback_history");
        } finally {
            batch.close();
        }
    }

    private static void write(PreparedStatement insert, long file, int number, String agency, ObservationBatch batch)
            throws SQLException {
        if (batch.size() == 0) {
            return;
        }
        insert.setLong(1, file);
        insert.setInt(2, number);
        insert.setString(3, agency);
        insert.setInt(4, batch.size());
        insert.setBytes(5, batch.seal());
        insert.executeUpdate();
    }
}
