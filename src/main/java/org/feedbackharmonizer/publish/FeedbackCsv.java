package org.feedbackharmonizer.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import org.feedbackharmonizer.coverage.FeedbackTally;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.schema.FieldCatalog;
import org.feedbackharmonizer.store.FeedbackStore;

/** {@code feedback.csv} and {@code rejects.csv}: the schema's fields in the schema's order, sorted for stability. */
public final class FeedbackCsv {
    private FeedbackCsv() {}

    /**
     * Also counts every row into {@code tally}, for coverage and the run's metrics, and hands the text written to
     * {@code copy} (closed at the end; null: none).
     */
    static long writeFeedback(FeedbackStore store, Path file, FeedbackTally tally, Writer copy) throws IOException {
        long[] n = {0};
        try (CsvOutput out = new CsvOutput(file, PublishedTables.FEEDBACK.header(), copy)) {
            store.forEachFeedback(r -> {
                try {
                    Object[] values = values(r);
                    out.row(values);
                    tally.add(values);
                    n[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return n[0];
    }

    /** A feedback row as every output writes it, in {@link org.feedbackharmonizer.schema.SchemaField#ALL} order. */
    public static Object[] values(FeedbackRecord r) {
        return new Object[] {
            r.referralKey(),
            r.agencyCode(),
            r.jurisdictionCode(),
            r.agreementId(),
            r.asOfDate().toString(),
            r.receivedMonth() == null ? null : r.receivedMonth().toString(),
            r.status().name(),
            r.outcome().name(),
            r.actionable().name(),
            r.notActionableReason() == null ? null : r.notActionableReason().name(),
            r.searchWarrant().name(),
            r.arrest().name(),
            r.charged().name(),
            r.convicted().name(),
            FieldCatalog.label(r.victimsIdentified()),
            FieldCatalog.label(r.subjectAgeBand()),
            r.daysToClose(),
            r.sourceFile(),
            // The schema types source_row as an integer; the sheet stays in the store (feedback.source_sheet).
            r.sourceRow(),
            FeedbackRecord.SCHEMA_VERSION
        };
    }

    public static long writeRejects(FeedbackStore store, Path file) throws IOException {
        long[] n = {0};
        try (CsvOutput out = new CsvOutput(file, PublishedTables.REJECTS.header())) {
            store.forEachReject(r -> {
                try {
                    out.row(
                            r.source().fileId(),
                            r.source().sheet(),
                            r.source().row(),
                            r.column(),
                            r.reason().name(),
                            r.message());
                    n[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return n[0];
    }
}
