package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same nightly run on a real PostgreSQL server (started by .ci/run, found through HARMONIZER_TEST_PG_URL)
 * gives the same published files as on H2, by configuration alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRunTest {
    private static final String URL = System.getenv("HARMONIZER_TEST_PG_URL");
    private static final String USER = System.getenv().getOrDefault("HARMONIZER_TEST_PG_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("HARMONIZER_TEST_PG_PASSWORD", "");
    private static final List<String> PUBLISHED = List.of(
            "feedback.csv",
            "rejects.csv",
            "coverage_by_jurisdiction.csv",
            "agency_submissions.csv",
            "field_completeness.csv",
            "participation_by_jurisdiction.csv",
            "datapackage.json",
            "coverage-report.html");

    SampleRun onH2;
    SampleRun onPostgres;
    String database;
    int h2Exit;
    int pgExit;

    @BeforeAll
    void runOnBothStores(@TempDir Path tmp) throws Exception {
        if (URL == null) {
            System.out.println("PostgresRunTest skipped: set HARMONIZER_TEST_PG_URL (as .ci/run does) to run it"
                    + " against a real PostgreSQL server");
        }
        Assumptions.assumeTrue(URL != null, "HARMONIZER_TEST_PG_URL is not set: no PostgreSQL server to test");
        database = "harmonizer_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        String pgUrl = URL.substring(0, URL.lastIndexOf('/') + 1) + database;
        Path key = tmp.resolve("shared-key/pseudonymization.key");
        onH2 = new SampleRun(tmp.resolve("h2"), "key_file: " + key + "\n");
        h2Exit = onH2.run("run", "--as-of", "2025-11-25");
        onPostgres = new SampleRun(
                tmp.resolve("pg"),
                "key_file: " + key + "\nstore:\n  url: " + pgUrl + "\n  user: " + USER + "\n  password: \"" + PASSWORD
                        + "\"\n");
        pgExit = onPostgres.run("run", "--as-of", "2025-11-25");
    }

    @Test
    void runsOnPostgresByConfigurationAlone() {
        assertThat(h2Exit).isZero();
        assertThat(pgExit).isZero();
        assertThat(onPostgres.data.resolve("harmonizer.mv.db")).doesNotExist();
    }

    @Test
    void publishesTheSameFilesAsOnH2() throws Exception {
        for (String f : PUBLISHED) {
            assertThat(Files.readString(onPostgres.output.resolve(f)))
                    .as(f)
                    .isEqualTo(Files.readString(onH2.output.resolve(f)));
        }
    }

    @Test
    void keepsTheJobRepositoryAndTheStoreInPostgres() throws Exception {
        String pgUrl = URL.substring(0, URL.lastIndexOf('/') + 1) + database;
        try (Connection c = DriverManager.getConnection(pgUrl, USER, PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM feedback),"
                        + " (SELECT COUNT(*) FROM batch_job_execution WHERE status = 'COMPLETED'),"
                        + " (SELECT COUNT(*) FROM source_file WHERE status = 'LOADED')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(244);
            assertThat(rs.getLong(2)).isEqualTo(1);
            assertThat(rs.getLong(3)).isEqualTo(10);
        }
    }
}
