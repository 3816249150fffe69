package org.feedbackharmonizer.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.feedbackharmonizer.ingest.InboxFile;
import org.feedbackharmonizer.mapping.Reject;
import org.feedbackharmonizer.mapping.UnmappedLabels;
import org.feedbackharmonizer.schema.FeedbackRecord;

/** The de-identified store of feedback, rejects and the files they came from. H2 or PostgreSQL. */
public interface FeedbackStore {

    Optional<SourceFileRecord> sourceFile(String fileId);

    List<SourceFileRecord> sourceFiles();

    /** Marks the file LOADING and removes whatever an earlier, interrupted or replaced load left of it. */
    void beginFile(InboxFile file, String runId);

    /**
     * A writer for one file's rows; it commits in batches.
     *
     * @param firstRowWins of the file's rows for one referral, the first is current rather than the last
     */
    RowWriter rowWriter(String fileId, String agencyCode, boolean firstRowWins);

    /** @param configVersion the version of the agency configuration the file was read with (AgencyConfig) */
    void completeFile(
            String fileId, LocalDate asOf, FileCounts counts, double seconds, String runId, String configVersion);

    /** How many of the agency's loaded files were read with a known configuration version other than this one. */
    long filesReadWithAnotherConfig(String agencyCode, String configVersion);

    /** Removes what the file contributed and records why it was refused. */
    void quarantineFile(InboxFile file, LocalDate asOf, String reasonCode, String reason, String runId);

    /**
     * Withdraws earlier versions of a file: loaded files of the same agency under the same name and another
     * content lose their rows and become REPLACED.
     *
     * @return how many versions were replaced
     */
    int replaceEarlierVersions(String agencyCode, String fileName, String fileId);

    /**
     * Rebuilds the current feedback: per agency and referral, the latest observation. Agencies are rebuilt on up
     * to {@code threads} threads at once.
     */
    void consolidate(int threads);

    void forEachFeedback(Consumer<FeedbackRecord> consumer);

    /**
     * Every observation the history holds (of loaded files, and of a file still loading), file by file in the
     * order the files were first offered and each file's in its order. A replaced or quarantined file has none.
     */
    void forEachObservation(Consumer<StoredObservation> consumer);

    void forEachReject(Consumer<Reject> consumer);

    interface RowWriter extends AutoCloseable {
        void write(FeedbackRecord record);

        void reject(Reject reject);

        /** The file's unmapped labels; committed by the next {@link #flush()}. */
        void unmapped(UnmappedLabels labels);

        /** Commits what is pending. */
        void flush();

        @Override
        void close();
    }
}
