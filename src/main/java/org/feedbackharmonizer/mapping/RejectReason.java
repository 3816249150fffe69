package org.feedbackharmonizer.mapping;

/** Why one row (or one report number of a row) was not written. */
public enum RejectReason {
    REPORT_NUMBER_MISSING,
    REPORT_NUMBER_INVALID,
    BAD_DATE,
    DATE_IMPLAUSIBLE,
    BAD_NUMBER,
    BAD_YES_NO,
    UNMAPPED_LABEL,
    REQUIRED_MISSING,
    AGE_IMPLAUSIBLE,
    FLAG_CONFLICT,
    REASON_CONFLICT,
    DATE_ORDER,
    CELL_ERROR,
    /** A row the agency's own rule rejects ({@code skip.when} with {@code reject:}), e.g. a voided record. */
    REJECTED_BY_RULE
}
