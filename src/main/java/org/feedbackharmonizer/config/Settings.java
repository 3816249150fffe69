package org.feedbackharmonizer.config;

import java.nio.file.Path;

/**
 * Installation-wide settings from {@code <config>/harmonizer.yml}, all optional, overridable by environment
 * variables for production (HARMONIZER_DB_URL, HARMONIZER_DB_USER, HARMONIZER_DB_PASSWORD, HARMONIZER_KEY_FILE).
 *
 * @param dataDir working state: the H2 database, archive and quarantine by default
 * @param keyFile the pseudonymization key file (never inside the output folder)
 * @param archiveMode how loaded files reach the archive
 * @param smallCellThreshold published counts below this are suppressed
 * @param fitForEstimates coverage share from which a jurisdiction-month is fit for estimates
 * @param jsonLogs JSON lines instead of plain log lines
 * @param pushgateway Prometheus Pushgateway address (host:port), or null
 */
public record Settings(
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        Path keyFile,
        Path archiveDir,
        Path quarantineDir,
        ArchiveMode archiveMode,
        int smallCellThreshold,
        double fitForEstimates,
        int threads,
        boolean jsonLogs,
        String pushgateway) {

    public enum ArchiveMode {
        COPY,
        MOVE
    }
}
