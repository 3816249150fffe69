package org.feedbackharmonizer.mapping;

import java.util.List;
import org.feedbackharmonizer.schema.FeedbackRecord;

/**
 * What became of one data row: written (one record per report number), merged, rejected, or skipped by a rule. A
 * file whose rows are merged ({@code files.repeated_report: merge}) has its records handed on after its last row,
 * one {@link MergedRecord} per report number.
 */
public sealed interface RowResult {

    record Written(List<FeedbackRecord> records) implements RowResult {}

    /**
     * A row taken into the merge of its report numbers' rows: it counts as written; the records come with the file's
     * end.
     */
    record Merged() implements RowResult {}

    /**
     * Not a row: after a merged file's last row, the record of one report number, made from {@code rows} of its rows
     * taken together; its source row is the last of them.
     */
    record MergedRecord(FeedbackRecord record, int rows) implements RowResult {}

    record Rejected(Reject reject) implements RowResult {}

    /** @param rule which skip rule: one of the names below, or the configured rule ({@code skip.when[i]}) */
    record Skipped(String rule) implements RowResult {
        public static final String HIDDEN_ROW = "hidden row";
        public static final String BLANK_ROW = "blank row";
        public static final String REPEATED_HEADER = "repeated header";
        public static final String SKIP_FROM = "skip.from";
    }
}
