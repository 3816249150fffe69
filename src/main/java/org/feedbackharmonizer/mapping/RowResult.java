package org.feedbackharmonizer.mapping;

import java.util.List;
import org.feedbackharmonizer.schema.FeedbackRecord;

/** What became of one data row: written (one record per report number), rejected, or skipped by a rule. */
public sealed interface RowResult {

    record Written(List<FeedbackRecord> records) implements RowResult {}

    record Rejected(Reject reject) implements RowResult {}

    /** @param rule which skip rule: blank, repeated header, or the configured rule */
    record Skipped(String rule) implements RowResult {}
}
