package org.feedbackharmonizer.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The runs, for {@code status} and {@code history}. */
public final class RunLog {
    private final JdbcTemplate jdbc;

    public record Entry(
            String runId,
            String command,
            Instant started,
            Instant finished,
            Integer exitCode,
            String status,
            int filesLoaded,
            int filesQuarantined,
            long rowsWritten,
            long rowsRejected) {}

    public RunLog(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void started(String runId, String command) {
        jdbc.update(
                "INSERT INTO run_log (run_id, command, started_at, status) VALUES (?, ?, ?, 'RUNNING')",
                runId,
                command,
                Timestamp.from(Instant.now()));
    }

    public void finished(
            String runId,
            int exitCode,
            String status,
            int loaded,
            int quarantined,
            long written,
            long rejected,
            Long jobExecutionId) {
        jdbc.update(
                "UPDATE run_log SET finished_at = ?, exit_code = ?, status = ?, files_loaded = ?,"
                        + " files_quarantined = ?, rows_written = ?, rows_rejected = ?, job_execution_id = ?"
                        + " WHERE run_id = ?",
                Timestamp.from(Instant.now()),
                exitCode,
                status,
                loaded,
                quarantined,
                written,
                rejected,
                jobExecutionId,
                runId);
    }

    public record AgencyEntry(
            String agencyCode, int filesLoaded, int filesQuarantined, long rowsWritten, long rowsRejected) {}

    /** What the run did per agency. */
    public void agencies(String runId, List<AgencyEntry> entries) {
        for (AgencyEntry e : entries) {
            jdbc.update(
                    "INSERT INTO run_agency (run_id, agency_code, files_loaded, files_quarantined, rows_written,"
                            + " rows_rejected) VALUES (?, ?, ?, ?, ?, ?)",
                    runId,
                    e.agencyCode(),
                    e.filesLoaded(),
                    e.filesQuarantined(),
                    e.rowsWritten(),
                    e.rowsRejected());
        }
    }

    public List<AgencyEntry> agencies(String runId) {
        return jdbc.query(
                "SELECT * FROM run_agency WHERE run_id = ? ORDER BY agency_code",
                (rs, i) -> new AgencyEntry(
                        rs.getString("agency_code"),
                        rs.getInt("files_loaded"),
                        rs.getInt("files_quarantined"),
                        rs.getLong("rows_written"),
                        rs.getLong("rows_rejected")),
                runId);
    }

    /** Runs that never finished: their process died. */
    public int markInterrupted() {
        return jdbc.update("UPDATE run_log SET status = 'INTERRUPTED', exit_code = 1 WHERE status = 'RUNNING'");
    }

    public List<Entry> last(int limit) {
        return jdbc.query(
                "SELECT * FROM run_log ORDER BY started_at DESC, run_id DESC FETCH FIRST ? ROWS ONLY",
                (rs, i) -> new Entry(
                        rs.getString("run_id"),
                        rs.getString("command"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null
                                ? null
                                : rs.getTimestamp("finished_at").toInstant(),
                        (Integer) rs.getObject("exit_code"),
                        rs.getString("status"),
                        rs.getInt("files_loaded"),
                        rs.getInt("files_quarantined"),
                        rs.getLong("rows_written"),
                        rs.getLong("rows_rejected")),
                limit);
    }
}
