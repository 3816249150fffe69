package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PreviewCommandTest {

    private static final Map<String, String> AGENCY_BY_FOLDER = Map.of(
            "dallas", "TX-DALLAS",
            "gbi", "GA-GBI",
            "miami", "FL-MIAMI",
            "ohio", "OH-ICAC",
            "phoenix", "AZ-PHX",
            "seattle", "WA-SEATTLE");

    private static final Pattern RECORDS = Pattern.compile("mapped rows \\(of (\\d+);");
    private static final Pattern RECONCILIATION = Pattern.compile(
            "reconciliation: rows read (\\d+) = written (\\d+) \\+ rejected (\\d+) \\+ skipped (\\d+)\\n");

    @TempDir
    Path dir;

    /** Per sample file: written records, rejected rows, skipped rows, from expected-counts.csv. */
    static Stream<Map.Entry<String, long[]>> expectedCounts() throws IOException {
        Map<String, long[]> expected = new LinkedHashMap<>();
        try (var reader = Files.newBufferedReader(Path.of("src/test/resources/samples/expected-counts.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
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
        }
        return expected.entrySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedCounts")
    void printsTheExpectedCountsOfEverySample(Map.Entry<String, long[]> expected) {
        CommandOutput run = preview(expected.getKey(), "--rows", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher records = RECORDS.matcher(run.out());
        Matcher counts = RECONCILIATION.matcher(run.out());
        assertThat(records.find()).isTrue();
        assertThat(counts.find()).as("reconciles").isTrue();
        long written = Long.parseLong(records.group(1));
        long rejected = Long.parseLong(counts.group(3));
        long skipped = Long.parseLong(counts.group(4));
        assertThat(new long[] {written, rejected, skipped}).containsExactly(expected.getValue());
        assertThat(Long.parseLong(counts.group(1))).isEqualTo(Long.parseLong(counts.group(2)) + rejected + skipped);
    }

    @Test
    void showsTheAsOfDateHeaderRejectsAndUnmappedLabelsOfTheDallasSample() {
        CommandOutput run = preview("dallas/dallas-outcomes-2025-10-31.xlsx");

        assertThat(run.out()).contains("as-of date: 2025-10-31 (from the file name)");
        assertThat(run.out()).contains("sheet 'sheet 1': header ends at row 5");
        assertThat(run.out()).contains("first 20 mapped rows (of 53;");
        assertThat(run.out()).contains("row 50  column 'Disposition'  UNMAPPED_LABEL");
        assertThat(run.out()).contains("outcome (column 'Disposition'): \"See attached memo\" 1");
        assertThat(run.out()).contains("skipped by blank row: 3");
        assertThat(run.out()).contains("skipped by skip.when[0] (column 'CyberTip #' matches '(?i)^total'): 1");
    }

    @Test
    void neverPrintsAReferralKeyAReportNumberOrAPersonalValue() throws IOException {
        List<String> secrets = Stream.concat(
                        Files.readAllLines(
                                Path.of("src/test/resources/samples/personal-values.txt"), StandardCharsets.UTF_8)
                                .stream(),
                        Files.readAllLines(Path.of("src/test/resources/samples/report-numbers.txt")).stream())
                .map(String::strip)
                .filter(s -> s.length() >= 4)
                .toList();
        StringBuilder all = new StringBuilder();
        for (String file : expectedCounts().map(Map.Entry::getKey).toList()) {
            all.append(preview(file, "--rows", "1000").out());
            all.append(CommandOutput.run("inspect", "input-samples/" + file).out());
        }
        String out = all.toString();

        assertThat(out).doesNotContainPattern("\\b[0-9a-f]{32}\\b");
        List<String> leaked = secrets.stream().filter(out::contains).distinct().toList();
        assertThat(leaked).isEmpty();
    }

    /** Merged, a record per report number: its last row and how many rows it was made from. */
    @Test
    void showsEachMergedRecordWithItsLastRowAndHowManyRowsMadeIt() throws IOException {
        OneAgencyRun s = new OneAgencyRun(dir, OneAgencyRun.HEAD + """
                  repeated_report: merge
                fields:
                  report_number: { column: Report }
                  outcome: { column: Event, map: { Assigned: UNDER_INVESTIGATION, Arrest: ARREST } }
                """);
        Path log = s.file("events-2025-06-30.csv", """
                Report,Event
                111111111,Assigned
                222222222,Assigned
                111111111,Arrest
                333333333,Lost
                111111111,Assigned
                """);

        CommandOutput run = s.preview(log);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("files.repeated_report: merge: each report number's rows are taken together into one"
                        + " record; ROW is its last row, and how many rows it was made from")
                .contains("first 2 mapped records (of 2; referral keys are not shown):")
                .containsPattern("\\n  3 \\(1 row\\) +UNKNOWN +UNDER_INVESTIGATION ")
                .containsPattern("\\n  6 \\(3 rows\\) +UNKNOWN +ARREST ")
                .contains("row 5  column 'Event'  UNMAPPED_LABEL")
                .contains("reconciliation: rows read 5 = written 4 + rejected 1 + skipped 0\n")
                .contains("  written rows make 2 records (one per report number: rows merged)");
    }

    @Test
    void refusesAFileItCannotReadWithOneLineAndExitCode2() throws IOException {
        Path bogus = dir.resolve("dallas-outcomes-2025-10-31.xlsx");
        Files.writeString(bogus, "Name,Email\nsomeone,someone@example.com\n");

        CommandOutput run = CommandOutput.run("preview", "--agency", "TX-DALLAS", bogus.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.QUARANTINED);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err())
                .contains("file refused: dallas-outcomes-2025-10-31.xlsx")
                .doesNotContain("someone");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void exits64OnAConfigurationProblem() throws IOException {
        Files.createDirectories(dir.resolve("agencies"));
        Files.writeString(dir.resolve("agencies/BAD.yml"), "agency: BAD\nfields: {}\n");

        CommandOutput run = CommandOutput.run(
                "preview",
                "--config",
                dir.toString(),
                "--agency",
                "BAD",
                "input-samples/gbi/GBI_CEACC_Outcomes_Q2-2025.xls");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void exits64ForAnAgencyThatIsNotConfigured() {
        CommandOutput run =
                CommandOutput.run("preview", "--agency", "XX-NONE", "input-samples/gbi/GBI_CEACC_Outcomes_Q2-2025.xls");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no agency 'XX-NONE'");
    }

    private static CommandOutput preview(String sampleFile, String... more) {
        String agency = AGENCY_BY_FOLDER.get(sampleFile.substring(0, sampleFile.indexOf('/')));
        String[] args = Stream.concat(
                        Stream.of("preview", "--agency", agency, "input-samples/" + sampleFile), Stream.of(more))
                .toArray(String[]::new);
        return CommandOutput.run(args);
    }
}
