package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code files.repeated_report}: which of one file's rows for a referral is current. The later as-of date still
 * wins between files, in the first load and in the nightly refresh of an agency that has current rows.
 */
class RepeatedReportRunTest {
    private static final String AGENCY = OneAgencyRun.HEAD + """
            fields:
              report_number: { column: Report }
              outcome:
                column: Outcome
                map: { Identified: SUBJECT_IDENTIFIED, Arrested: ARREST, Charged: CHARGED, Open: UNDER_INVESTIGATION }
            """;

    /** Referral 111111111 on lines 2, 4 and 5, one line per suspect; 222222222 once, between them. */
    private static final String SUSPECTS = """
            Report,Outcome
            111111111,Identified
            222222222,Open
            0111111111,Arrested
            111111111,Charged
            """;

    @ParameterizedTest(name = "repeated_report: {0} -> {1}")
    @CsvSource({
        "'',    CHARGED from row 5 as of 2025-06-30", // the default
        "last,  CHARGED from row 5 as of 2025-06-30",
        "first, SUBJECT_IDENTIFIED from row 2 as of 2025-06-30"
    })
    void theSettingPicksTheRowOfAReferralOnThreeRows(String setting, String winner, @TempDir Path tmp)
            throws Exception {
        String agency =
                setting.isEmpty() ? AGENCY : AGENCY.replace("fields:", "  repeated_report: " + setting + "\nfields:");
        OneAgencyRun s = new OneAgencyRun(tmp, agency);
        s.file("suspects-2025-06-30.csv", SUSPECTS);

        assertThat(s.run("run", "--as-of", OneAgencyRun.AS_OF)).isZero();

        assertThat(current(s, "111111111")).isEqualTo(winner);
        assertThat(current(s, "222222222")).isEqualTo("UNDER_INVESTIGATION from row 3 as of 2025-06-30");
        assertThat(s.feedback()).hasSize(2);
    }

    /**
     * Merged, a referral's rows make one record whose source row is its last: the furthest outcome, not the last
     * row's; the history holds that record, one per referral, in the order of their last rows.
     */
    @Test
    void mergeWritesOneRecordPerReferralFromAllItsRows(@TempDir Path tmp) throws Exception {
        OneAgencyRun s = new OneAgencyRun(tmp, AGENCY.replace("fields:", "  repeated_report: merge\nfields:"));
        s.file("events-2025-06-30.csv", """
                Report,Outcome
                111111111,Charged
                222222222,Open
                111111111,Identified
                """);

        assertThat(s.run("run", "--as-of", OneAgencyRun.AS_OF)).isZero();

        assertThat(current(s, "111111111")).isEqualTo("CHARGED from row 4 as of 2025-06-30");
        assertThat(current(s, "222222222")).isEqualTo("UNDER_INVESTIGATION from row 3 as of 2025-06-30");
        assertThat(history(s)).containsExactly("row 3 seq 0", "row 4 seq 1");
        assertThat(s.summary().at("/totals/rows_written").asLong()).isEqualTo(3);
        assertThat(s.summary().at("/totals/records_written").asLong()).isEqualTo(2);
    }

    /** The history keeps every row; a rerun after the change rewrites it in the new order, with nothing left over. */
    @Test
    void aRerunAfterTheSettingChangesPicksTheOtherRowAndKeepsEveryRowInTheHistory(@TempDir Path tmp) throws Exception {
        OneAgencyRun s = new OneAgencyRun(tmp, AGENCY);
        s.file("suspects-2025-06-30.csv", SUSPECTS);
        assertThat(s.run("run", "--as-of", OneAgencyRun.AS_OF)).isZero();
        assertThat(history(s)).containsExactly("row 2 seq 0", "row 3 seq 1", "row 4 seq 2", "row 5 seq 3");

        s.agency(first(AGENCY));
        assertThat(s.run("rerun", "--agency", "TEST", "--as-of", OneAgencyRun.AS_OF))
                .isZero();

        assertThat(current(s, "111111111")).isEqualTo("SUBJECT_IDENTIFIED from row 2 as of 2025-06-30");
        assertThat(history(s)).containsExactly("row 2 seq -1", "row 3 seq -2", "row 4 seq -3", "row 5 seq -4");
        assertThat(s.feedback()).hasSize(2);
    }

    /**
     * A later night brings an older file, then a newer one: the nightly refresh recomputes the referral from the
     * whole history each time, and the first-row file's choice holds until a later as-of date replaces it.
     */
    @Test
    void betweenFilesTheLaterAsOfDateWinsOverEitherRow(@TempDir Path tmp) throws Exception {
        OneAgencyRun s = new OneAgencyRun(tmp, first(AGENCY));
        s.file("suspects-2025-06-30.csv", SUSPECTS);
        assertThat(s.run("run", "--as-of", OneAgencyRun.AS_OF)).isZero();

        s.file("suspects-2025-03-31.csv", "Report,Outcome\n111111111,Open\n");
        assertThat(s.run("run", "--as-of", OneAgencyRun.AS_OF)).isZero();
        assertThat(current(s, "111111111")).isEqualTo("SUBJECT_IDENTIFIED from row 2 as of 2025-06-30");

        s.file("suspects-2025-09-30.csv", "Report,Outcome\n111111111,Charged\n111111111,Arrested\n");
        assertThat(s.run("run", "--as-of", OneAgencyRun.AS_OF)).isZero();
        assertThat(current(s, "111111111")).isEqualTo("CHARGED from row 2 as of 2025-09-30");
        assertThat(s.feedback()).hasSize(2);
    }

    private static String first(String agency) {
        return agency.replace("fields:", "  repeated_report: first\nfields:");
    }

    /** The published row of a referral: its outcome, source row and as-of date. */
    private static String current(OneAgencyRun s, String reportNumber) throws Exception {
        String key = s.pseudonymizer().referralKey(reportNumber);
        List<CSVRecord> rows = s.feedback().stream()
                .filter(r -> r.get("referral_key").equals(key))
                .toList();
        assertThat(rows).hasSize(1);
        CSVRecord r = rows.get(0);
        return r.get("outcome") + " from row " + r.get("source_row") + " as of " + r.get("as_of_date");
    }

    /** The history's observations, in the order stored, by source row and stored sequence. */
    private static List<String> history(OneAgencyRun s) {
        return s.observations().stream()
                .map(o -> "row " + o.record().sourceRow() + " seq " + o.sequence())
                .toList();
    }
}
