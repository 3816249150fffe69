package org.feedbackharmonizer.coverage;

/**
 * Whether a jurisdiction-month is covered by the agencies' files, so that "no feedback" is never confused with
 * "nobody reported" (the UCR pitfall: a missing report shown as zero). See docs/coverage.md.
 */
public enum ReportingStatus {
    /** A loaded file of an agency under agreement reports on the whole month, and feedback came back. */
    REPORTED,
    /** A loaded file reports on the whole month, and no referral of the month has feedback: a true zero. */
    REPORTED_NO_FEEDBACK,
    /** No file reports on the whole month, yet some feedback came back (e.g. a file as of mid-month). */
    PARTIAL,
    /** Agencies were under agreement in the month but no loaded file reports on it: coverage is unknown. */
    NOT_REPORTED,
    /** No agency of the jurisdiction was under agreement in the month: no feedback is expected. */
    NO_AGREEMENT,
    /** The row of orphan feedback without a received month. */
    UNKNOWN_MONTH
}
