package org.feedbackharmonizer.mapping;

import java.time.LocalDate;
import java.time.YearMonth;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.AgreementConfig;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.schema.NotActionableReason;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.Status;
import org.feedbackharmonizer.schema.VictimBand;
import org.feedbackharmonizer.schema.YesNo;

/**
 * The values read from one row (or merged from one report number's rows), before and during derivation. Mutable
 * on purpose: it lives for one row.
 */
final class Observation {
    LocalDate receivedDate;
    LocalDate closedDate;
    LocalDate birthDate;
    Status status = Status.UNKNOWN;
    Outcome outcome = Outcome.UNKNOWN;
    YesNo actionable = YesNo.UNKNOWN;
    NotActionableReason notActionableReason;
    YesNo searchWarrant = YesNo.UNKNOWN;
    YesNo arrest = YesNo.UNKNOWN;
    YesNo charged = YesNo.UNKNOWN;
    Conviction convicted = Conviction.UNKNOWN;
    VictimBand victims = VictimBand.UNKNOWN;
    AgeBand ageBand = AgeBand.UNKNOWN;
    Integer daysToClose;

    /**
     * The schema record of a derived observation for one referral: the month of the received date, not the date;
     * a field the agreement does not permit is UNKNOWN (or empty).
     */
    FeedbackRecord record(AgencyFileContext context, String referralKey, String sheet, long row) {
        AgencyConfig agency = context.agency();
        AgreementConfig agreement = agency.agreement();
        YearMonth month = receivedDate == null ? null : YearMonth.from(receivedDate);
        return new FeedbackRecord(
                referralKey,
                agency.code(),
                agency.jurisdiction(),
                agreement.id(),
                context.asOfDate(),
                agreement.permits("received_month") ? month : null,
                agreement.permits("status") ? status : Status.UNKNOWN,
                agreement.permits("outcome") ? outcome : Outcome.UNKNOWN,
                agreement.permits("actionable") ? actionable : YesNo.UNKNOWN,
                agreement.permits("not_actionable_reason") ? notActionableReason : null,
                agreement.permits("search_warrant") ? searchWarrant : YesNo.UNKNOWN,
                agreement.permits("arrest") ? arrest : YesNo.UNKNOWN,
                agreement.permits("charged") ? charged : YesNo.UNKNOWN,
                agreement.permits("convicted") ? convicted : Conviction.UNKNOWN,
                agreement.permits("victims_identified") ? victims : VictimBand.UNKNOWN,
                agreement.permits("subject_age_band") ? ageBand : AgeBand.UNKNOWN,
                agreement.permits("days_to_close") ? daysToClose : null,
                context.fileId(),
                sheet,
                row);
    }
}
