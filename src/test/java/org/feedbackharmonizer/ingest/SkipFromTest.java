package org.feedbackharmonizer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.feedbackharmonizer.mapping.RowResult;
import org.feedbackharmonizer.mapping.UnmappedLabels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skip.from}: the first row it matches ends its sheet's data; the next sheet is read as usual. */
class SkipFromTest {
    @TempDir
    Path tmp;

    private static final String CONFIG = """
            agency: TEST
            jurisdiction: US-ZZ
            agreement: { id: DSA-T, effective: 2025-01-01, cadence: monthly }
            files:
              glob: "*.xlsx"
              as_of: { from_name: '(\\d{4}-\\d{2}-\\d{2})' }
            sheets: { pattern: '^Q' }
            skip:
              from: { column: Report, matches: '(?i)^NOTES:' }
            fields:
              report_number: { column: Report }
              status: { column: Status, map: { Open: OPEN, Closed: CLOSED } }
            """;

    @Test
    void skipsFromTheMarkerToTheEndOfItsSheetAndReadsTheNextSheet() throws Exception {
        Path file = tmp.resolve("outcomes-2025-06-30.xlsx");
        WorkbookFixture.xlsx()
                .sheet("Q1")
                .row("Report", "Status")
                .row("111111111", "Open")
                .hiddenRow("Notes:", "")
                .row("1. Tip 222222222 was withdrawn", "")
                .row("222222222", "Closed") // after the marker: skipped although it reads as data
                .sheet("Q2")
                .row("Report", "Status")
                .row("333333333", "Closed")
                .row("NOTES: none", "")
                .write(file);
        List<RowResult> rows = new ArrayList<>();

        var reading = new AgencyFileReader(ReadLimits.DEFAULT)
                .read(
                        new Inbox(tmp).identify("TEST", file),
                        AgencyFileReaderTest.agency(tmp, CONFIG),
                        n -> "k" + n,
                        new UnmappedLabels(),
                        rows::add);

        assertThat(reading.rowsRead()).isEqualTo(6);
        assertThat(rows.stream().map(SkipFromTest::describe).toList())
                .containsExactly(
                        "written k111111111",
                        "skipped skip.from", // a hidden marker counts too
                        "skipped skip.from",
                        "skipped skip.from",
                        "written k333333333",
                        "skipped skip.from");
    }

    private static String describe(RowResult r) {
        if (r instanceof RowResult.Written w) {
            return "written " + w.records().get(0).referralKey();
        }
        return r instanceof RowResult.Skipped s ? "skipped " + s.rule() : "rejected";
    }
}
