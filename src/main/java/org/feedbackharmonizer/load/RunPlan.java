package org.feedbackharmonizer.load;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.feedbackharmonizer.config.AgencyCodes;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.LedgerConfig;
import org.feedbackharmonizer.config.Settings;
import org.feedbackharmonizer.deidentify.Pseudonymizer;
import org.feedbackharmonizer.deidentify.SeenReportNumbers;

/**
 * Everything one run needs and produces, handed to the job by the command line.
 *
 * @param agencyFilter only this agency's files (its code as configured), or null for all
 * @param fileFilter only files whose name (relative to the input folder, or just the file name) is this, or null
 * @param from with {@code to}: only files whose as-of date is in this range (rerun)
 * @param reload reload files even if already loaded (rerun)
 */
public record RunPlan(
        String runId,
        String command,
        Settings settings,
        List<AgencyConfig> agencies,
        LedgerConfig ledger,
        Path inputDir,
        Path outputDir,
        LocalDate asOf,
        String agencyFilter,
        String fileFilter,
        LocalDate from,
        LocalDate to,
        boolean reload,
        Pseudonymizer pseudonymizer,
        String keyFingerprint,
        SeenReportNumbers seenNumbers,
        List<FileLoadResult> results) {

    public static List<FileLoadResult> newResults() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    public String referralKey(String normalizedNumber) {
        seenNumbers.add(normalizedNumber);
        return pseudonymizer.referralKey(normalizedNumber);
    }

    /**
     * The agency of a code the run itself holds (from the configuration or the store), matched exactly; a code
     * a steward typed goes through {@link AgencyCodes} first.
     */
    public AgencyConfig agency(String code) {
        return agencies.stream()
                .filter(a -> a.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no agency '" + code
                        + "' in this run's configuration; configured: " + AgencyCodes.list(agencies)));
    }
}
