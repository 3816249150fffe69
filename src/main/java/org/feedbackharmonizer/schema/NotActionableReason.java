package org.feedbackharmonizer.schema;

public enum NotActionableReason {
    INSUFFICIENT_INFORMATION,
    DATA_UNAVAILABLE,
    OUTSIDE_JURISDICTION,
    DUPLICATE_REPORT,
    NO_OFFENSE,
    SUBJECT_NOT_IDENTIFIED,
    OTHER
}
