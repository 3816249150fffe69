package org.feedbackharmonizer.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.feedbackharmonizer.ingest.InboxFile;
import org.feedbackharmonizer.mapping.Reject;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store on plain JDBC, portable between H2 and PostgreSQL: the registry of source files, the writer of a
 * file's rows, the consolidation of the current feedback and the reads of what the store holds.
 */
public final class JdbcFeedbackStore implements FeedbackStore {
    /** Rows per commit of a file being loaded, and observations per stored batch. */
    static final int BATCH = 2_000;

    private final DataSource dataSource;
    private final SourceFileRegistry files;
    private final Consolidation consolidation;
    private final StoredRows rows;

    public JdbcFeedbackStore(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        this.dataSource = dataSource;
        this.files = new SourceFileRegistry(jdbc);
        this.consolidation = new Consolidation(
                jdbc, new ChangedReferrals(dataSource, jdbc), new CurrentFeedbackRebuild(dataSource, jdbc));
        this.rows = new StoredRows(dataSource, jdbc);
    }

    @Override
    public Optional<SourceFileRecord> sourceFile(String fileId) {
        return files.sourceFile(fileId);
    }

    @Override
    public List<SourceFileRecord> sourceFiles() {
        return files.sourceFiles();
    }

    @Override
    public void beginFile(InboxFile file, String runId) {
        files.beginFile(file, runId);
    }

    @Override
    public RowWriter rowWriter(String fileId, String agencyCode, boolean firstRowWins) {
        return new JdbcRowWriter(dataSource, fileId, agencyCode, files.fileNumber(fileId), firstRowWins);
    }

    @Override
    public void completeFile(
            String fileId, LocalDate asOf, FileCounts c, double seconds, String runId, String configVersion) {
        files.completeFile(fileId, asOf, c, seconds, runId, configVersion);
    }

    @Override
    public long filesReadWithAnotherConfig(String agencyCode, String configVersion) {
        return files.filesReadWithAnotherConfig(agencyCode, configVersion);
    }

    @Override
    public void quarantineFile(InboxFile file, LocalDate asOf, String reasonCode, String reason, String runId) {
        files.quarantineFile(file, asOf, reasonCode, reason, runId);
    }

    @Override
    public int replaceEarlierVersions(String agencyCode, String fileName, String fileId) {
        return files.replaceEarlierVersions(agencyCode, fileName, fileId);
    }

    @Override
    public void consolidate(int threads) {
        consolidation.consolidate(threads);
    }

    @Override
    public void forEachFeedback(Consumer<FeedbackRecord> consumer) {
        rows.forEachFeedback(consumer);
    }

    @Override
    public void forEachObservation(Consumer<StoredObservation> consumer) {
        rows.forEachObservation(consumer);
    }

    @Override
    public void forEachReject(Consumer<Reject> consumer) {
        rows.forEachReject(consumer);
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
