package org.feedbackharmonizer.schema;

/**
 * The furthest point a referral reached. The first eleven are ordered: a later value implies the case got at
 * least that far. The last four stand outside that order.
 */
public enum Outcome {
    NO_ACTION_INSUFFICIENT_INFO,
    NO_ACTION_DATA_UNAVAILABLE,
    NO_ACTION_NO_OFFENSE,
    UNABLE_TO_IDENTIFY_SUBJECT,
    REFERRED_ELSEWHERE,
    UNDER_INVESTIGATION,
    SUBJECT_IDENTIFIED,
    SEARCH_WARRANT_SERVED,
    ARREST,
    CHARGED,
    CONVICTED,
    PROSECUTION_DECLINED,
    DISMISSED_OR_ACQUITTED,
    OTHER,
    UNKNOWN;

    /** True for the outcomes that take part in the schema's ordering. */
    public boolean isOrdered() {
        return ordinal() <= CONVICTED.ordinal();
    }
}
