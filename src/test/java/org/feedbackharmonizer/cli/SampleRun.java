package org.feedbackharmonizer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.feedbackharmonizer.deidentify.KeyFile;
import org.feedbackharmonizer.deidentify.KeyProblem;
import org.feedbackharmonizer.deidentify.Pseudonymizer;
import org.feedbackharmonizer.store.JdbcFeedbackStore;
import org.feedbackharmonizer.store.StoredObservation;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A private installation in a temporary folder: the project's config and samples, its own data and output. */
final class SampleRun {
    final Path root;
    final Path config;
    final Path input;
    final Path output;
    final Path data;

    SampleRun(Path root) throws IOException {
        this(root, 2, "");
    }

    /** @param settings more lines for config/harmonizer.yml, e.g. a store URL or a shared key file */
    SampleRun(Path root, String settings) throws IOException {
        this(root, 2, settings);
    }

    /** With {@code threads} load threads and any further harmonizer.yml lines. */
    SampleRun(Path root, int threads, String moreSettings) throws IOException {
        this.root = root;
        this.config = root.resolve("config");
        this.input = root.resolve("input");
        this.output = root.resolve("output");
        this.data = root.resolve("data");
        copyTree(Path.of("config"), config);
        copyTree(Path.of("input-samples"), input);
        Files.writeString(
                config.resolve("harmonizer.yml"),
                "data_dir: " + data.toAbsolutePath() + "\nthreads: " + threads + "\n" + moreSettings);
    }

    /** Runs {@code run} on a folder laid out as config/, input/ and output/ (a fixture's own configuration). */
    static int runFolder(Path root, String asOf) {
        return HarmonizerCommand.execute(
                "run",
                "--config",
                root.resolve("config").toString(),
                "--input",
                root.resolve("input").toString(),
                "--output",
                root.resolve("output").toString(),
                "--as-of",
                asOf);
    }

    int run(String command, String... extra) {
        String[] base = {
            command, "--config", config.toString(), "--input", input.toString(), "--output", output.toString()
        };
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        return HarmonizerCommand.execute(args);
    }

    record Result(int exit, String out, String err) {}

    /** Runs a command in this JVM and captures what it prints. */
    Result runCapturing(String command, String... extra) {
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        var o = new java.io.ByteArrayOutputStream();
        var e = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(o, true, java.nio.charset.StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(e, true, java.nio.charset.StandardCharsets.UTF_8));
            int exit = run(command, extra);
            return new Result(
                    exit,
                    o.toString(java.nio.charset.StandardCharsets.UTF_8),
                    e.toString(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            out.print(o.toString(java.nio.charset.StandardCharsets.UTF_8));
            err.print(e.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    Pseudonymizer pseudonymizer() throws KeyProblem {
        return KeyFile.resolve(data.resolve("pseudonymization.key"), Map.of()).pseudonymizer();
    }

    /** The run's arguments, for a child JVM. */
    List<String> args(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                command, "--config", config.toString(), "--input", input.toString(), "--output", output.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    /** Appends settings to {@code config/harmonizer.yml}. */
    void settings(String yaml) throws IOException {
        Files.writeString(config.resolve("harmonizer.yml"), yaml + "\n", StandardOpenOption.APPEND);
    }

    JsonNode summary() {
        return JsonMapper.builder()
                .build()
                .readTree(output.resolve("run-summary.json").toFile());
    }

    /** The stored feedback, history and rejects, ordered, one line per row: equal dumps are equal stores. */
    String dump() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "sa", "");
                Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "SELECT * FROM feedback ORDER BY agency_code, referral_key",
                    "SELECT * FROM rejects ORDER BY file_id, sheet, row_number",
                    "SELECT * FROM unmapped_label ORDER BY file_id, field, label",
                    "SELECT file_id, agency_code, status, as_of_date, rows_read, rows_written, records_written,"
                            + " rows_rejected, rows_skipped FROM source_file ORDER BY file_id")) {
                out.append(sql).append('\n');
                try (ResultSet rs = s.executeQuery(sql)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            out.append(i == 1 ? "" : "|").append(rs.getString(i));
                        }
                        out.append('\n');
                    }
                }
            }
        }
        // the history, ordered by source: the order files were first offered may differ between equal stores
        out.append("history\n");
        observations().stream()
                .map(o -> o.record() + " seq=" + o.sequence())
                .sorted()
                .forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /** Every observation of the history, read through the store as consolidation reads it. */
    List<StoredObservation> observations() {
        List<StoredObservation> all = new ArrayList<>();
        new JdbcFeedbackStore(new DriverManagerDataSource(jdbcUrl(), "sa", "")).forEachObservation(all::add);
        return all;
    }

    /** One SQL query's first column, e.g. a count. */
    String query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    void update(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "sa", "");
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    /**
     * Adds agency AZ-BIG (Phoenix's layout) with one generated CSV of {@code rows} rows, so that loading it takes
     * long enough to be interrupted in the middle.
     */
    void addBigAgency(int rows) throws IOException {
        String phx = Files.readString(config.resolve("agencies/AZ-PHX.yml"));
        Files.writeString(
                config.resolve("agencies/AZ-BIG.yml"),
                phx.replace("agency: AZ-PHX", "agency: AZ-BIG").replace("phoenix/*.csv", "big/*.csv"));
        Files.createDirectories(input.resolve("big"));
        String[] dispositions = {
            "Open - Subject Identified", "Closed - Arrest Made", "Closed - Records Expired", "Open - Charges Filed"
        };
        try (var w = Files.newBufferedWriter(input.resolve("big/big_feedback_2025-10-31.csv"))) {
            w.write("Report Number,Date Assigned,Case Disposition,Date Closed,Actionable?,Victims Identified,"
                    + "Suspect Age\r\n");
            for (int i = 0; i < rows; i++) {
                String d = dispositions[i % dispositions.length];
                w.write((300_000_000 + i) + ",2025-0" + (1 + i % 9) + "-1" + (i % 10) + "," + d + ","
                        + (d.startsWith("Closed") ? "2025-10-0" + (1 + i % 9) : "") + "," + (i % 3 == 0 ? "No" : "Yes")
                        + "," + (i % 4) + "," + (20 + i % 50) + "\r\n");
            }
        }
    }

    String jdbcUrl() {
        return "jdbc:h2:file:" + data.resolve("harmonizer").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
