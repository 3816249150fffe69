package org.feedbackharmonizer.coverage;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.AgreementConfig;
import org.feedbackharmonizer.config.Cadence;
import org.feedbackharmonizer.config.Settings;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A migrated H2 store in a temp folder, with small builders for the rows coverage reads. */
public final class CoverageFixture {
    public final DataSource ds;
    public final JdbcTemplate jdbc;

    public CoverageFixture(Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + ";MODE=PostgreSQL";
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        h2.setPassword("");
        this.ds = h2;
        this.jdbc = new JdbcTemplate(h2);
    }

    public static String key(int n) {
        return String.format("%032x", n);
    }

    public static String fileId(int n) {
        return String.format("%016x", n);
    }

    public static AgencyConfig agency(
            String code, String jurisdiction, Cadence cadence, LocalDate effective, LocalDate expires, int graceDays) {
        return new AgencyConfig(
                code + ".yml",
                code,
                null,
                jurisdiction,
                new AgreementConfig("DSA-" + code, effective, expires, cadence, graceDays, Set.of()),
                null,
                null,
                null,
                null,
                null,
                Map.of());
    }

    public static Settings settings(int threshold) {
        return new Settings(
                null,
                "jdbc:h2:mem:x",
                "sa",
                "",
                null,
                null,
                null,
                Settings.ArchiveMode.COPY,
                threshold,
                0.8,
                1,
                false,
                null);
    }

    public CoverageFixture ledger(int key, String agency, String jurisdiction, String madeAvailable) {
        jdbc.update(
                "INSERT INTO ledger VALUES (?, ?, ?, ?)",
                key(key),
                agency,
                jurisdiction,
                java.sql.Date.valueOf(madeAvailable));
        return this;
    }

    public CoverageFixture feedback(
            int key,
            String agency,
            String jurisdiction,
            String receivedMonth,
            String status,
            String outcome,
            Integer daysToClose,
            String actionable,
            String reason,
            int file) {
        jdbc.update(
                "INSERT INTO feedback (referral_key, agency_code, jurisdiction_code, agreement_id, as_of_date,"
                        + " received_month, status, outcome, actionable, not_actionable_reason, search_warrant, arrest,"
                        + " charged, convicted, victims_identified, subject_age_band, days_to_close, source_file,"
                        + " source_sheet, source_row) VALUES (?, ?, ?, ?, DATE '2025-03-31', ?, ?, ?, ?, ?, 'UNKNOWN',"
                        + " 'YES', 'UNKNOWN', 'UNKNOWN', '1', '25-34', ?, ?, '', ?)",
                key(key),
                agency,
                jurisdiction,
                "DSA-" + agency,
                receivedMonth,
                status,
                outcome,
                actionable,
                reason,
                daysToClose,
                fileId(file),
                key);
        return this;
    }

    public CoverageFixture sourceFile(
            int file, String agency, String asOf, String status, long read, long written, long rejected, long skipped) {
        jdbc.update(
                "INSERT INTO source_file (file_id, sha256, agency_code, file_name, as_of_date, status,"
                        + " rows_read, rows_written, rows_rejected, rows_skipped, file_number)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                fileId(file),
                fileId(file) + "0".repeat(48),
                agency,
                "secret-name-" + file + ".xlsx",
                asOf == null ? null : java.sql.Date.valueOf(asOf),
                status,
                read,
                written,
                rejected,
                skipped,
                file);
        return this;
    }

    public CoverageFixture unmapped(int file, String agency, String field, String column, String label, long n) {
        jdbc.update(
                "INSERT INTO unmapped_label VALUES (?, ?, ?, ?, ?, ?)", fileId(file), agency, field, column, label, n);
        return this;
    }
}
