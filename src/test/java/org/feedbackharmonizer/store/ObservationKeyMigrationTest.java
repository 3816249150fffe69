package org.feedbackharmonizer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store made before V5 keeps its history when V5 gives every observation a single key: same rows, each keyed
 * by its file's number and its sequence, files numbered in file id order. On H2 always, on PostgreSQL when
 * .ci/run provides one.
 */
class ObservationKeyMigrationTest {
    private static final String PG_URL = System.getenv("HARMONIZER_TEST_PG_URL");
    private static final String PG_USER = System.getenv().getOrDefault("HARMONIZER_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("HARMONIZER_TEST_PG_PASSWORD", "");

    @Test
    void keepsTheHistoryOfAnH2StoreAndKeysItByFileAndSequence(@TempDir Path tmp) throws SQLException {
        migrateAndCheck("jdbc:h2:file:" + tmp.resolve("store"), "sa", "", "h2");
    }

    @Test
    void keepsTheHistoryOfAPostgresStoreAndKeysItByFileAndSequence() throws SQLException {
        if (PG_URL == null) {
            System.out.println("ObservationKeyMigrationTest on PostgreSQL skipped: set HARMONIZER_TEST_PG_URL");
            return;
        }
        String database = "harmonizer_migration_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        try {
            migrateAndCheck(
                    PG_URL.substring(0, PG_URL.lastIndexOf('/') + 1) + database, PG_USER, PG_PASSWORD, "postgresql");
        } finally {
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + database);
            }
        }
    }

    private static void migrateAndCheck(String url, String user, String password, String vendor) throws SQLException {
        flyway(url, user, password, vendor).target("4").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            for (String file : List.of("f-bbbb", "f-aaaa")) {
                s.execute("INSERT INTO source_file (file_id, sha256, agency_code, file_name, status) VALUES ('" + file
                        + "', 'sha', 'AG', 'x.csv', 'LOADED')");
            }
            for (int seq = 0; seq < 3; seq++) {
                for (String file : List.of("f-aaaa", "f-bbbb")) {
                    s.execute("INSERT INTO feedback_history VALUES ('key" + seq + "', 'AG', 'US-XX', 'AGR',"
                            + " DATE '2025-06-30', NULL, 'OPEN', 'UNKNOWN', 'UNKNOWN', NULL, 'UNKNOWN', 'UNKNOWN',"
                            + " 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', NULL, '" + file + "', '', " + (seq + 2)
                            + ", " + seq + ")");
                }
            }
        }

        flyway(url, user, password, vendor).load().migrate();

        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT observation, source_file, source_row, source_seq, referral_key"
                        + " FROM feedback_history ORDER BY observation")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4) + " "
                        + rs.getString(5));
            }
            long file1 = JdbcFeedbackStore.ROWS_PER_FILE;
            long file2 = 2 * JdbcFeedbackStore.ROWS_PER_FILE;
            assertThat(rows)
                    .containsExactly(
                            file1 + " f-aaaa 2 0 key0",
                            (file1 + 1) + " f-aaaa 3 1 key1",
                            (file1 + 2) + " f-aaaa 4 2 key2",
                            file2 + " f-bbbb 2 0 key0",
                            (file2 + 1) + " f-bbbb 3 1 key1",
                            (file2 + 2) + " f-bbbb 4 2 key2");
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
            String url, String user, String password, String vendor) {
        return Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
    }
}
