package org.feedbackharmonizer.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.feedbackharmonizer.ingest.InboxFile;
import org.feedbackharmonizer.mapping.Reject;
import org.feedbackharmonizer.mapping.RejectReason;
import org.feedbackharmonizer.mapping.SourceRef;
import org.feedbackharmonizer.mapping.UnmappedLabels;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.schema.NotActionableReason;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.Status;
import org.feedbackharmonizer.schema.VictimBand;
import org.feedbackharmonizer.schema.YesNo;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The store on plain JDBC, portable between H2 and PostgreSQL. */
public final class JdbcFeedbackStore implements FeedbackStore {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcFeedbackStore.class);
    static final String COLUMNS = "referral_key, agency_code, jurisdiction_code, agreement_id, as_of_date,"
            + " received_month, status, outcome, actionable, not_actionable_reason, search_warrant, arrest,"
            + " charged, convicted, victims_identified, subject_age_band, days_to_close, source_file,"
            + " source_sheet, source_row";
    private static final int COLUMN_COUNT = COLUMNS.split(",").length;
    /** Rows per commit of a file being loaded, and observations per stored batch. */
    static final int BATCH = 2_000;

    private final Object fileNumbers = new Object();
    /** Observations held in memory at a time while rebuilding the current feedback (about 25 MB with garbage). */
    private static final int REBUILD_RUN = 50_000;
    /** Above this many changed referrals (about 10 MB of keys) an agency is rebuilt whole. */
    private static final int MAX_REFRESHED_REFERRALS = 100_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public JdbcFeedbackStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
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

    @Override
    public Optional<SourceFileRecord> sourceFile(String fileId) {
        return jdbc.query("SELECT * FROM source_file WHERE file_id = ?", SOURCE_FILE, fileId).stream()
                .findFirst();
    }

    @Override
    public List<SourceFileRecord> sourceFiles() {
        return jdbc.query("SELECT * FROM source_file ORDER BY agency_code, file_name, file_id", SOURCE_FILE);
    }

    @Override
    public void beginFile(InboxFile file, String runId) {
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

    /** The file's number, which keys its rows ({@link #bindRowsOf}); -1 for a file never begun. */
    private long fileNumber(String fileId) {
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

    @Override
    public void completeFile(String fileId, LocalDate asOf, FileCounts c, double seconds, String runId) {
        jdbc.update(
                "UPDATE source_file SET status = 'LOADED', consolidated = FALSE, as_of_date = ?, rows_read = ?, rows_written = ?,"
                        + " records_written = ?, rows_rejected = ?, rows_skipped = ?, seconds = ?, loaded_at = ?,"
                        + " loaded_run = ? WHERE file_id = ?",
                asOf == null ? null : Date.valueOf(asOf),
                c.rowsRead(),
                c.rowsWritten(),
                c.recordsWritten(),
                c.rowsRejected(),
                c.rowsSkipped(),
                seconds,
                Timestamp.from(Instant.now()),
                runNumber(runId),
                fileId);
    }

    @Override
    public void quarantineFile(InboxFile file, LocalDate asOf, String reasonCode, String reason, String runId) {
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

    @Override
    public int replaceEarlierVersions(String agencyCode, String fileName, String fileId) {
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

    @Override
    public void consolidate(int threads) {
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
        Set<String> changed = changedReferrals(agency);
        if (changed != null) {
            refresh(agency, changed);
        } else {
            rebuild(agency);
        }
        jdbc.update("UPDATE source_file SET consolidated = TRUE WHERE agency_code = ?", agency);
    }

    /**
     * The referrals whose current row may have changed since the agency's last rebuild: those in files loaded
     * since, and those whose current row came from a file that changed or is no longer loaded. Null when the
     * agency is rebuilt whole instead: it has no current rows yet, or more changed referrals than are worth
     * holding in memory.
     */
    private Set<String> changedReferrals(String agency) {
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
                    PreparedStatement batches = c.prepareStatement(BATCHES_OF_FILE);
                    PreparedStatement stale = c.prepareStatement("SELECT f.referral_key FROM feedback f LEFT JOIN"
                            + " source_file s ON s.file_id = f.source_file WHERE f.agency_code = ? AND"
                            + " (s.file_id IS NULL OR s.consolidated = FALSE OR s.status <> 'LOADED')")) {
                batches.setFetchSize(16);
                for (long file : loaded) {
                    readFile(batches, file, agency, o -> keys.add(o.record().referralKey()), () -> keys.size() > limit);
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

    /** A file's observation batches in the order they were written (the agency as a guard). */
    private static final String BATCHES_OF_FILE = "SELECT row_count, rows_data FROM observation_batch"
            + " WHERE file_number = ? AND agency_code = ? ORDER BY batch";

    /**
     * Hands the observations of one of the agency's files to {@code sink}, batch by batch in the order they were
     * written, until {@code enough} says so (checked between batches).
     */
    private static void readFile(
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

    /**
     * Recomputes the current row of the given referrals only: the nightly case, one new monthly file for an
     * agency with years of history, then rewrites what that file touched instead of the agency's every row.
     */
    private void refresh(String agency, Set<String> keys) {
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

    /**
     * Reads the agency's observations file by file in the history's key order (no sort in the database), keeps
     * the latest per referral in bounded memory and inserts them in referral order, which appends to the
     * B-tree. H2 sorting the same rows took 30 s for 500,000 (docs/scaling.md).
     *
     * <p>The rows are committed {@value #BATCH} at a time: H2 writes a large transaction's pages to disk before
     * its commit and then rewrites every one of them to commit it (a 1M-row rebuild took 14.4 s in one
     * transaction, 11.6 s this way). So that a run dying half way does not leave the agency half rebuilt for a
     * refresh to trust, all its files are marked unconsolidated first: the next run then recomputes every
     * referral of the agency.
     */
    private void rebuild(String agency) {
        jdbc.update("UPDATE source_file SET consolidated = FALSE WHERE agency_code = ?", agency);
        jdbc.update("DELETE FROM feedback WHERE agency_code = ?", agency);
        onOneConnection("cannot rebuild the current feedback of an agency", (c, latest) -> {
            readHistory(c, agency, key -> true, latest);
            insertLatest(c, latest, true);
        });
    }

    /** Offers the agency's loaded observations whose referral {@code wanted} accepts, file by file in key order. */
    private void readHistory(Connection c, String agency, Predicate<String> wanted, LatestObservations latest)
            throws SQLException {
        List<Long> files = jdbc.queryForList(
                "SELECT file_number FROM source_file WHERE agency_code = ? AND status = 'LOADED' ORDER BY file_number",
                Long.class,
                agency);
        try (Streaming streaming = Streaming.on(c);
                PreparedStatement batches = c.prepareStatement(BATCHES_OF_FILE)) {
            batches.setFetchSize(16);
            for (long file : files) {
                readFile(
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

    /** Inserts the latest observations, committing every {@value #BATCH} rows if {@code commitAsItGoes}. */
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
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO feedback (" + COLUMNS + ") VALUES (" + "?, ".repeat(COLUMN_COUNT - 1) + "?)")) {
            int[] pending = {0};
            latest.drainTo(r -> {
                try {
                    bind(insert, r);
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

    /** Binds the 20 columns of {@link #COLUMNS} in their order. */
    private static void bind(PreparedStatement p, FeedbackRecord r) throws SQLException {
        p.setString(1, r.referralKey());
        p.setString(2, r.agencyCode());
        p.setString(3, r.jurisdictionCode());
        p.setString(4, r.agreementId());
        p.setDate(5, Date.valueOf(r.asOfDate()));
        p.setString(6, r.receivedMonth() == null ? null : r.receivedMonth().toString());
        p.setString(7, r.status().name());
        p.setString(8, r.outcome().name());
        p.setString(9, r.actionable().name());
        p.setString(
                10,
                r.notActionableReason() == null ? null : r.notActionableReason().name());
        p.setString(11, r.searchWarrant().name());
        p.setString(12, r.arrest().name());
        p.setString(13, r.charged().name());
        p.setString(14, r.convicted().name());
        p.setString(15, r.victimsIdentified().label());
        p.setString(16, r.subjectAgeBand().label());
        if (r.daysToClose() == null) {
            p.setNull(17, Types.INTEGER);
        } else {
            p.setInt(17, r.daysToClose());
        }
        p.setString(18, r.sourceFile());
        p.setString(19, r.sourceSheet());
        p.setLong(20, r.sourceRow());
    }

    @Override
    public void forEachFeedback(Consumer<FeedbackRecord> consumer) {
        stream(
                "SELECT " + COLUMNS + " FROM feedback ORDER BY agency_code, referral_key",
                1_000,
                rs -> consumer.accept(feedback(rs)),
                "cannot read the current feedback");
    }

    @Override
    public void forEachObservation(Consumer<StoredObservation> consumer) {
        stream(
                "SELECT row_count, rows_data FROM observation_batch ORDER BY file_number, batch",
                16,
                rs -> ObservationBatch.forEach(rs.getBytes(2), rs.getInt(1), consumer),
                "cannot read the history");
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

    static FeedbackRecord feedback(ResultSet rs) throws SQLException {
        String month = rs.getString("received_month");
        String reason = rs.getString("not_actionable_reason");
        int days = rs.getInt("days_to_close");
        Integer daysToClose = rs.wasNull() ? null : days;
        return new FeedbackRecord(
                rs.getString("referral_key"),
                rs.getString("agency_code"),
                rs.getString("jurisdiction_code"),
                rs.getString("agreement_id"),
                rs.getDate("as_of_date").toLocalDate(),
                month == null ? null : YearMonth.parse(month),
                Status.valueOf(rs.getString("status")),
                Outcome.valueOf(rs.getString("outcome")),
                YesNo.valueOf(rs.getString("actionable")),
                reason == null ? null : NotActionableReason.valueOf(reason),
                YesNo.valueOf(rs.getString("search_warrant")),
                YesNo.valueOf(rs.getString("arrest")),
                YesNo.valueOf(rs.getString("charged")),
                Conviction.valueOf(rs.getString("convicted")),
                VictimBand.ofLabel(rs.getString("victims_identified")),
                AgeBand.ofLabel(rs.getString("subject_age_band")),
                daysToClose,
                rs.getString("source_file"),
                rs.getString("source_sheet"),
                rs.getLong("source_row"));
    }

    @Override
    public void forEachReject(Consumer<Reject> consumer) {
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

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public RowWriter rowWriter(String fileId, String agencyCode) {
        return new JdbcRowWriter(fileId, agencyCode);
    }

    /**
     * Observations in batches of {@value #BATCH} ({@link ObservationBatch}) and rejects, on one connection of its
     * own, committed together batch by batch.
     */
    private final class JdbcRowWriter implements RowWriter {
        private final String fileId;
        private final String agencyCode;
        private final long fileNumber;
        private final Connection connection;
        private final PreparedStatement batches;
        private final PreparedStatement rejects;
        private final ObservationBatch batch = new ObservationBatch();
        private int batchNumber;
        private int pending;
        private long sequence;

        JdbcRowWriter(String fileId, String agencyCode) {
            this.fileId = fileId;
            this.agencyCode = agencyCode;
            this.fileNumber = fileNumber(fileId);
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
                batch.add(r, sequence++);
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
}
