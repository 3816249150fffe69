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
 *
 * <p>A row read alone gets them all ({@link #apply}). Under {@code files.repeated_report: merge} a row gets only
 * what it says of itself ({@link #applyToMergedRow}), and the rows of one report number taken together get the
 * rest ({@link #applyToMerged}): an ARREST row then says arrest YES but not that a warrant was served, which
 * another row of the same referral may deny.
 */
final class Derivations {
    private Derivations() {}

    static void apply(Observation o) throws ValueRejected {
        outcomeFromFlags(o);
        flagsFromOutcome(o, true);
        actionable(o);
        statusFromClosedDate(o);
        daysToClose(o);
        if (o.ageBand == AgeBand.UNKNOWN && o.birthDate != null && o.receivedDate != null) {
            o.ageBand = SubjectAge.fromBirthDate(o.birthDate, o.receivedDate);
        }
    }

    /**
     * One row of a merge: what the row itself implies (its outcome from its flags, the outcome's own flag, actionable
     * from a reason, closed from a closed date) and the checks of the row alone (its flags, reason and dates agree).
     * The days to close and the age band wait for the merged dates.
     */
    static void applyToMergedRow(Observation o) throws ValueRejected {
        outcomeFromFlags(o);
        flagsFromOutcome(o, false);
        actionable(o);
        statusFromClosedDate(o);
        daysToClose(o); // the row's own dates must be in order; its days wait for the merged dates
        o.daysToClose = null;
    }

    /**
     * The rows of one report number taken together: a closed referral's flags that no row says YES of are NO (the
     * event did not happen, and a closed case waits for no conviction), then every derivation of a single row.
     */
    static void applyToMerged(Observation o) throws ValueRejected {
        statusFromClosedDate(o);
        if (o.status == Status.CLOSED) {
            o.searchWarrant = yesOrNo(o.searchWarrant);
            o.arrest = yesOrNo(o.arrest);
            o.charged = yesOrNo(o.charged);
            if (o.outcome != Outcome.CONVICTED) { // its own flag: YES, or PENDING as a row said it, never NO
                o.convicted = o.convicted == Conviction.YES ? Conviction.YES : Conviction.NO;
            }
        }
        apply(o);
    }

    private static YesNo yesOrNo(YesNo flag) {
        return flag == YesNo.YES ? YesNo.YES : YesNo.NO;
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

    /**
     * An ordered outcome means its own flag is YES (FEEDBACK_SCHEMA.md); an explicit NO for it conflicts. With
     * {@code earlierToo}, it also implies every milestone before it, where unknown.
     */
    private static void flagsFromOutcome(Observation o, boolean earlierToo) throws ValueRejected {
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
        if ((earlierToo || out == Outcome.SEARCH_WARRANT_SERVED) && o.searchWarrant == YesNo.UNKNOWN) {
            o.searchWarrant = YesNo.YES;
        }
        if ((earlierToo ? out.ordinal() >= Outcome.ARREST.ordinal() : out == Outcome.ARREST)
                && o.arrest == YesNo.UNKNOWN) {
            o.arrest = YesNo.YES;
        }
        if ((earlierToo ? out.ordinal() >= Outcome.CHARGED.ordinal() : out == Outcome.CHARGED)
                && o.charged == YesNo.UNKNOWN) {
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

    private static void statusFromClosedDate(Observation o) {
        if (o.status == Status.UNKNOWN && o.closedDate != null) {
            o.status = Status.CLOSED;
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
