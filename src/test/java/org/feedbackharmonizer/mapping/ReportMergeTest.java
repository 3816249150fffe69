package org.feedbackharmonizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.AgencyYaml;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.ingest.RawRecord;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.schema.FieldCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code files.repeated_report: merge}: an event log's rows of one report number, taken together. Each example maps
 * the rows of a small log (header first, one event per row) as the job does, and shows every merged record as
 * {@code <report number> row <last row> (<rows>): received status outcome actionable reason warrant arrest charged
 * convicted victims age days}.
 */
class ReportMergeTest {
    @TempDir
    Path tmp;

    /** An event log as an agency might export it: the event names go through the value maps as usual. */
    private static final String EVENT_LOG = """
              repeated_report: merge
            fields:
              report_number: { column: Tip }
              received_date: { column: Date }
              closed_date:   { column: Date, only_when: { status: CLOSED } }
              status:
                column: Event
                map: { "/^CLOSED/": CLOSED, CONVICTED: CLOSED, DECLINED: CLOSED }
                otherwise: OPEN
              outcome:
                column: Event
                map:
                  RECEIVED: UNKNOWN
                  ASSIGNED: UNDER_INVESTIGATION
                  IDENTIFIED: SUBJECT_IDENTIFIED
                  WARRANT: SEARCH_WARRANT_SERVED
                  ARREST: ARREST
                  CHARGED: CHARGED
                  CONVICTED: CONVICTED
                  DECLINED: PROSECUTION_DECLINED
                  CLOSED - NO OFFENSE: NO_ACTION_NO_OFFENSE
                  CLOSED: UNKNOWN
              not_actionable_reason:
                column: Event
                map: { CLOSED - NO OFFENSE: NO_OFFENSE }
                otherwise: unknown
              actionable: { column: Event, map: { IDENTIFIED: "YES" }, otherwise: unknown }
              convicted:  { column: Event, map: { CHARGED: PENDING }, otherwise: unknown }
              victim_count: { column: Victims }
              subject_birth_date: { column: DOB }
            """;

    /**
     * One tip's six events. Its last row alone says only CLOSED (plain), dated March: no outcome, no victims, no age,
     * received 2025-03, 0 days. Taken together: received in January (the RECEIVED row), closed on 1 March, 50 days;
     * the furthest point ARREST, which a plain CLOSED does not undo; no warrant, charge or conviction on a closed tip;
     * the larger victim count; the age on the received date (34: the DOB row is dated when the suspect was 35).
     */
    @Test
    void takesATipsRowsTogetherRatherThanItsLastRow() throws Exception {
        List<String> merged = merge(EVENT_LOG, """
                Tip,Date,Event,Victims,DOB
                111111111,2025-01-10,RECEIVED,,
                111111111,2025-01-12,ASSIGNED,,
                111111111,2025-02-01,IDENTIFIED,3,1990-01-11
                111111111,2025-02-10,WARRANT,1,
                111111111,2025-02-15,ARREST,,
                111111111,2025-03-01,CLOSED,,
                """);

        assertThat(merged)
                .containsExactly("111111111 row 7 (6): 2025-01 CLOSED ARREST YES - YES YES NO NO 2-5 25-34 50");
        assertThat(lastRowAlone(7, "111111111,2025-03-01,CLOSED,,")) // what repeated_report: last would keep
                .isEqualTo("111111111 row 7 (1): 2025-03 CLOSED UNKNOWN UNKNOWN - UNKNOWN UNKNOWN UNKNOWN UNKNOWN"
                        + " UNKNOWN UNKNOWN 0");
    }

    private String lastRowAlone(long number, String csv) throws Exception {
        AgencyConfig agency =
                AgencyYaml.valid(tmp, EVENT_LOG.replace("repeated_report: merge", "repeated_report: last"));
        RowResult r = mapper(agency, null, List.of("Tip", "Date", "Event", "Victims", "DOB"))
                .map(row(number, csv));
        assertThat(r).isInstanceOf(RowResult.Written.class);
        return describe(((RowResult.Written) r).records().get(0), 1);
    }

