package org.feedbackharmonizer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Finds which referrals of an agency a consolidation has to recompute. */
final class ChangedReferrals {
    /** Above this many changed referrals (about 10 MB of keys) an agency is rebuilt whole. */
    private static final int MAX_REFRESHED_REFERRALS = 100_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    ChangedReferrals(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * The referrals whose current row may have changed since the agency's last rebuild: those in files loaded
     * since, and those whose current row came from a file that changed or is no longer loaded. Null when the
     * agency is rebuilt whole instead: it has no current rows yet, or more changed referrals than are worth
     * holding in memory.
     */
    Set<String> of(String agency) {
        List<Integer> any = jdbc.queryForList(
                "SELECT 1 FROM feedback WHERE agency_code = ? FETCH FIRST 1 ROWS ONLY", Integer.class, agency);
        if (any.isEmpty()) {
            return null;
        }
        long limit = MAX_REFRESHED_REFERRALS;
        Set<String> keys = new HashSet<>();
        List<Long> loaded = jdbc.queryForList(
                "SELECT file_number FROM source_file WHERE agency_code = ? AND consolidated = FALSE"
                        + " AND status = 'LOADED' ORDER BY file_number",
                Long.class,
                agency);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Streaming streaming = Streaming.on(c);
                    PreparedStatement batches = c.prepareStatement(StoredRows.BATCHES_OF_FILE);
                    PreparedStatement stale = c.prepareStatement("SELECT f.referral_key FROM feedback f LEFT JOIN"
                            + " source_file s ON s.file_id = f.source_file WHERE f.agency_code = ? AND"
                            + " (s.file_id IS NULL OR s.consolidated = FALSE OR s.status <> 'LOADED')")) {
                batches.setFetchSize(16);
                for (long file : loaded) {
                    StoredRows.readFile(
                            batches, file, agency, o -> keys.add(o.record().referralKey()), () -> keys.size() > limit);
                    if (keys.size() > limit) {
                        return null;
                    }
                }
                stale.setFetchSize(1_000);
                stale.setString(1, agency);
                return collect(stale, keys, limit) ? keys : null;
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreFailure("cannot find the changed referrals of an agency", e);
        }
    }

    private static boolean collect(PreparedStatement query, Set<String> keys, long limit) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
                if (keys.size() > limit) {
                    return false;
                }
            }
        }
        return true;
    }
}
