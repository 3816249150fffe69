package org.feedbackharmonizer.config;

import java.util.List;
import org.feedbackharmonizer.ingest.FileFormat;

/**
 * Where the referral ledger (what was sent) is and which columns hold what. The newest ledger file replaces
 * the stored one.
 *
 * @param globs glob patterns relative to the input folder
 * @param format null to take it from the extension
 */
public record LedgerConfig(
        String file,
        List<String> globs,
        FileFormat format,
        char delimiter,
        String reportNumberColumn,
        String madeAvailableColumn,
        String agencyColumn,
        String jurisdictionColumn,
        List<String> dates) {}
