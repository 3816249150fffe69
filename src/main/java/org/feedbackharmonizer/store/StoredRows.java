package org.feedbackharmonizer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.feedbackharmonizer.mapping.Reject;
import org.feedbackharmonizer.mapping.RejectReason;
import org.feedbackharmonizer.mapping.SourceRef;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads back what the store holds: the current feedback, the history's observations and the rejects. */
final class StoredRows {
    /** A file's observation batches in the order they were written (the agency as a guard). */
    static final String BATCHES_OF_FILE = "SELECT row_count, rows_data FROM observation_batch"
            + " WHERE file_number = ? AND agency_code = ? ORDER BY batch";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    StoredRows(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    void forEachFeedback(Consumer<FeedbackRecord> consumer) {
        stream(
                "SELECT " + FeedbackColumns.COLUMNS + " FROM feedback ORDER BY agency_code, referral_key",
                1_000,
                rs -> consumer.accept(FeedbackColumns.feedback(rs)),
                "cannot read the current feedback");
    }

    void forEachObservation(Consumer<StoredObservation> consumer) {
        stream(
                "SELECT row_count, rows_data FROM observation_batch ORDER BY file_number, batch",
                16,
                rs -> ObservationBatch.forEach(rs.getBytes(2), rs.getInt(1), consumer),
                "cannot read the history");
    }

    /**
     * Hands the observations of one of the agency's files to {@code sink}, batch by batch in the order they were
     * written, until {@code enough} says so (checked between batches).
     *
     * @param batches {@link #BATCHES_OF_FILE}, prepared on the caller's connection
     */
    static void readFile(
            PreparedStatement batches,
            long file,
            String agency,
            Consumer<StoredObservation> sink,
            BooleanSupplier enough)
            throws SQLException {
        batches.setLong(1, file);
        batches.setString(2, agency);
        try (ResultSet rs = batches.executeQuery()) {
            while (!enough.getAsBoolean() && rs.next()) {
                ObservationBatch.forEach(rs.getBytes(2), rs.getInt(1), sink);
            }
        }
    }

    void forEachReject(Consumer<Reject> consumer) {
        jdbc.query(
                "SELECT r.* FROM rejects r JOIN source_file s ON s.file_id = r.file_id"
                        + " ORDER BY s.agency_code, s.file_name, r.file_id, r.sheet, r.row_number",
                rs -> {
                    consumer.accept(new Reject(
                            new SourceRef(rs.getString("file_id"), rs.getString("sheet"), rs.getLong("row_number")),
                            rs.getString("column_name"),
                            RejectReason.valueOf(rs.getString("reason_code")),
                            rs.getString("message")));
                });
    }

    /** What to do with each row of a streamed query. */
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    /** Runs a large read without holding its result in memory ({@link Streaming}), in a read-only transaction. */
    private void stream(String sql, int fetchSize, RowHandler handler, String failure) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Streaming streaming = Streaming.on(c);
                    PreparedStatement query = c.prepareStatement(sql)) {
                query.setFetchSize(fetchSize);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        handler.handle(rs);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreFailure(failure, e);
        }
    }
}
