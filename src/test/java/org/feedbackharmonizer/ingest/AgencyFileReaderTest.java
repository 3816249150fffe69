package org.feedbackharmonizer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.AgencyConfigLoader;
import org.feedbackharmonizer.config.ConfigProblems;
import org.feedbackharmonizer.mapping.RowResult;
import org.feedbackharmonizer.mapping.UnmappedLabels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-file refusals that depend on the agency's configuration, and the header under title rows. */
class AgencyFileReaderTest {
    @TempDir
    Path tmp;

    static AgencyConfig agency(Path dir, String yaml) throws Exception {
        Path f = dir.resolve("TEST.yml");
        Files.writeString(f, yaml);
        ConfigProblems problems = new ConfigProblems();
        AgencyConfig config = new AgencyConfigLoader().load(f, problems);
        assertThat(problems.problems()).isEmpty();
        return config;
    }

    static final String CONFIG = """
            agency: TEST
            jurisdiction: US-ZZ
            agreement: { id: DSA-T, effective: 2025-01-01, expires: 2025-12-31, cadence: monthly }
            files:
              glob: "*.csv"
              as_of: { from_name: '(\\d{4}-\\d{2}-\\d{2})' }
            fields:
              report_number: { column: Report }
              status: { column: Status, map: { Open: OPEN, Closed: CLOSED } }
            """;

