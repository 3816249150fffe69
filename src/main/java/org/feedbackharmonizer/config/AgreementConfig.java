package org.feedbackharmonizer.config;

import java.time.LocalDate;
import java.util.Set;

/**
 * The data-sharing agreement under which an agency sends files.
 *
 * @param id the agreement's identifier, written on every feedback row
 * @param effective first day files may report on
 * @param expires last day files may report on; null when open-ended
 * @param cadence how often a file is expected
 * @param graceDays days after a period ends before its file is overdue
 * @param permits the schema fields the agreement allows to be kept; others are stored as UNKNOWN or empty
 * @param fileCovers which period a file reports on, given its as-of date
 */
public record AgreementConfig(
        String id,
        LocalDate effective,
        LocalDate expires,
        Cadence cadence,
        int graceDays,
        Set<String> permits,
        FileCovers fileCovers) {

    /** Which period a file reports on. */
    public enum FileCovers {
        /** The period its as-of date falls in (a file as of 31 March reports on March, or on the first quarter). */
        AS_OF_PERIOD,
        /**
         * The last period that had ended by its as-of date: an extract run on 7 October for the third quarter. A
         * file as of a period's last day still reports on that period.
         */
        LAST_ENDED_PERIOD
    }

    /** An agreement whose files report on the period of their as-of date. */
    public AgreementConfig(
            String id, LocalDate effective, LocalDate expires, Cadence cadence, int graceDays, Set<String> permits) {
        this(id, effective, expires, cadence, graceDays, permits, FileCovers.AS_OF_PERIOD);
    }

    /** The last day of the period a file with this as-of date reports on. */
    public LocalDate periodEndReportedOn(LocalDate asOf) {
        return fileCovers == FileCovers.LAST_ENDED_PERIOD ? cadence.lastEndedBy(asOf) : cadence.periodEnd(asOf);
    }

    public boolean covers(LocalDate asOf) {
        return !asOf.isBefore(effective) && (expires == null || !asOf.isAfter(expires));
    }

    public boolean permits(String field) {
        return permits.contains(field);
    }
}
