package org.feedbackharmonizer.schema;

import java.util.List;

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

    /**
     * The milestones a merge of one referral's rows climbs by default ({@code files.merge.milestones}): the ordered
     * outcomes from {@code UNDER_INVESTIGATION} on, each further than the one before. The ordered outcomes below
     * them (no action, unable to identify, referred elsewhere) and the four outside the order but {@code UNKNOWN}
     * say where and why a referral stopped rather than how far it got: a merge takes them as endings.
     */
    public static final List<Outcome> MILESTONES =
            List.of(UNDER_INVESTIGATION, SUBJECT_IDENTIFIED, SEARCH_WARRANT_SERVED, ARREST, CHARGED, CONVICTED);

    /** True for the outcomes that take part in the schema's ordering. */
    public boolean isOrdered() {
        return ordinal() <= CONVICTED.ordinal();
    }
}
