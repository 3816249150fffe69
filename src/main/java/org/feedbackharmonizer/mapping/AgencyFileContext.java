package org.feedbackharmonizer.mapping;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.feedbackharmonizer.config.AgencyConfig;

/**
 * What a row mapper knows of the file it maps.
 *
 * @param referralKeys turns a normalized report number into its referral key (the keyed hash)
 * @param merge the file's merge of repeated report numbers ({@code files.repeated_report: merge}), or null: each
 *     row is then written as it comes
 */
public record AgencyFileContext(
        AgencyConfig agency, String fileId, LocalDate asOfDate, UnaryOperator<String> referralKeys, ReportMerge merge) {

    /** A file whose rows are written one by one. */
    public AgencyFileContext(
            AgencyConfig agency, String fileId, LocalDate asOfDate, UnaryOperator<String> referralKeys) {
        this(agency, fileId, asOfDate, referralKeys, null);
    }
}
