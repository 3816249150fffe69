package org.feedbackharmonizer.store;

import static org.feedbackharmonizer.store.JdbcFeedbackStore.truncate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.feedbackharmonizer.ingest.InboxFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The files offered to the store ({@code source_file}): their status, counts and numbers, and the removal of what
 * a file contributed when it is loaded again, refused or replaced.
 */
final class SourceFileRegistry {
    private final Object fileNumbers = new Object();
    private final JdbcTemplate jdbc;

    SourceFileRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final RowMapper<SourceFileRecord> SOURCE_FILE = (rs, i) -> new SourceFileRecord(
            rs.getString("file_id"),
            rs.getString("agency_code"),
            rs.getString("file_name"),
            rs.getDate("as_of_date") == null ? null : rs.getDate("as_of_date").toLocalDate(),
            FileStatus.valueOf(rs.getString("status")),
            rs.getString("reason_code"),
            rs.getString("reason"),
            new FileCounts(
                    rs.getLong("rows_read"),
                    rs.getLong("rows_written"),
                    rs.getLong("records_written"),
                    rs.getLong("rows_rejected"),
                    rs.getLong("rows_skipped")),
            rs.getDouble("seconds"));

    Optional<SourceFileRecord> sourceFile(String fileId) {
        return jdbc.query("SELECT * FROM source_file WHERE file_id = ?", SOURCE_FILE, fileId).stream()
                .findFirst();
    }

    List<SourceFileRecord> sourceFiles() {
        return jdbc.query("SELECT * FROM source_file ORDER BY agency_code, file_name, file_id", SOURCE_FILE);
    }

    void beginFile(InboxFile file, String runId) {
        removeContributions(file.fileId());
        int updated = jdbc.update(
                "UPDATE source_file SET status = 'LOADING', consolidated = FALSE, agency_code = ?, file_name = ?,"
                        + " reason_code = NULL, reason = NULL, rows_read = 0, rows_written = 0,"
                        + " records_written = 0, rows_rejected = 0, rows_skipped = 0 WHERE file_id = ?",
                file.agencyCode(),
                file.name(),
                file.fileId());
        if (updated == 0) {
            synchronized (fileNumbers) {
                jdbc.update(
                        "INSERT INTO source_file (file_id, sha256, agency_code, file_name, status, first_seen_run,"
                                + " file_number) VALUES (?, ?, ?, ?, 'LOADING', ?, ?)",
                        file.fileId(),
                        file.sha256(),
                        file.agencyCode(),
                        file.name(),
                        runNumber(runId),
                        nextFileNumber());
            }
        }
    }

    private static Long runNumber(String runId) {
        try {
            // the timestamp part only: with the pid appended the digits can overflow a long
            return runId == null ? null : Long.parseLong(runId.split("-", 2)[0].replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * One run writes at a time (the run lock), and within it partitions number their new files under this lock;
     * the unique index on {@code file_number} would refuse a duplicate all the same.
     */
    private long nextFileNumber() {
        Long max = jdbc.queryForObject("SELECT MAX(file_number) FROM source_file", Long.class);
        return max == null ? 1 : max + 1;
    }

    /** The file's number, which keys its observation batches ({@link JdbcRowWriter}); -1 for a file never begun. */
    long fileNumber(String fileId) {
        List<Long> number =
                jdbc.queryForList("SELECT file_number FROM source_file WHERE file_id = ?", Long.class, fileId);
        return number.isEmpty() ? -1 : number.get(0);
    }

    private void removeContributions(String fileId) {
        long file = fileNumber(fileId);
        if (file >= 0) {
            jdbc.update("DELETE FROM observation_batch WHERE file_number = ?", file);
        }
        jdbc.update("DELETE FROM rejects WHERE file_id = ?", fileId);
        jdbc.update("DELETE FROM unmapped_label WHERE file_id = ?", fileId);
    }

    void completeFile(String fileId, LocalDate asOf, FileCounts c, double seconds, String runId, String configVersion) {
        jdbc.update(
                "UPDATE source_file SET status = 'LOADED', consolidated = FALSE, as_of_date = ?, rows_read = ?, rows_written = ?,"
                        + " records_written = ?, rows_rejected = ?, rows_skipped = ?, seconds = ?, loaded_at = ?,"
                        + " loaded_run = ?, config_version = ? WHERE file_id = ?",
                asOf == null ? null : Date.valueOf(asOf),
                c.rowsRead(),
                c.rowsWritten(),
                c.recordsWritten(),
                c.rowsRejected(),
                c.rowsSkipped(),
                seconds,
                Timestamp.from(Instant.now()),
                runNumber(runId),
                configVersion,
                fileId);
    }

    long filesReadWithAnotherConfig(String agencyCode, String configVersion) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM source_file WHERE agency_code = ? AND status = 'LOADED'"
                        + " AND config_version IS NOT NULL AND config_version <> ?",
                Long.class,
                agencyCode,
                configVersion);
        return n == null ? 0 : n;
    }

    void quarantineFile(InboxFile file, LocalDate asOf, String reasonCode, String reason, String runId) {
        removeContributions(file.fileId());
        int updated = jdbc.update(
                "UPDATE source_file SET status = 'QUARANTINED', consolidated = FALSE, as_of_date = ?, reason_code = ?,"
                        + " reason = ?, rows_read = 0, rows_written = 0, records_written = 0, rows_rejected = 0,"
                        + " rows_skipped = 0 WHERE file_id = ?",
                asOf == null ? null : Date.valueOf(asOf),
                reasonCode,
                truncate(reason, 2000),
                file.fileId());
        if (updated == 0) {
            synchronized (fileNumbers) {
                jdbc.update(
                        "INSERT INTO source_file (file_id, sha256, agency_code, file_name, status, reason_code,"
                                + " reason, first_seen_run, file_number) VALUES (?, ?, ?, ?, 'QUARANTINED', ?, ?, ?, ?)",
                        file.fileId(),
                        file.sha256(),
                        file.agencyCode(),
                        file.name(),
                        reasonCode,
                        truncate(reason, 2000),
                        runNumber(runId),
                        nextFileNumber());
            }
        }
    }

    int replaceEarlierVersions(String agencyCode, String fileName, String fileId) {
        List<String> earlier = jdbc.queryForList(
                "SELECT file_id FROM source_file WHERE agency_code = ? AND file_name = ? AND file_id <> ?"
                        + " AND status = 'LOADED'",
                String.class,
                agencyCode,
                fileName,
                fileId);
        for (String old : earlier) {
            removeContributions(old);
            jdbc.update(
                    "UPDATE source_file SET status = 'REPLACED', consolidated = FALSE, reason_code = 'REPLACED',"
                            + " reason = ? WHERE file_id = ?",
                    "replaced by a later version of the same file, " + fileId,
                    old);
        }
        return earlier.size();
    }
}
