package org.feedbackharmonizer.store;

import org.feedbackharmonizer.schema.FeedbackRecord;

/**
 * One row of the history: a feedback record as one file said it, and its sequence in that file, which breaks a
 * tie of as-of dates (the later row wins).
 */
public record StoredObservation(FeedbackRecord record, long sequence) {}
