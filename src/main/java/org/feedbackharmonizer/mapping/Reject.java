package org.feedbackharmonizer.mapping;

/**
 * A row that was not written, with why. The message says what was expected, never the value.
 *
 * @param column the column (as configured) whose value failed, or null when the row as a whole failed
 */
public record Reject(SourceRef source, String column, RejectReason reason, String message) {}
