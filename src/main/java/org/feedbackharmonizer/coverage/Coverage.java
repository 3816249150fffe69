package org.feedbackharmonizer.coverage;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.feedbackharmonizer.config.Cadence;
import org.feedbackharmonizer.schema.Outcome;

/**
 * Everything the coverage step computes, unsuppressed. Lists are sorted deterministically. Publishing applies
 * small-cell suppression; the store keeps these numbers as they are.
 */
public record Coverage(
        LocalDate asOf,
        List<MonthRow> months,
        List<AgencySubmission> submissions,
        List<FieldCompleteness> completeness,
        List<UnmappedValue> unmapped,
        List<FileReconciliation> files) {

    /** The month of orphan feedback rows that carry no received month. */
    public static final String UNKNOWN_MONTH = "unknown";

    /** Months in calendar order (YYYY-MM sorts so), {@link #UNKNOWN_MONTH} last. */
    public static final Comparator<String> MONTH_ORDER =
            Comparator.comparing((String m) -> m.equals(UNKNOWN_MONTH)).thenComparing(Comparator.naturalOrder());

    /**
     * One jurisdiction and month made available.
     *
     * @param month YYYY-MM, or {@link #UNKNOWN_MONTH}
     * @param byOutcome referrals with feedback per outcome, in {@link Outcome} order; sums to withFeedback
     * @param medianDaysToClose over closed referrals with a days_to_close; null when there is none
     */
    public record MonthRow(
            String jurisdiction,
            String month,
            long sent,
            long withFeedback,
            long closed,
            Double medianDaysToClose,
            long orphans,
            List<Long> byOutcome,
            ReportingStatus status,
            int agenciesUnderAgreement,
            int agenciesReporting) {

        public long outcome(Outcome o) {
            return byOutcome.get(o.ordinal());
        }
    }

    /**
     * One configured agency's deliveries.
     *
     * @param lastFileId id of the loaded file with the latest as-of date (never its name)
     * @param nextDue null when the agreement has ended and no more files are due
     */
    public record AgencySubmission(
            String agency,
            String jurisdiction,
            String agreementId,
            Cadence cadence,
            int graceDays,
            int filesReceived,
            int filesQuarantined,
            String lastFileId,
            LocalDate lastAsOf,
            LocalDate nextDue,
            long daysOverdue,
            SubmissionStatus status) {}

    /** @param considered rows the field applies to (conditional fields: only where the schema asks for them) */
    public record FieldCompleteness(String agency, String field, long considered, long known) {}

    public record UnmappedValue(String agency, String field, String column, String label, long occurrences) {}

    /** One source file's row accounting: read = written + rejected + skipped when it balances. */
    public record FileReconciliation(
            String fileId,
            String agency,
            String status,
            LocalDate asOf,
            long read,
            long written,
            long rejected,
            long skipped) {

        public boolean balances() {
            return read == written + rejected + skipped;
        }
    }
}