    /** Two tips whose rows alternate, and a third between them: each comes out as its rows alone would give it. */
    @Test
    void rowsOfOtherTipsInterleavedBetweenATipsRowsDoNotDisturbIt() throws Exception {
        String alone = """
                Tip,Date,Event,Victims,DOB
                111111111,2025-01-10,RECEIVED,,
                111111111,2025-01-12,ASSIGNED,,
                111111111,2025-02-01,IDENTIFIED,3,1990-01-11
                111111111,2025-02-15,ARREST,,
                """;
        String interleaved = """
                Tip,Date,Event,Victims,DOB
                222222222,2025-01-05,RECEIVED,,
                111111111,2025-01-10,RECEIVED,,
                222222222,2025-01-11,ASSIGNED,,
                111111111,2025-01-12,ASSIGNED,,
                333333333,2025-01-20,RECEIVED,6,2001-05-05
                222222222,2025-01-25,CLOSED - NO OFFENSE,0,
                111111111,2025-02-01,IDENTIFIED,3,1990-01-11
                333333333,2025-02-02,CHARGED,,
                222222222,2025-02-03,ASSIGNED,,
                111111111,2025-02-15,ARREST,,
                """;

        List<String> merged = merge(EVENT_LOG, interleaved);

        assertThat(merge(EVENT_LOG, alone))
                .containsExactly("111111111 row 5 (4): 2025-01 OPEN ARREST YES - YES YES UNKNOWN UNKNOWN 2-5 25-34 -");
        assertThat(merged) // in the order of their last rows, each from its own rows only
                .containsExactly(
                        "333333333 row 9 (2): 2025-01 OPEN CHARGED UNKNOWN - YES YES YES PENDING 6+ 18-24 -",
                        "222222222 row 10 (4): 2025-01 CLOSED NO_ACTION_NO_OFFENSE NO NO_OFFENSE NO NO NO NO 0"
                                + " UNKNOWN 20",
                        "111111111 row 11 (4): 2025-01 OPEN ARREST YES - YES YES UNKNOWN UNKNOWN 2-5 25-34 -");
    }

    /**
     * The outcome is the furthest milestone reached, unless an ending (an outcome that is not a milestone) comes
     * after the row that reached it; a later row only climbs past it with a milestone further than any before.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "RECEIVED                                      | UNKNOWN",
                "ASSIGNED, ARREST, ASSIGNED                    | ARREST",
                "WARRANT, CLOSED                               | SEARCH_WARRANT_SERVED",
                "ASSIGNED, IDENTIFIED, CLOSED - NO OFFENSE     | NO_ACTION_NO_OFFENSE",
                "WARRANT, ARREST, DECLINED                     | PROSECUTION_DECLINED",
                "ASSIGNED, CLOSED - NO OFFENSE, ASSIGNED       | NO_ACTION_NO_OFFENSE",
                "ASSIGNED, CLOSED - NO OFFENSE, IDENTIFIED     | SUBJECT_IDENTIFIED",
                "CLOSED - NO OFFENSE, ARREST, DECLINED         | PROSECUTION_DECLINED"
            })
    void theOutcomeIsTheFurthestMilestoneUnlessAnEndingComesAfterIt(String events, String outcome) throws Exception {
        assertThat(outcome(EVENT_LOG, events)).isEqualTo(outcome);
    }

    /** {@code files.merge.milestones} reorders the climb: here a DA's decline no longer ends a charged case. */
    @Test
    void theConfigsMilestonesDecideWhatClimbsAndWhatEnds() throws Exception {
        String declineIsAStep = EVENT_LOG.replace("""
                  repeated_report: merge
                """, """
                  repeated_report: merge
                  merge:
                    milestones: [UNDER_INVESTIGATION, SUBJECT_IDENTIFIED, SEARCH_WARRANT_SERVED, ARREST,
                                 PROSECUTION_DECLINED, CHARGED, CONVICTED]
                """);
        String noMilestones = EVENT_LOG.replace("""
                  repeated_report: merge
                """, """
                  repeated_report: merge
                  merge: { milestones: [] }
                """);

        assertThat(outcome(EVENT_LOG, "CHARGED, DECLINED")).isEqualTo("PROSECUTION_DECLINED");
        assertThat(outcome(declineIsAStep, "CHARGED, DECLINED")).isEqualTo("CHARGED");
        assertThat(outcome(declineIsAStep, "ARREST, DECLINED")).isEqualTo("PROSECUTION_DECLINED");
        assertThat(outcome(noMilestones, "ARREST, ASSIGNED")).isEqualTo("UNDER_INVESTIGATION"); // the last one said
    }

