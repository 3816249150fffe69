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
 */
public record AgreementConfig(
        String id, LocalDate effective, LocalDate expires, Cadence cadence, int graceDays, Set<String> permits) {

    public boolean covers(LocalDate asOf) {
        return !asOf.isBefore(effective) && (expires == null || !asOf.isAfter(expires));
    }

    public boolean permits(String field) {
        return permits.contains(field);
    }
}
