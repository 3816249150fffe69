package org.feedbackharmonizer.steward;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.deidentify.Pseudonymizer;
import org.feedbackharmonizer.ingest.AgencyFileReader;
import org.feedbackharmonizer.ingest.FileRefused;
import org.feedbackharmonizer.ingest.Inbox;
import org.feedbackharmonizer.ingest.InboxFile;
import org.feedbackharmonizer.ingest.ReadLimits;
import org.feedbackharmonizer.ingest.RefusalReason;
import org.feedbackharmonizer.mapping.Reject;
import org.feedbackharmonizer.mapping.RowResult;
import org.feedbackharmonizer.mapping.UnmappedLabels;
import org.feedbackharmonizer.schema.FeedbackRecord;

/**
 * Runs an agency's real mapping over one file and keeps what a steward needs to judge the configuration. Writes
 * nothing. Referral keys are made under a throwaway random key, so a preview can never reveal the real ones.
 */
public final class Preview {

    /**
     * What the mapping made of the file.
     *
     * @param rows the first mapped records, in file order (merged ones in the order of their last rows)
     * @param rowsMerged for each of {@code rows}, how many rows were merged into it; empty unless the file's
     *     rows are merged ({@code files.repeated_report: merge})
     * @param rowsWritten data rows written (a row naming two report numbers is one row, two records)
     * @param skipped skipped rows by rule, in the order first seen
     */
    public record Result(
            InboxFile file,
            AgencyFileReader.Reading reading,
            List<FeedbackRecord> rows,
            List<Integer> rowsMerged,
            long rowsWritten,
            long recordsWritten,
            long rejected,
            Map<String, Long> skipped,
            List<Reject> rejects,
            Map<UnmappedLabels.Key, Long> unmapped) {

        public long skippedTotal() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }

        /** rows read = written + rejected + skipped. */
        public boolean reconciles() {
            return reading.rowsRead() == rowsWritten + rejected + skippedTotal();
        }
    }

    private final int rowsShown;

    public Preview(int rowsShown) {
        this.rowsShown = rowsShown;
    }

    public Result run(Path path, AgencyConfig agency) throws FileRefused {
        String name = String.valueOf(path.getFileName());
        if (!Files.isRegularFile(path)) {
            throw new FileRefused(RefusalReason.UNREADABLE, name, "no such file");
        }
        String sha;
        try {
            sha = Inbox.sha256(path);
        } catch (IOException e) {
            throw new FileRefused(RefusalReason.UNREADABLE, name, null);
        }
        InboxFile file = new InboxFile(agency.code(), path, name, sha, sha.substring(0, 16));
        byte[] key = new byte[Pseudonymizer.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Pseudonymizer throwaway = new Pseudonymizer(key);
        Arrays.fill(key, (byte) 0);
        UnaryOperator<String> referralKeys = throwaway::referralKey;

        List<FeedbackRecord> rows = new ArrayList<>();
        List<Integer> rowsMerged = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        Map<String, Long> skipped = new LinkedHashMap<>();
        long[] counts = new long[3]; // rows written, records written, rejected
        UnmappedLabels unmapped = new UnmappedLabels();
        AgencyFileReader.Reading reading = new AgencyFileReader(ReadLimits.DEFAULT)
                .read(file, agency, referralKeys, unmapped, result -> {
                    if (result instanceof RowResult.MergedRecord m) {
                        counts[1]++;
                        if (rows.size() < rowsShown) {
                            rows.add(m.record());
                            rowsMerged.add(m.rows());
                        }
                    } else if (result instanceof RowResult.Merged) {
                        counts[0]++;
                    } else if (result instanceof RowResult.Written w) {
                        counts[0]++;
                        counts[1] += w.records().size();
                        for (FeedbackRecord r : w.records()) {
                            if (rows.size() < rowsShown) {
                                rows.add(r);
                            }
                        }
                    } else if (result instanceof RowResult.Rejected r) {
                        counts[2]++;
                        rejects.add(r.reject());
                    } else if (result instanceof RowResult.Skipped s) {
                        skipped.merge(s.rule(), 1L, Long::sum);
                    }
                });
        return new Result(
                file, reading, rows, rowsMerged, counts[0], counts[1], counts[2], skipped, rejects, unmapped.counts());
    }
}
