package org.feedbackharmonizer.load;

import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.FileSpec;
import org.feedbackharmonizer.ingest.AgencyFileReader;
import org.feedbackharmonizer.ingest.FileRefused;
import org.feedbackharmonizer.ingest.InboxFile;
import org.feedbackharmonizer.mapping.RowResult;
import org.feedbackharmonizer.mapping.UnmappedLabels;
import org.feedbackharmonizer.store.FeedbackStore;
import org.feedbackharmonizer.store.FileCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one agency file into the store from a clean state: whatever an earlier attempt left of it is removed
 * first, so a crashed or repeated load never leaves duplicates. A file that cannot be read is quarantined with
 * its reason; nothing it contained stays in the store.
 */
public final class FileLoader {
    private static final Logger log = LoggerFactory.getLogger(FileLoader.class);

    private final FeedbackStore store;
    private final AgencyFileReader reader;
    private final UnaryOperator<String> referralKeys;
    private final InboxArchive archive;

    public FileLoader(
            FeedbackStore store, AgencyFileReader reader, UnaryOperator<String> referralKeys, InboxArchive archive) {
        this.store = store;
        this.reader = reader;
        this.referralKeys = referralKeys;
        this.archive = archive;
    }

    public FileLoadResult load(InboxFile file, AgencyConfig agency, String runId, FileProgress progress) {
        long started = System.nanoTime();
        store.beginFile(file, runId);
        long[] counts = new long[4]; // written rows, records, rejected, skipped
        UnmappedLabels unmapped = new UnmappedLabels();
        boolean firstRowWins = agency.files().repeatedReport() == FileSpec.RepeatedReport.FIRST;
        try (FeedbackStore.RowWriter writer = store.rowWriter(file.fileId(), agency.code(), firstRowWins)) {
            AgencyFileReader.Reading reading = reader.read(file, agency, referralKeys, unmapped, result -> {
                if (result instanceof RowResult.MergedRecord m) {
                    counts[1]++;
                    writer.write(m.record());
                    return; // not a row: after a merged file's last row, one record per report number
                }
                if (result instanceof RowResult.Written w) {
                    counts[0]++;
                    counts[1] += w.records().size();
                    w.records().forEach(writer::write);
                } else if (result instanceof RowResult.Merged) {
                    counts[0]++;
                } else if (result instanceof RowResult.Rejected r) {
                    counts[2]++;
                    writer.reject(r.reject());
                } else {
                    counts[3]++;
                }
                progress.row();
            });
            writer.unmapped(unmapped);
            writer.flush();
            FileCounts c = new FileCounts(reading.rowsRead(), counts[0], counts[1], counts[2], counts[3]);
            double seconds = (System.nanoTime() - started) / 1e9;
            store.completeFile(file.fileId(), reading.asOf().date(), c, seconds, runId, agency.version());
            // A corrected file sent again under the same name withdraws what the earlier version said; only
            // once the new version has loaded, so a refused resend leaves the earlier one in place.
            int replaced = store.replaceEarlierVersions(agency.code(), file.name(), file.fileId());
            if (replaced > 0) {
                log.info("{}: replaces {} earlier version(s) of the same file", file.name(), replaced);
            }
            archive.archive(file);
            for (String w : reading.warnings()) {
                log.warn("{}", w);
            }
            return new FileLoadResult(
                    agency.code(),
                    file.name(),
                    file.fileId(),
                    reading.asOf().date(),
                    c,
                    seconds,
                    null,
                    null,
                    reading.warnings());
        } catch (FileRefused refused) {
            store.quarantineFile(file, null, refused.reason().name(), refused.getMessage(), runId);
            try {
                archive.quarantine(file, refused.reason().name(), refused.getMessage());
            } catch (IOException e) {
                log.error("{}: could not copy to quarantine: {}", file.name(), e.getMessage());
            }
            return new FileLoadResult(
                    agency.code(),
                    file.name(),
                    file.fileId(),
                    null,
                    FileCounts.NONE,
                    (System.nanoTime() - started) / 1e9,
                    refused.reason().name(),
                    refused.getMessage(),
                    List.of());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(file.name() + ": " + e.getMessage(), e);
        }
    }
}
