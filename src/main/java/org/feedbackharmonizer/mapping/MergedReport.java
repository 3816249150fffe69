package org.feedbackharmonizer.mapping;

import java.time.LocalDate;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.NotActionableReason;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.Status;
import org.feedbackharmonizer.schema.VictimBand;
import org.feedbackharmonizer.schema.YesNo;

/**
 * The rows of one report number in one file, taken together field by field so far (docs/config.md, "Merging a
 * report number's rows"). Small on purpose: a file holds one per report number until its last row is read, so
 * dates are kept as day numbers and nothing of a row is kept but what the merge needs. The birth date is held
 * only until the age band is made from it, in memory, as a row's is.
 */
final class MergedReport {
    private static final int NONE = Integer.MIN_VALUE;

    /** Rows merged. */
    int rows;

    /** The last row merged, the record's source row: its sheet and row number. */
    String sheet;

    long row;

    // earliest received date, latest closed date, last birth date given: epoch days, or NONE
    private int received = NONE;
    private int closed = NONE;
    private int birth = NONE;
    private Status status = Status.UNKNOWN;

    /** The outcome so far: of the last row that climbed past every milestone before it, or that gave an ending. */
    private Outcome outcome = Outcome.UNKNOWN;

    /** The furthest milestone reached, or null. */
    private Outcome furthest;

    private YesNo actionable = YesNo.UNKNOWN;
    private NotActionableReason notActionableReason;
    private YesNo searchWarrant = YesNo.UNKNOWN;
    private YesNo arrest = YesNo.UNKNOWN;
    private YesNo charged = YesNo.UNKNOWN;
    private Conviction convicted = Conviction.UNKNOWN;
    private VictimBand victims = VictimBand.UNKNOWN;
    private AgeBand ageBand = AgeBand.UNKNOWN;

    /**
     * Whether a row (already derived alone) can join without making the merged dates disagree: a closed date before
     * the received date, or a birth date that makes the age band impossible. Checked as each row comes, so that
     * the row that would make them disagree is the one rejected, and the merge is never left inconsistent: the
     * received date only moves earlier, the closed date only later.
     */
    void check(Observation r) throws ValueRejected {
        int rec = min(received, day(r.receivedDate));
        int clo = max(closed, day(r.closedDate));
        if (rec != NONE && clo != NONE && clo < rec) {
            throw new ValueRejected(
                    RejectReason.DATE_ORDER,
                    "the closed date is before the received date of the report number's rows taken together");
        }
        int dob = r.birthDate != null ? day(r.birthDate) : birth;
        AgeBand band = r.ageBand != AgeBand.UNKNOWN ? r.ageBand : ageBand;
        if (band == AgeBand.UNKNOWN && dob != NONE && rec != NONE) {
            SubjectAge.fromBirthDate(LocalDate.ofEpochDay(dob), LocalDate.ofEpochDay(rec));
        }
    }

    /** Takes a row that {@link #check} let in. */
    void add(Observation r, String sheet, long row, Milestones milestones) {
        rows++;
        this.sheet = sheet;
        this.row = row;
        received = min(received, day(r.receivedDate));
        closed = max(closed, day(r.closedDate));
        if (r.birthDate != null) {
            birth = day(r.birthDate);
        }
        if (r.ageBand != AgeBand.UNKNOWN) {
            ageBand = r.ageBand;
        }
        if (rank(r.status) > rank(status)) {
            status = r.status;
        }
        if (r.outcome != Outcome.UNKNOWN) {
            if (!milestones.contains(r.outcome)) {
                outcome = r.outcome;
            } else if (furthest == null || milestones.rank(r.outcome) > milestones.rank(furthest)) {
                furthest = r.outcome;
                outcome = r.outcome;
            }
        }
        if (r.actionable != YesNo.UNKNOWN) {
            actionable = r.actionable;
            notActionableReason = r.notActionableReason;
        }
        searchWarrant = rank(r.searchWarrant) > rank(searchWarrant) ? r.searchWarrant : searchWarrant;
        arrest = rank(r.arrest) > rank(arrest) ? r.arrest : arrest;
        charged = rank(r.charged) > rank(charged) ? r.charged : charged;
        convicted = rank(r.convicted) > rank(convicted) ? r.convicted : convicted;
        if (r.victims != VictimBand.UNKNOWN && (victims == VictimBand.UNKNOWN || r.victims.compareTo(victims) > 0)) {
            victims = r.victims;
        }
    }

    /** The merged values, for the derivations of the rows taken together. */
    Observation observation() {
        Observation o = new Observation();
        o.receivedDate = date(received);
        o.closedDate = date(closed);
        o.birthDate = date(birth);
        o.status = status;
        o.outcome = outcome;
        o.actionable = actionable;
        o.notActionableReason = notActionableReason;
        o.searchWarrant = searchWarrant;
        o.arrest = arrest;
        o.charged = charged;
        o.convicted = convicted;
        o.victims = victims;
        o.ageBand = ageBand;
        return o;
    }

    private static int rank(Status s) {
        return switch (s) {
            case UNKNOWN -> 0;
            case OPEN -> 1;
            case CLOSED -> 2;
        };
    }

    private static int rank(YesNo f) {
        return switch (f) {
            case UNKNOWN -> 0;
            case NO -> 1;
            case YES -> 2;
        };
    }

    private static int rank(Conviction c) {
        return switch (c) {
            case UNKNOWN -> 0;
            case NO -> 1;
            case PENDING -> 2;
            case YES -> 3;
        };
    }

    private static int day(LocalDate d) {
        return d == null ? NONE : Math.toIntExact(d.toEpochDay());
    }

    private static LocalDate date(int day) {
        return day == NONE ? null : LocalDate.ofEpochDay(day);
    }

    private static int min(int a, int b) {
        return a == NONE ? b : b == NONE ? a : Math.min(a, b);
    }

    private static int max(int a, int b) {
        return a == NONE ? b : b == NONE ? a : Math.max(a, b);
    }
}
