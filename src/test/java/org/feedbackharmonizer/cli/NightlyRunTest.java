package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.feedbackharmonizer.deidentify.Pseudonymizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The nightly job over the bundled samples, end to end, on a real H2 file: exact rows, reconciliation, no leaks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyRunTest {
    static final List<String> PUBLISHED = List.of(
            "feedback.csv",
            "rejects.csv",
            "coverage_by_jurisdiction.csv",
            "participation_by_jurisdiction.csv",
            "agency_submissions.csv",
            "field_completeness.csv",
            "datapackage.json",
            "coverage-report.html");
    private static final List<String> COMPARED = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("as_of_date"),
                    org.feedbackharmonizer.schema.SchemaField.PERMISSIBLE.stream())
            .toList();

    SampleRun installation;
    int firstExit;
    byte[] firstFeedback;
    Map<String, byte[]> firstPublished = new HashMap<>();
    JsonNode firstSummary;

    @BeforeAll
    void runTheSamples(@TempDir Path tmp) throws Exception {
        installation = new SampleRun(tmp);
        firstExit = installation.run("run", "--as-of", "2025-11-25");
        firstFeedback = Files.readAllBytes(installation.output.resolve("feedback.csv"));
        for (String f : PUBLISHED) {
            firstPublished.put(f, Files.readAllBytes(installation.output.resolve(f)));
        }
        firstSummary = JsonMapper.builder()
                .build()
                .readTree(installation.output.resolve("run-summary.json").toFile());
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)
                    .getRecords();
        }
    }

    @Test
    void loadsEverySampleFileAndExitsZero() {
        assertThat(firstExit).isZero();
    }

    @Test
    void writesTheSchemasFieldsInTheSchemasOrder() throws IOException {
        String header =
                Files.readAllLines(installation.output.resolve("feedback.csv")).get(0);
        assertThat(header)
                .isEqualTo("referral_key,agency_code,jurisdiction_code,agreement_id,as_of_date,"
                        + "received_month,status,outcome,actionable,not_actionable_reason,search_warrant,arrest,charged,"
                        + "convicted,victims_identified,subject_age_band,days_to_close,source_file,source_row,"
                        + "schema_version");
    }

    @Test
    void writesExactlyTheExpectedCurrentRowForEveryReferral() throws Exception {
        Pseudonymizer p = installation.pseudonymizer();
        Map<String, CSVRecord> actual = new HashMap<>();
        for (CSVRecord r : csv(installation.output.resolve("feedback.csv"))) {
            actual.put(r.get("agency_code") + "/" + r.get("referral_key"), r);
        }
        List<CSVRecord> expected = csv(Path.of("src/test/resources/samples/expected-feedback.csv")).stream()
                .filter(r -> r.get("current").equals("true"))
                .toList();
        assertThat(actual).hasSize(expected.size());
        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> perAgency = new HashMap<>();
        for (CSVRecord e : expected) {
            String key = e.get("agency_code") + "/" + p.referralKey(e.get("report_number"));
            CSVRecord a = actual.get(key);
            if (a == null) {
                mismatches.add(e.get("agency_code") + " " + e.get("source_file") + ": missing");
                continue;
            }
            for (String field : COMPARED) {
                if (!a.get(field).equals(e.get(field))) {
                    mismatches.add(e.get("agency_code") + " " + e.get("source_file") + " " + field + ": expected '"
                            + e.get(field) + "' but was '" + a.get(field) + "'");
                }
            }
            perAgency.merge(e.get("agency_code"), 1, Integer::sum);
        }
        assertThat(mismatches).isEmpty();
        assertThat(perAgency).containsKeys("TX-DALLAS", "OH-ICAC", "FL-MIAMI", "WA-SEATTLE", "GA-GBI", "AZ-PHX");
        assertThat(perAgency.values()).allMatch(n -> n >= 3);
    }

    @Test
    void reconcilesEveryFileToTheExpectedCounts() throws IOException {
        JsonNode summary = firstSummary;
        Map<String, long[]> expected = new HashMap<>();
        for (CSVRecord r : csv(Path.of("src/test/resources/samples/expected-counts.csv"))) {
            if (!r.get("read").equals("true")) {
                continue;
            }
            long[] c = expected.computeIfAbsent(r.get("source_file"), k -> new long[3]);
            c[0] += Long.parseLong(r.get("written"));
            c[1] += Long.parseLong(r.get("rejected"));
            c[2] += Long.parseLong(r.get("skipped_blank"))
                    + Long.parseLong(r.get("skipped_total"))
                    + Long.parseLong(r.get("skipped_repeated_header"));
        }
        assertThat(summary.get("totals").get("reconciles").asBoolean()).isTrue();
        assertThat(summary.get("files")).hasSize(expected.size());
        for (JsonNode f : summary.get("files")) {
            long[] e = expected.get(f.get("file").asString());
            assertThat(f.get("reconciles").asBoolean()).isTrue();
            assertThat(new long[] {
                        f.get("records_written").asLong(),
                        f.get("rows_rejected").asLong(),
                        f.get("rows_skipped").asLong()
                    })
                    .as(f.get("file").asString())
                    .containsExactly(e);
        }
    }

    @Test
    void aSecondRunLoadsNothingAgainAndPublishesByteIdenticalFiles() throws IOException {
        int exit = installation.run("run", "--as-of", "2025-11-25");
        assertThat(exit).isZero();
        assertThat(Files.readAllBytes(installation.output.resolve("feedback.csv")))
                .isEqualTo(firstFeedback);
        for (String f : PUBLISHED) {
            assertThat(Files.readAllBytes(installation.output.resolve(f))).as(f).isEqualTo(firstPublished.get(f));
        }
    }

    @Test
    void everyPublishedCsvConformsToTheDataPackage() throws Exception {
        JsonNode pkg = JsonMapper.builder()
                .build()
                .readTree(installation.output.resolve("datapackage.json").toFile());
        int checked = 0;
        for (JsonNode resource : pkg.get("resources")) {
            Path csv = installation.output.resolve(resource.get("path").asString());
            assertThat(org.feedbackharmonizer.publish.DataPackageTest.validate(csv, resource.get("schema")))
                    .as(csv.getFileName().toString())
                    .isEmpty();
            checked++;
        }
        assertThat(checked).isEqualTo(6);
    }

    @Test
    void noPersonalValueOrRawReportNumberReachesAnOutputOrTheDatabase() throws Exception {
        List<String> secrets = new ArrayList<>();
        for (String s : Files.readAllLines(Path.of("src/test/resources/samples/personal-values.txt"))) {
            if (s.strip().length() >= 6) {
                secrets.add(s.strip());
            }
        }
        secrets.addAll(Files.readAllLines(Path.of("src/test/resources/samples/report-numbers.txt")).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList());
        assertThat(secrets).hasSizeGreaterThan(500);
        StringBuilder everything = new StringBuilder();
        try (Stream<Path> files = Files.walk(installation.output)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                everything.append(Files.readString(f)).append('\n');
            }
        }
        try (Connection c = DriverManager.getConnection(installation.jdbcUrl(), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SCRIPT")) {
            while (rs.next()) {
                everything.append(rs.getString(1)).append('\n');
            }
        }
        // the history is stored deflated, where a plain search of the dump cannot see: read it decoded too
        installation.observations().forEach(o -> everything.append(o.record()).append('\n'));
        String all = everything.toString();
        assertThat(all).contains("AZ-PHX"); // the dump is not empty
        List<String> leaked = secrets.stream().filter(all::contains).toList();
        assertThat(leaked).isEmpty();
    }
}
