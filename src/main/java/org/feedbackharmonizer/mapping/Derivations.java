package org.feedbackharmonizer.mapping;

import java.time.temporal.ChronoUnit;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.Status;
import org.feedbackharmonizer.schema.YesNo;

/**
 * The schema's rules that fill one field from others (docs/config.md, "Derivations"). They only ever fill what
 * is unknown; a contradiction between what the agency wrote is a reject, not a guess.
 */
final class Derivations {
    private Derivations() {}

    static void apply(Observation o) throws ValueRejected {
        outcomeFromFlags(o);
        flagsFromOutcome(o);
        actionable(o);
        if (o.status == Status.UNKNOWN && o.closedDate != null) {
            o.status = Status.CLOSED;
        }
        daysToClose(o);
        if (o.ageBand == AgeBand.UNKNOWN && o.birthDate != null && o.receivedDate != null) {
            o.ageBand = SubjectAge.fromBirthDate(o.birthDate, o.receivedDate);
        }
    }

    /** A file with only flag columns: the furthest flag that is YES gives the outcome. */
    private static void outcomeFromFlags(Observation o) {
        if (o.outcome != Outcome.UNKNOWN) {
            return;
        }
        if (o.convicted == Conviction.YES) {
            o.outcome = Outcome.CONVICTED;
        } else if (o.charged == YesNo.YES) {
            o.outcome = Outcome.CHARGED;
        } else if (o.arrest == YesNo.YES) {
            o.outcome = Outcome.ARREST;
        } else if (o.searchWarrant == YesNo.YES) {
            o.outcome = Outcome.SEARCH_WARRANT_SERVED;
        }
    }

    /** An ordered outcome implies every milestone up to it; an explicit NO for the outcome itself conflicts. */
    private static void flagsFromOutcome(Observation o) throws ValueRejected {
        Outcome out = o.outcome;
        if (!out.isOrdered() || out.ordinal() < Outcome.SEARCH_WARRANT_SERVED.ordinal()) {
            return;
        }
        boolean conflict = switch (out) {
            case SEARCH_WARRANT_SERVED -> o.searchWarrant == YesNo.NO;
            case ARREST -> o.arrest == YesNo.NO;
            case CHARGED -> o.charged == YesNo.NO;
            case CONVICTED -> o.convicted == Conviction.NO;
            default -> false;
        };
        if (conflict) {
            throw new ValueRejected(
                    RejectReason.FLAG_CONFLICT, "outcome " + out + " contradicts its own flag, which is NO");
        }
        if (o.searchWarrant == YesNo.UNKNOWN) {
            o.searchWarrant = YesNo.YES;
        }
        if (out.ordinal() >= Outcome.ARREST.ordinal() && o.arrest == YesNo.UNKNOWN) {
            o.arrest = YesNo.YES;
        }
        if (out.ordinal() >= Outcome.CHARGED.ordinal() && o.charged == YesNo.UNKNOWN) {
            o.charged = YesNo.YES;
        }
        if (out == Outcome.CONVICTED && o.convicted == Conviction.UNKNOWN) {
            o.convicted = Conviction.YES;
        }
    }

    private static void actionable(Observation o) throws ValueRejected {
        if (o.notActionableReason == null) {
            return;
        }
        if (o.actionable == YesNo.UNKNOWN) {
            o.actionable = YesNo.NO;
        } else if (o.actionable == YesNo.YES) {
            throw new ValueRejected(
                    RejectReason.REASON_CONFLICT, "a not-actionable reason is given but actionable is YES");
        }
    }

    private static void daysToClose(Observation o) throws ValueRejected {
        if (o.status != Status.CLOSED || o.closedDate == null || o.receivedDate == null) {
            o.daysToClose = null;
            return;
        }
        long days = ChronoUnit.DAYS.between(o.receivedDate, o.closedDate);
        if (days < 0) {
            throw new ValueRejected(RejectReason.DATE_ORDER, "the closed date is before the received date");
        }
        o.daysToClose = (int) days;
    }
}
