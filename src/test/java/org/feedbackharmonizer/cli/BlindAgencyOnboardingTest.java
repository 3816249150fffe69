package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.feedbackharmonizer.deidentify.Pseudonymizer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Agencies' files written blind by someone who never saw the config language, each with its steward's notes,
 * onboarded with one YAML file; every referral comes out as the notes say it should ({@code truth.csv}: the
 * fields it names, per report number, and the rows that must be rejected).
 *
 * <ul>
 *   <li>{@code blind-agency}: UTF-16 semicolon "print to CSV" pages, repeated headers, code legends, free-text
 *       yes/no, two page layouts in one export;
 *   <li>{@code blind-agency-2}: a spreadsheet saved as CSV (title block, two-row header, quarter labels, totals,
 *       a notes block) and then the agency's new system's pipe-delimited windows-1252 extract with one line per
 *       suspect: two layouts under one code;
 *   <li>{@code blind-agency-3}: a fiscal-year workbook, a tab per month kept by two clerks (date cells and
 *       TRUE/FALSE, then text dates and Y/N), merged two-row headers, formula columns, two report numbers in a
 *       cell, voided rows the agency wants rejected, and the as-of date on a README tab;
 *   <li>{@code blind-agency-4}: an event log, one row per event on a tip, the rows of many tips interleaved by event
 *       date, whose answer per tip needs all its rows taken together ({@code files.repeated_report: merge}); an
 *       impossible date, an event not on the clerk's list and a tip number with a letter O, each a reject;
 *   <li>{@code blind-agency-5}: Spanish-language legacy XLS, a sheet per office, checkmark columns, day-first
 *       dates with Spanish month abbreviations ({@code values.month_names}), a quarter in the file name;
 *   <li>{@code blind-agency-6}: a tab-separated step report with quoted multi-line cells, a date per step
 *       ({@code dated}), no outcome column (the clerk's ordered rule over eight columns: {@code first_of}), and
 *       headings renamed and reordered by a vendor upgrade ({@code layouts}).
 * </ul>
 */
class BlindAgencyOnboardingTest {
    private static final List<String> NOT_COMPARED = List.of("report_number", "expected");

    @ParameterizedTest
    @CsvSource({
        "blind-agency, 2025-11-25",
        "blind-agency-2, 2024-12-31",
        "blind-agency-3, 2025-07-31",
        "blind-agency-4, 2025-10-31",
        "blind-agency-5, 2025-07-31",
        "blind-agency-6, 2025-07-31"
    })
    void mapsEveryReferralAsTheStewardsNotesSay(String fixture, String asOf, @TempDir Path tmp) throws Exception {
        Path dir = Path.of("src/test/resources", fixture);
        SampleRun.copyTree(dir.resolve("config"), tmp.resolve("config"));
        SampleRun.copyTree(dir.resolve("input"), tmp.resolve("input"));
        Files.writeString(tmp.resolve("config/harmonizer.yml"), "data_dir: " + tmp.resolve("data") + "\n");
        int exit = SampleRun.runFolder(tmp, asOf);
        assertThat(exit).isZero();

        Pseudonymizer p = org.feedbackharmonizer.deidentify.KeyFile.resolve(
                        tmp.resolve("data/pseudonymization.key"), Map.of())
                .pseudonymizer();
        Map<String, CSVRecord> written = new HashMap<>();
        for (CSVRecord r : NightlyRunTest.csv(tmp.resolve("output/feedback.csv"))) {
            written.put(r.get("referral_key"), r);
        }
        List<CSVRecord> truth = NightlyRunTest.csv(dir.resolve("truth.csv"));
        List<String> compared = truth.get(0).getParser().getHeaderNames().stream()
                .filter(c -> !NOT_COMPARED.contains(c))
                .toList();
        long expectedWritten =
                truth.stream().filter(t -> t.get("expected").equals("written")).count();
        assertThat(written).hasSize((int) expectedWritten);
        assertThat(NightlyRunTest.csv(tmp.resolve("output/rejects.csv"))).hasSize(truth.size() - (int) expectedWritten);
        List<String> mismatches = new ArrayList<>();
        for (CSVRecord t : truth) {
            if (!t.get("expected").equals("written")) {
                continue;
            }
            CSVRecord a = written.get(p.referralKey(t.get("report_number")));
            if (a == null) {
                mismatches.add("row for a referral of " + t.get("received_month") + " missing");
                continue;
            }
            for (String f : compared) {
                if (!a.get(f).equals(t.get(f))) {
                    mismatches.add(t.get("report_number") + " " + f + ": expected '" + t.get(f) + "' but was '"
                            + a.get(f) + "' (outcome " + t.get("outcome") + ")");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
