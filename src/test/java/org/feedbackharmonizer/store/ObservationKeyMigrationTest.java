package org.feedbackharmonizer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A store made before V5 keeps its history through V5 (one key per observation, files numbered in file id order)
 * and V7 (the history moved into batches): same observations, file by file, each file's in sequence order, a
 * file longer than a batch split across batches. On H2 always, on PostgreSQL when .ci/run provides one.
 */
class ObservationKeyMigrationTest {
    /** Longer than a batch: the migration splits it. */
    private static final int LONG_FILE = 2_500;

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
        }
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement insert = c.prepareStatement("INSERT INTO feedback_history VALUES (?, 'AG', 'US-XX',"
                        + " 'AGR', DATE '2025-06-30', NULL, 'OPEN', 'UNKNOWN', 'UNKNOWN', NULL, 'UNKNOWN', 'UNKNOWN',"
                        + " 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN', NULL, ?, '', ?, ?)")) {
            for (String file : List.of("f-aaaa", "f-bbbb")) {
                int rows = file.equals("f-aaaa") ? LONG_FILE : 3;
                for (int seq = rows - 1; seq >= 0; seq--) { // stored out of order: the key orders them
                    insert.setString(1, "key" + seq);
                    insert.setString(2, file);
                    insert.setLong(3, seq + 2);
                    insert.setLong(4, seq);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }

        flyway(url, user, password, vendor).load().migrate();

        List<String> rows = new ArrayList<>();
        new JdbcFeedbackStore(new DriverManagerDataSource(url, user, password))
                .forEachObservation(
                        o -> rows.add(o.record().sourceFile() + " " + o.record().sourceRow() + " " + o.sequence() + " "
                                + o.record().referralKey() + " " + o.record().status()));
        List<String> expected = new ArrayList<>();
        for (int seq = 0; seq < LONG_FILE; seq++) {
            expected.add("f-aaaa " + (seq + 2) + " " + seq + " key" + seq + " OPEN");
        }
        for (int seq = 0; seq < 3; seq++) {
            expected.add("f-bbbb " + (seq + 2) + " " + seq + " key" + seq + " OPEN");
        }
        assertThat(rows).isEqualTo(expected);
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT b.file_number, b.batch, b.row_count, f.file_id FROM"
                        + " observation_batch b JOIN source_file f ON f.file_number = b.file_number"
                        + " ORDER BY b.file_number, b.batch")) {
            List<String> batches = new ArrayList<>();
            while (rs.next()) {
                batches.add(rs.getLong(1) + "/" + rs.getInt(2) + " " + rs.getInt(3) + " " + rs.getString(4));
            }
            assertThat(batches).containsExactly("1/0 2000 f-aaaa", "1/1 500 f-aaaa", "2/0 3 f-bbbb");
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
            String url, String user, String password, String vendor) {
        return Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .javaMigrations(new V7__HistoryIntoBatches());
    }
}
