package org.feedbackharmonizer.mapping;

import java.util.List;
import org.feedbackharmonizer.schema.FeedbackRecord;

/** What became of one data row: written (one record per report number), rejected, or skipped by a rule. */
public sealed interface RowResult {

    record Written(List<FeedbackRecord> records) implements RowResult {}

    record Rejected(Reject reject) implements RowResult {}

    /** @param rule which skip rule: one of the names below, or the configured rule ({@code skip.when[i]}) */
    record Skipped(String rule) implements RowResult {
        public static final String HIDDEN_ROW = "hidden row";
        public static final String BLANK_ROW = "blank row";
        public static final String REPEATED_HEADER = "repeated header";
        public static final String SKIP_FROM = "skip.from";
    }
}