    /**
     * A flag is YES if any row says so (a row's outcome says its own flag); on a closed tip a flag no row says YES
     * of is NO, a pending conviction too; on an open one the outcome's derivations fill what is unknown, as for a
     * single row.
     */
    @ParameterizedTest(name = "{0} -> warrant, arrest, charged, convicted: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ASSIGNED, CHARGED                 | YES YES YES PENDING",
                "ARREST, CHARGED, CONVICTED        | NO YES YES YES",
                "WARRANT, CLOSED                   | YES NO NO NO",
                "CHARGED, DECLINED                 | NO NO YES NO",
                "ASSIGNED, CLOSED - NO OFFENSE     | NO NO NO NO",
                "ASSIGNED                          | UNKNOWN UNKNOWN UNKNOWN UNKNOWN"
            })
    void aFlagIsYesIfAnyRowSaysSoAndNoOnAClosedTipWhereNoneDoes(String events, String flags) throws Exception {
        String[] f = single(EVENT_LOG, events).split(" ");
        assertThat(String.join(" ", Arrays.asList(f).subList(9, 13))).isEqualTo(flags);
    }

    /**
     * A row with an impossible date, or an event the map does not know, is rejected as it would be alone (row and
     * column); the tip's other rows still merge.
     */
    @Test
    void aRejectedRowLeavesTheTipsOtherRowsToMerge() throws Exception {
        List<RowResult> results = new ArrayList<>();
        List<String> merged = merge(EVENT_LOG, """
                Tip,Date,Event,Victims,DOB
                111111111,2025-01-10,RECEIVED,,
                111111111,2025-02-30,ASSIGNED,,
                111111111,2025-02-01,EVIDENCE TO LAB,,
                111111111,2025-02-15,WARRANT,,
                """, results);

        assertThat(rejects(results)).containsExactly("row 3 Date BAD_DATE", "row 4 Event UNMAPPED_LABEL");
        assertThat(merged)
                .containsExactly("111111111 row 5 (2): 2025-01 OPEN SEARCH_WARRANT_SERVED UNKNOWN - YES UNKNOWN UNKNOWN"
                        + " UNKNOWN UNKNOWN UNKNOWN -");
    }

    /**
     * A row that would make the tip's dates disagree (closed before received, born after received) is rejected, the
     * row that comes second; what was merged before stays as it was.
     */
    @Test
    void aRowThatWouldMakeTheTipsDatesDisagreeIsRejected() throws Exception {
        String separateDates = """
                  repeated_report: merge
                fields:
                  report_number: { column: Tip }
                  received_date: { column: Received }
                  closed_date:   { column: Closed }
                  subject_birth_date: { column: DOB }
                """;
        List<RowResult> results = new ArrayList<>();

        List<String> merged = merge(separateDates, """
                Tip,Received,Closed,DOB
                111111111,2025-03-01,,
                111111111,,2025-02-01,
                111111111,,,2025-06-01
                111111111,,2025-03-04,1980-07-01
                """, results);

        assertThat(rejects(results)).containsExactly("row 3 - DATE_ORDER", "row 4 - AGE_IMPLAUSIBLE");
        assertThat(merged)
                .containsExactly("111111111 row 5 (2): 2025-03 CLOSED UNKNOWN UNKNOWN - NO NO NO NO UNKNOWN 35-44 3");
    }

    /** Memory grows with the report numbers of a file, not its rows: beyond the bound the file is refused. */
    @Test
    void holdsNoMoreReportNumbersThanItsBound() throws Exception {
        AgencyConfig agency = AgencyYaml.valid(tmp, EVENT_LOG);
        ReportMerge merge = new ReportMerge(agency.files().merge(), 2);
        RowMapper mapper = mapper(agency, merge, List.of("Tip", "Date", "Event", "Victims", "DOB"));

        mapper.map(row(2, "111111111,2025-01-10,RECEIVED,,"));
        mapper.map(row(3, "222222222,2025-01-10,RECEIVED,,"));
        mapper.map(row(4, "111111111,2025-01-11,ASSIGNED,,"));

        assertThat(merge.size()).isEqualTo(2);
        assertThatThrownBy(() -> mapper.map(row(5, "333333333,2025-01-12,RECEIVED,,")))
                .isInstanceOfSatisfying(
                        ReportMerge.LimitReached.class,
                        e -> assertThat(e.limit()).isEqualTo(2));
    }

    private String outcome(String yaml, String events) throws Exception {
        return single(yaml, events).split(" ")[6];
    }

    /** The merged record of one tip whose rows are the events given, a day apart. */
    private String single(String yaml, String events) throws Exception {
        StringBuilder log = new StringBuilder("Tip,Date,Event,Victims,DOB\n");
        LocalDate day = LocalDate.of(2025, 1, 10);
        for (String event : events.split(",\\s*")) {
            log.append("111111111,").append(day).append(',').append(event).append(",,\n");
            day = day.plusDays(1);
        }
        List<String> merged = merge(yaml, log.toString());
        assertThat(merged).hasSize(1);
        return merged.get(0);
    }

    private List<String> merge(String yaml, String log) throws Exception {
        List<RowResult> results = new ArrayList<>();
        List<String> merged = merge(yaml, log, results);
        assertThat(rejects(results)).isEmpty();
        return merged;
    }

    /** Maps every row of {@code log} (rows numbered from 2, under the header) and drains the merge. */
    private List<String> merge(String yaml, String log, List<RowResult> results) throws Exception {
        AgencyConfig agency = AgencyYaml.valid(tmp, yaml);
        ReportMerge merge = new ReportMerge(agency.files().merge(), ReportMerge.MAX_REPORTS);
        String[] lines = log.split("\n");
        RowMapper mapper = mapper(agency, merge, List.of(lines[0].split(",")));
        for (int i = 1; i < lines.length; i++) {
            RowResult r = mapper.map(row(i + 1, lines[i]));
            assertThat(r).isInstanceOfAny(RowResult.Merged.class, RowResult.Rejected.class);
            results.add(r);
        }
        merge.drainTo(context(agency, merge), results::add);
        assertThat(merge.size()).isZero();
        return results.stream()
                .filter(r -> r instanceof RowResult.MergedRecord)
                .map(r -> describe(((RowResult.MergedRecord) r).record(), ((RowResult.MergedRecord) r).rows()))
                .toList();
    }

    private static List<String> rejects(List<RowResult> results) {
        return results.stream()
                .filter(r -> r instanceof RowResult.Rejected)
                .map(r -> ((RowResult.Rejected) r).reject())
                .map(r -> "row " + r.source().row() + " " + (r.column() == null ? "-" : r.column()) + " " + r.reason())
                .toList();
    }

    private static RowMapper mapper(AgencyConfig agency, ReportMerge merge, List<String> columns) {
        List<List<String>> names = new ArrayList<>();
        for (String c : columns) {
            names.add(List.of(ColumnNames.normalize(c)));
        }
        return new RowMapper(context(agency, merge), "", new Header(1, names, "test"), new UnmappedLabels());
    }

    private static AgencyFileContext context(AgencyConfig agency, ReportMerge merge) {
        return new AgencyFileContext(agency, "file-1", LocalDate.of(2025, 9, 30), n -> "key-" + n, merge);
    }

    private static RawRecord row(long number, String csv) {
        List<CellValue> cells = new ArrayList<>();
        for (String c : csv.split(",", -1)) {
            cells.add(c.isEmpty() ? CellValue.Blank.INSTANCE : CellValue.text(c));
        }
        return new RawRecord("", number, cells, false);
    }

    private static String describe(FeedbackRecord r, int rows) {
        return r.referralKey().substring("key-".length()) + " row " + r.sourceRow() + " (" + rows + "): "
                + (r.receivedMonth() == null ? "-" : r.receivedMonth()) + " " + r.status() + " " + r.outcome() + " "
                + r.actionable() + " " + (r.notActionableReason() == null ? "-" : r.notActionableReason()) + " "
                + r.searchWarrant() + " " + r.arrest() + " " + r.charged() + " " + r.convicted() + " "
                + FieldCatalog.label(r.victimsIdentified()) + " " + FieldCatalog.label(r.subjectAgeBand()) + " "
                + (r.daysToClose() == null ? "-" : r.daysToClose());
    }
}
