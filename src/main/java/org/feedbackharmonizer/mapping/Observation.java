package org.feedbackharmonizer.mapping;

import java.time.LocalDate;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.NotActionableReason;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.Status;
import org.feedbackharmonizer.schema.VictimBand;
import org.feedbackharmonizer.schema.YesNo;

/** The values read from one row, before and during derivation. Mutable on purpose: it lives for one row. */
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
}
