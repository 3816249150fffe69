package org.feedbackharmonizer.store;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One run at a time: a row in {@code run_lock}, so that it holds across processes and hosts, on H2 and
 * PostgreSQL alike. A lock whose holder process is gone (on this host) is stale.
 */
public final class RunLock {
    private static final String NAME = "harmonizer";
    private final JdbcTemplate jdbc;

    public record Holder(String runId, String holder, Instant since) {
        public String describe() {
            return "run " + runId + " (" + holder + ", since " + since + ")";
        }

        /** True when the holder ran on this host and its process no longer exists. */
        public boolean isStale() {
            String[] parts = holder.split("@", 2);
            if (parts.length != 2 || !parts[1].equals(hostName())) {
                return false;
            }
            try {
                return ProcessHandle.of(Long.parseLong(parts[0]))
                        .map(p -> !p.isAlive())
                        .orElse(true);
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    public RunLock(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public static String me() {
        return ProcessHandle.current().pid() + "@" + hostName();
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    /** Takes the lock, or returns who holds it. */
    public Optional<Holder> acquire(String runId) {
        try {
            jdbc.update(
                    "INSERT INTO run_lock (lock_name, run_id, holder, acquired_at) VALUES (?, ?, ?, ?)",
                    NAME,
                    runId,
                    me(),
                    Timestamp.from(Instant.now()));
            return Optional.empty();
        } catch (DataIntegrityViolationException e) {
            return Optional.of(holder().orElse(new Holder("?", "?", Instant.now())));
        }
    }

    public Optional<Holder> holder() {
        return jdbc
                .query(
                        "SELECT run_id, holder, acquired_at FROM run_lock WHERE lock_name = ?",
                        (rs, i) -> new Holder(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant()),
                        NAME)
                .stream()
                .findFirst();
    }

    public void release(String runId) {
        jdbc.update("DELETE FROM run_lock WHERE lock_name = ? AND run_id = ?", NAME, runId);
    }

    /** Clears a lock whose holder is gone. */
    public void clear(Holder stale) {
        release(stale.runId());
    }
}
