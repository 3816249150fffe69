package org.feedbackharmonizer.schema;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One row of the common schema (FEEDBACK_SCHEMA.md, version 1): de-identified by construction, it has no field
 * that could hold a name, a date of birth, an exact age, a free text or a raw report number.
 *
 * @param receivedMonth null when the agency gave no received date
 * @param notActionableReason null unless actionable is NO
 * @param daysToClose null while open or unknown
 * @param sourceSheet sheet name, empty for text files
 */
public record FeedbackRecord(
        String referralKey,
        String agencyCode,
        String jurisdictionCode,
        String agreementId,
        LocalDate asOfDate,
        YearMonth receivedMonth,
        Status status,
        Outcome outcome,
        YesNo actionable,
        NotActionableReason notActionableReason,
        YesNo searchWarrant,
        YesNo arrest,
        YesNo charged,
        Conviction convicted,
        VictimBand victimsIdentified,
        AgeBand subjectAgeBand,
        Integer daysToClose,
        String sourceFile,
        String sourceSheet,
        long sourceRow) {

    public static final int SCHEMA_VERSION = 1;
}
