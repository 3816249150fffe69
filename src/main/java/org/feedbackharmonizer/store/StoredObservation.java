package org.feedbackharmonizer.store;

import org.feedbackharmonizer.schema.FeedbackRecord;

/**
 * One row of the history: a feedback record as one file said it, and its sequence in that file, which breaks a
 * tie of as-of dates: the higher wins. It counts 0, 1, 2, ... down the file, so the later row wins; in a file
 * whose first row wins ({@code files.repeated_report: first}) it is stored complemented, -1, -2, -3, ...
 */
public record StoredObservation(FeedbackRecord record, long sequence) {}
