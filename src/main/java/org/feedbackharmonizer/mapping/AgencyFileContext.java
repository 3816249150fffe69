package org.feedbackharmonizer.mapping;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.feedbackharmonizer.config.AgencyConfig;

/**
 * What a row mapper knows of the file it maps.
 *
 * @param referralKeys turns a normalized report number into its referral key (the keyed hash)
 */
public record AgencyFileContext(
        AgencyConfig agency, String fileId, LocalDate asOfDate, UnaryOperator<String> referralKeys) {}
