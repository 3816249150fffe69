package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A notes block under the table, ended by {@code skip.from}: skipped and counted, in the run and in preview. */
class SkipFromRunTest {
    private static final String AGENCY = OneAgencyRun.HEAD + """
            skip:
              from: { column: Report, matches: '(?i)^NOTES:' }
            fields:
              report_number: { column: Report }
              status: { column: Status, map: { Open: OPEN, Closed: CLOSED } }
            """;

    /** Three referrals, a blank line, then notes: a line that reads like a referral is part of them too. */
    private static final String FILE = """
            Report,Status
            111111111,Open
            222222222,Closed

            333333333,Open
            NOTES:,
            1. Tip 444444444 was sent twice,
            444444444,Closed

            2. Status as of the end of the quarter,
            """;

    @Test
    void skipsEveryLineFromTheNotesMarkerAndTheRunStillReconciles(@TempDir Path tmp) throws Exception {
        OneAgencyRun s = new OneAgencyRun(tmp, AGENCY);
        s.file("outcomes-2025-06-30.csv", FILE);

        assertThat(s.run("run", "--as-of", OneAgencyRun.AS_OF)).isZero();

        JsonNode file = s.summary().get("files").get(0);
        assertThat(file.get("rows_read").asLong()).isEqualTo(9);
        assertThat(file.get("rows_written").asLong()).isEqualTo(3);
        assertThat(file.get("rows_rejected").asLong()).isZero();
        assertThat(file.get("rows_skipped").asLong()).isEqualTo(6); // a blank line, then the marker and the 4 after it
        assertThat(file.get("reconciles").asBoolean()).isTrue();
        assertThat(s.feedback()).hasSize(3);
    }

    @Test
    void previewCountsTheNotesBlockUnderItsRule(@TempDir Path tmp) throws Exception {
        OneAgencyRun s = new OneAgencyRun(tmp, AGENCY);
        Path file = s.file("outcomes-2025-06-30.csv", FILE);

        CommandOutput preview = s.preview(file);

        assertThat(preview.exitCode()).as(preview.err()).isZero();
        assertThat(preview.out())
                .contains("reconciliation: rows read 9 = written 3 + rejected 0 + skipped 6\n")
                .contains("  skipped by blank row: 1\n")
                .contains("  skipped by skip.from (from the first row whose column 'Report' matches '(?i)^NOTES:',"
                        + " to the end of the sheet): 5\n")
                .contains("rejects: 0\n");
    }

    @Test
    void warnsWhenTheMarkersColumnIsNotInTheHeader(@TempDir Path tmp) throws Exception {
        OneAgencyRun s = new OneAgencyRun(tmp, AGENCY.replace("column: Report, matches", "column: Remarks, matches"));
        Path file = s.file("outcomes-2025-06-30.csv", FILE);

        CommandOutput preview = s.preview(file);

        assertThat(preview.out())
                .contains("warning: outcomes-2025-06-30.csv: configured column not found: skip.from (column"
                        + " 'Remarks')\n");
    }
}
