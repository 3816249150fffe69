package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agency that moved from a spreadsheet saved as CSV to its new case system's pipe-delimited windows-1252
 * extract: one code, one agreement, two layouts, and the newer file's row wins for a referral in both.
 */
class AgencyLayoutsTest {
    private static final String CONFIG = """
            agency: ZZ-COAST
            jurisdiction: US-ZZ-COAST
            agreement: { id: DSA-ZZ, effective: 2024-01-01, cadence: quarterly }
            layouts:
              - files:
                  glob: "coast/extract_*.txt"
                  format: csv
                  charset: windows-1252
                  delimiter: "|"
                  as_of: { from_name: '(\\d{8})', patterns: [yyyyMMdd] }
                header: { row: 2 }
                skip:
                  when:
                    - { column: TIP_NO, matches: '^END OF REPORT' }
                values: { dates: [yyyyMMdd] }
                fields:
                  report_number: TIP_NO
                  received_date: RECV_DT
                  status: { column: CASE_STATUS, map: { OPN: OPEN, CLS: CLOSED } }
              - files:
                  glob: "coast/outcomes_*.csv"
                  as_of: { from_name: '(\\d{4}-\\d{2}-\\d{2})', patterns: [yyyy-MM-dd] }
                values: { dates: [MM/dd/yyyy] }
                fields:
                  report_number: { column: "CT Rpt #" }
                  received_date: { column: Rcvd }
                  status: { column: Status, map: { Open: OPEN, Closed: CLOSED } }
            """;

    @TempDir
    Path tmp;

    @BeforeEach
    void anInboxWithBothLayouts() throws Exception {
        Files.createDirectories(tmp.resolve("config/agencies"));
        Files.createDirectories(tmp.resolve("input/coast"));
        Files.writeString(tmp.resolve("config/agencies/ZZ-COAST.yml"), CONFIG);
        Files.writeString(tmp.resolve("config/harmonizer.yml"), "data_dir: " + tmp.resolve("data") + "\n");
        Files.writeString(tmp.resolve("config/ledger.yml"), """
                glob: "ledger/*.csv"
                columns:
                  report_number: CyberTipline Report Number
                  made_available: Date Made Available
                  agency: Agency Code
                  jurisdiction: Jurisdiction
                """);
        Files.writeString(
                tmp.resolve("input/coast/outcomes_2024-06-30.csv"),
                "CT Rpt #,Rcvd,Status,Suspect Name\n"
                        + "201000001,03/05/2024,Open,José Example\n"
                        + "201000002,04/01/2024,Closed,Jordan Example\n");
        Files.write(
                tmp.resolve("input/coast/extract_20241007.txt"),
                ("CPRICAC CT OUTCOMES RUN 10/07/2024\r\n"
                                + "TIP_NO|RECV_DT|CASE_STATUS|SUSP_NAME\r\n"
                                + "0201000001|20240305|CLS|José Example\r\n"
                                + "0201000003|20240801|OPN|Zoë Example\r\n"
                                + "END OF REPORT  2 records\r\n")
                        .getBytes(Charset.forName("windows-1252")));
    }

    @Test
    void loadsEachFileWithItsLayoutUnderTheOneAgency() throws Exception {
        int exit = SampleRun.runFolder(tmp, "2024-12-31");

        assertThat(exit).isZero();
        List<CSVRecord> feedback = NightlyRunTest.csv(tmp.resolve("output/feedback.csv"));
        assertThat(feedback)
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.get("agency_code")).isEqualTo("ZZ-COAST"));
        assertThat(feedback.stream()
                        .map(r -> r.get("status") + " " + r.get("as_of_date"))
                        .sorted())
                .containsExactly("CLOSED 2024-06-30", "CLOSED 2024-10-07", "OPEN 2024-10-07");
        assertThat(NightlyRunTest.csv(tmp.resolve("output/rejects.csv"))).isEmpty();
        assertThat(Files.readString(tmp.resolve("output/feedback.csv"))).doesNotContain("Example");
    }

    @Test
    void previewPicksTheLayoutWhoseGlobTakesTheFile() {
        CommandOutput txt = CommandOutput.run(
                "preview",
                "--config",
                tmp.resolve("config").toString(),
                "--agency",
                "zz-coast",
                tmp.resolve("input/coast/extract_20241007.txt").toString());
        CommandOutput csv = CommandOutput.run(
                "preview",
                "--config",
                tmp.resolve("config").toString(),
                "--agency",
                "zz-coast",
                tmp.resolve("input/coast/outcomes_2024-06-30.csv").toString());

        assertThat(txt.exitCode()).isZero();
        assertThat(txt.out())
                .startsWith("layout 1 of 2 (files.glob [coast/extract_*.txt])")
                .contains("rows read 3 = written 2 + rejected 0 + skipped 1");
        assertThat(csv.exitCode()).isZero();
        assertThat(csv.out())
                .startsWith("layout 2 of 2 (files.glob [coast/outcomes_*.csv])")
                .contains("rows read 2 = written 2 + rejected 0 + skipped 0");
    }
}