    private AgencyFileReader.Reading read(String name, String content, List<RowResult> rows) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Inbox inbox = new Inbox(tmp);
        return new AgencyFileReader(ReadLimits.DEFAULT)
                .read(inbox.identify("TEST", file), agency(tmp, CONFIG), n -> "k" + n, new UnmappedLabels(), rows::add);
    }

    @Test
    void findsTheHeaderUnderTitleRowsAndReadsTheAsOfDateFromTheName() throws Exception {
        List<RowResult> rows = new ArrayList<>();
        var reading = read("t-2025-03-31.csv", "Outcomes of referrals\n\nReport,Status\n123456789,Open\n", rows);
        assertThat(reading.headers().get(0).header().rowNumber()).isEqualTo(3);
        assertThat(reading.asOf().date()).hasToString("2025-03-31");
        assertThat(reading.asOf().source()).isEqualTo("file name");
        assertThat(rows).hasSize(1).first().isInstanceOf(RowResult.Written.class);
    }

    private AgencyFileReader.Reading readWithTrailer(String content, List<RowResult> rows) throws Exception {
        Path file = tmp.resolve("t-2025-03-31.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        String config = CONFIG.replace(
                "  glob: \"*.csv\"\n", "  glob: \"*.csv\"\n  trailer: '(?i)^END OF REPORT\\s+(\\d+) records'\n");
        return new AgencyFileReader(ReadLimits.DEFAULT)
                .read(
                        new Inbox(tmp).identify("TEST", file),
                        agency(tmp, config),
                        n -> "k" + n,
                        new UnmappedLabels(),
                        rows::add);
    }

    @Test
    void skipsATrailerThatCountsTheRecordsRead() throws Exception {
        List<RowResult> rows = new ArrayList<>();

        var reading = readWithTrailer(
                "Report,Status\n123456789,Open\n\n,\nReport,Status\n123456790,Lost\nEND OF REPORT  2 records\n", rows);

        assertThat(reading.rowsRead()).isEqualTo(6);
        assertThat(rows.stream()
                        .map(r -> r.getClass().getSimpleName()
                                + (r instanceof RowResult.Skipped s ? " " + s.rule() : "")))
                .containsExactly(
                        "Written",
                        "Skipped blank row",
                        "Skipped blank row",
                        "Skipped repeated header",
                        "Rejected",
                        "Skipped trailer");
    }

    @Test
    void refusesAFileWhoseTrailerCountsOtherRecordsThanWereRead() {
        assertThatThrownBy(() ->
                        readWithTrailer("Report,Status\n123456789,Open\nEND OF REPORT  3 records\n", new ArrayList<>()))
                .isInstanceOfSatisfying(FileRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(RefusalReason.CUT_SHORT);
                    assertThat(e.getMessage())
                            .startsWith("t-2025-03-31.csv: the trailer says 3 records, 1 were read; the file does not"
                                    + " end as its trailer says");
                });
    }

    @Test
    void refusesAFileThatEndsWithoutItsTrailer() {
        assertThatThrownBy(
                        () -> readWithTrailer("Report,Status\n123456789,Open\n123456790,Closed\n", new ArrayList<>()))
                .isInstanceOfSatisfying(FileRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(RefusalReason.CUT_SHORT);
                    assertThat(e.getMessage())
                            .startsWith("t-2025-03-31.csv: no trailer row matching files.trailer"
                                    + " '(?i)^END OF REPORT\\s+(\\d+) records' after 2 records");
                });
    }

    @Test
    void findsTheAsOfDateOnTheReadmeTabTheConfigNames() throws Exception {
        Path fixture = Path.of("src/test/resources/blind-agency-3");
        ConfigProblems problems = new ConfigProblems();
        AgencyConfig agency =
                new AgencyConfigLoader().load(fixture.resolve("config/agencies/nh-granitevalley.yml"), problems);
        assertThat(problems.problems()).isEmpty();
        Path workbook = fixture.resolve("input/gvicac/GVICAC_CyberTip_Dispositions_FY2025.xlsx");
        Inbox inbox = new Inbox(fixture.resolve("input"));

        var reading = new AgencyFileReader(ReadLimits.DEFAULT)
                .read(
                        inbox.identify("nh-granitevalley", workbook),
                        agency,
                        n -> "k" + n,
                        new UnmappedLabels(),
                        r -> {});

        assertThat(reading.asOf().date()).hasToString("2025-07-15");
        assertThat(reading.asOf().source()).isEqualTo("as_of sheet, row 4");
        assertThat(reading.sheets()).doesNotContain("sheet 1"); // the README tab gives a date, not rows
    }

    @Test
    void refusesAFileWithOnlyAHeader() {
        assertThatThrownBy(() -> read("t-2025-03-31.csv", "Report,Status\n", new ArrayList<>()))
                .isInstanceOfSatisfying(FileRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(RefusalReason.NO_DATA);
                    assertThat(e.getMessage()).startsWith("t-2025-03-31.csv: only a header was found");
                });
    }

    @Test
    void refusesAFileWhoseHeaderCannotBeFound() {
        assertThatThrownBy(() -> read("t-2025-03-31.csv", "Case,Name\n1,x\n", new ArrayList<>()))
                .isInstanceOfSatisfying(FileRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(RefusalReason.NO_HEADER);
                    assertThat(e.getMessage()).contains("has 2 of the 2 configured column names");
                });
    }

    @Test
    void refusesAFileWhoseAsOfDateIsOutsideTheAgreement() {
        assertThatThrownBy(() -> read("t-2026-03-31.csv", "Report,Status\n123456789,Open\n", new ArrayList<>()))
                .isInstanceOfSatisfying(FileRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(RefusalReason.OUTSIDE_AGREEMENT);
                    assertThat(e.getMessage()).contains("2026-03-31", "DSA-T");
                });
    }

    /**
     * The blind event log (blind-agency-4): dated by the quarter in its name, its 198 rows merged into one record per
     * tip, after the last row; the three rows the clerk asked to hear of are rejected with their row and column.
     */
    @Test
    void mergesTheBlindEventLogIntoOneRecordPerTipAfterItsLastRow() throws Exception {
        Path fixture = Path.of("src/test/resources/blind-agency-4");
        ConfigProblems problems = new ConfigProblems();
        AgencyConfig agency =
                new AgencyConfigLoader().load(fixture.resolve("config/agencies/tx-tririvermetro.yml"), problems);
        assertThat(problems.problems()).isEmpty();
        Path log = fixture.resolve("input/trm/TRMPD_CT_events_2025Q3.csv");
        List<RowResult> rows = new ArrayList<>();

        var reading = new AgencyFileReader(ReadLimits.DEFAULT)
                .read(
                        new Inbox(fixture.resolve("input")).identify("tx-tririvermetro", log),
                        agency,
                        n -> "k" + n,
                        new UnmappedLabels(),
                        rows::add);

        assertThat(reading.asOf().date()).hasToString("2025-09-30");
        assertThat(reading.rowsRead()).isEqualTo(198);
        assertThat(rows.stream().filter(r -> r instanceof RowResult.Merged)).hasSize(195);
        assertThat(rows.subList(198, rows.size())).hasSize(46).allMatch(r -> r instanceof RowResult.MergedRecord);
        assertThat(rows.stream()
                        .filter(r -> r instanceof RowResult.Rejected)
                        .map(r -> ((RowResult.Rejected) r).reject())
                        .map(r -> "row " + r.source().row() + " " + r.column() + " " + r.reason()))
                .containsExactly(
                        "row 7 Event Date BAD_DATE", // 30 February
                        "row 11 Event Type UNMAPPED_LABEL", // EVIDENCE TO LAB
                        "row 162 Tip Number REPORT_NUMBER_INVALID"); // a letter O
    }

    @Test
    void refusesAMergedFileThatNamesMoreReportNumbersThanTheMergeHolds() throws Exception {
        Path file = tmp.resolve("t-2025-03-31.csv");
        Files.writeString(file, "Report,Status\n111111111,Open\n222222222,Open\n111111111,Closed\n333333333,Open\n");
        String config = CONFIG.replace("  glob: \"*.csv\"\n", "  glob: \"*.csv\"\n  repeated_report: merge\n");

        assertThatThrownBy(() -> new AgencyFileReader(new ReadLimits(32_767, 1_000_000, 1_000, 2L << 30, 0.005, 2))
                        .read(
                                new Inbox(tmp).identify("TEST", file),
                                agency(tmp, config),
                                n -> "k" + n,
                                new UnmappedLabels(),
                                r -> {}))
                .isInstanceOfSatisfying(FileRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(RefusalReason.TOO_MANY_REPORTS);
                    assertThat(e.getMessage())
                            .isEqualTo("t-2025-03-31.csv: more than 2 report numbers under files.repeated_report:"
                                    + " merge; " + RefusalReason.TOO_MANY_REPORTS.hint());
                });
    }
}
