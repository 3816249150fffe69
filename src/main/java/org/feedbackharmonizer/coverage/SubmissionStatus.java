package org.feedbackharmonizer.coverage;

/** Where an agency stands with its files, as of the run's date. */
public enum SubmissionStatus {
    ON_TIME,
    OVERDUE,
    NEVER_SENT,
    AGREEMENT_EXPIRED
}
