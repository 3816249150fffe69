package org.feedbackharmonizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.AgencyConfigLoader;
import org.feedbackharmonizer.config.ConfigProblems;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.ingest.RawRecord;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.schema.NotActionableReason;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.Status;
import org.feedbackharmonizer.schema.VictimBand;
import org.feedbackharmonizer.schema.YesNo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An agency's YAML, loaded and validated as a run does, mapping one row: the config's defaults as the job sees them. */
class RowMapperTest {
    @TempDir
    Path tmp;

    private static final String AGENCY = """
            agency: TEST
            jurisdiction: US-ZZ
            agreement: { id: DSA-T, effective: 2024-01-01, cadence: monthly }
            files: { glob: "*.csv" }
            """;

    @ParameterizedTest(name = "victims ''{0}'' -> {1}")
    @CsvSource({
        "none, NONE",
        "two, TWO_TO_FIVE",
        "1, ONE",
        "3, TWO_TO_FIVE",
        "9, SIX_OR_MORE",
        "2-5, TWO_TO_FIVE",
        "unk, UNKNOWN"
    })
    void readsVictimsIdentifiedAsItsMapsLabelsAsBandsOrAsCounts(String cell, VictimBand band) throws Exception {
        AgencyConfig agency = agency("""
                fields:
                  report_number: { column: Report }
                  victims_identified: { column: Victims, map: { none: "0", two: 2-5 }, unknown: [unk] }
                """);

        FeedbackRecord r = written(agency, List.of("Report", "Victims"), "123456789", cell);

        assertThat(r.victimsIdentified()).isEqualTo(band);
    }

    @Test
    void rejectsTheRowsARejectRuleMatchesAndSkipsThoseAPlainRuleMatches() throws Exception {
        AgencyConfig agency = agency("""
                skip:
                  when:
                    - { column: Rec Status, equals: VOID, reject: "voided: entered in error" }
                    - { column: Rec Status, equals: TEST }
                fields:
                  report_number: { column: Report }
                """);
        List<String> columns = List.of("Report", "Rec Status");

        Reject voided = rejected(agency, columns, "123456789", "void");
        RowResult test = mapped(agency, columns, texts("123456790", "TEST"));

        assertThat(voided.reason()).isEqualTo(RejectReason.REJECTED_BY_RULE);
        assertThat(voided.column()).isEqualTo("Rec Status");
        assertThat(voided.message()).isEqualTo("skip.when[0] rejects it: voided: entered in error");
        assertThat(test).isEqualTo(new RowResult.Skipped("skip.when[1]"));
    }

    @Test
    void rejectsAVictimsLabelThatIsNeitherMappedNorACount() throws Exception {
        AgencyConfig agency = agency("""
                fields:
                  report_number: { column: Report }
                  victims_identified: { column: Victims, map: { none: "0" } }
                """);

        Reject r = rejected(agency, List.of("Report", "Victims"), "123456789", "several");

        assertThat(r.reason()).isEqualTo(RejectReason.UNMAPPED_LABEL);
    }

    @Test
    void readsAMonthNameDateWithTheDefaultPatternsWhenTheAgencyListsNone() throws Exception {
        AgencyConfig agency = agency("""
                fields:
                  report_number: { column: Report }
                  received_date: { column: Received }
                  closed_date:   { column: Closed }
                  status:        { column: Status, map: { Closed: CLOSED } }
                """);

        FeedbackRecord r = written(
                agency,
                List.of("Report", "Received", "Closed", "Status"),
                "123456789",
                "Mar 5, 2024",
                "Mar 15, 2024",
                "Closed");

        assertThat(r.receivedMonth()).isEqualTo(YearMonth.of(2024, 3));
        assertThat(r.daysToClose()).isEqualTo(10);
    }

    private static final String YES_OR_NO = "map: { \"/(?i)^yes/\": YES, \"/(?i)^no/\": NO }";

    /** A blank cell means the field's blank: value, map or no map; only a map key "" comes first. */
    static Stream<Arguments> blankArrestCells() {
        return Stream.of(
                Arguments.of("arrest: { column: Arrest, " + YES_OR_NO + ", blank: NO }", YesNo.NO),
                Arguments.of("arrest: { column: Arrest, " + YES_OR_NO + ", blank: UNKNOWN }", YesNo.UNKNOWN),
                Arguments.of("arrest: { column: Arrest, " + YES_OR_NO + " }\nvalues: { blank: NO }", YesNo.NO),
                Arguments.of("arrest: { column: Arrest, " + YES_OR_NO + ", no: [\"\"] }", YesNo.NO),
                Arguments.of(
                        "arrest: { column: Arrest, map: { \"/(?i)^yes/\": YES, \"\": UNKNOWN }, blank: NO }",
                        YesNo.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blankArrestCells")
    void readsABlankCellOfAYesNoFieldWithAMapAsItsBlankValue(String arrest, YesNo expected) throws Exception {
        AgencyConfig agency = agency("fields:\n  report_number: { column: Report }\n  " + arrest + "\n");

        FeedbackRecord r = written(agency, List.of("Report", "Arrest"), "123456789", "");

        assertThat(r.arrest()).isEqualTo(expected);
    }

    @Test
    void readsABlankConvictedCellWithAMapAsItsBlankValue() throws Exception {
        AgencyConfig agency = agency("""
                fields:
                  report_number: { column: Report }
                  convicted: { column: Convicted, map: { Pending: PENDING }, blank: NO }
                """);

        FeedbackRecord r = written(agency, List.of("Report", "Convicted"), "123456789", "");

        assertThat(r.convicted()).isEqualTo(Conviction.NO);
    }

    static Stream<Arguments> rowsUnderAHeaderOfReportStatusAndSuspectAge() {
        return Stream.of(
                Arguments.of(List.of("Report", "Status", "Suspect Age"), true), // the header again
                Arguments.of(List.of("REPORT", "status", "suspect-age"), true), // case and punctuation differ
                Arguments.of(List.of(" report ", "Stätus", "Suspect  Age"), true), // an accent: the full comparison
                Arguments.of(List.of("Report", "Status", ""), true), // two of three, the minimum
                Arguments.of(List.of("123456789", "Status", "Suspect Age"), true),
                Arguments.of(List.of("123456789", "Closed", "Suspect Age"), false), // one of three
                Arguments.of(List.of("123456789", "Status quo", "40"), false), // a name's start is not enough
                Arguments.of(List.of("Reporting", "Statuses", "Suspect"), false), // prefixes, not the names
                Arguments.of(List.of("--", "???", "Ñ"), false));
    }

    @ParameterizedTest(name = "{0} -> repeated header: {1}")
    @MethodSource("rowsUnderAHeaderOfReportStatusAndSuspectAge")
    void skipsARowThatRepeatsTheHeaderAndNoOther(List<String> cells, boolean skipped) throws Exception {
        AgencyConfig agency = agency("""
                fields:
                  report_number: { column: Report }
                  status:        { column: Status, map: { Closed: CLOSED, Status quo: OPEN, Status: OPEN } }
                  subject_age:   { column: Suspect Age }
                """);
        List<List<String>> names = new ArrayList<>();
        for (String c : List.of("Report", "Status", "Suspect Age")) {
            names.add(List.of(ColumnNames.normalize(c)));
        }
        var context = new AgencyFileContext(agency, "file-1", LocalDate.of(2024, 3, 31), n -> "key-" + n);
        var mapper = new RowMapper(context, "", new Header(1, names, "test"), new UnmappedLabels());
        List<CellValue> row = cells.stream().map(CellValue::text).toList();

        RowResult result = mapper.map(new RawRecord("", 2, row, false));

        if (skipped) {
            assertThat(result).isEqualTo(new RowResult.Skipped("repeated header"));
        } else {
            assertThat(result).isNotInstanceOf(RowResult.Skipped.class);
        }
    }

    @Test
    void readsADateWrittenAsOneOfTheFieldsUnknownLabelsAsNoDate() throws Exception {
        AgencyConfig agency = agency("""
                values: { dates: [yyyyMMdd] }
                fields:
                  report_number: { column: TIP_NO }
                  received_date: { column: RECV_DT }
                  closed_date:   { column: CLOSE_DT, unknown: ["00000000"] }
                """);

        FeedbackRecord r =
                written(agency, List.of("TIP_NO", "RECV_DT", "CLOSE_DT"), "0534804243", "20240519", "00000000");

        assertThat(r.receivedMonth()).isEqualTo(YearMonth.of(2024, 5));
        assertThat(r.status()).isEqualTo(Status.UNKNOWN);
        assertThat(r.daysToClose()).isNull();
    }

    @Test
    void readsADateWrittenAsOneOfTheAgencysUnknownLabelsAsNoDate() throws Exception {
        AgencyConfig agency = agency("fields: { report_number: Report, received_date: Received }\n");

        assertThat(written(agency, List.of("Report", "Received"), "123456789", "n/a")
                        .receivedMonth())
                .isNull();
    }

    @Test
    void rejectsARequiredDateWrittenAsAnUnknownLabelAsMissing() throws Exception {
        AgencyConfig agency = agency("""
                fields:
                  report_number: { column: Report }
                  received_date: { column: Received, required: true, unknown: [TBD] }
                """);

        Reject reject = rejected(agency, List.of("Report", "Received"), "123456789", "TBD");

        assertThat(reject.reason()).isEqualTo(RejectReason.REQUIRED_MISSING);
        assertThat(reject.column()).isEqualTo("Received");
    }

    static Stream<Arguments> unknownLabelsWrittenAsNumbers() {
        return Stream.of(
                Arguments.of("subject_age: { column: Number, unknown: [\"999\"] }", 999.0),
                Arguments.of("victim_count: { column: Number, unknown: [\"-1\"] }", -1.0),
                Arguments.of("closed_date: { column: Number, unknown: [\"0\"] }", 0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownLabelsWrittenAsNumbers")
    void readsANumberCellThatIsAnUnknownLabelAsUnknown(String field, double number) throws Exception {
        AgencyConfig agency = agency("fields:\n  report_number: { column: Report }\n  " + field + "\n");

        FeedbackRecord r = written(
                agency,
                List.of("Report", "Number"),
                List.of(CellValue.text("123456789"), new CellValue.Number(number)));

        assertThat(r.subjectAgeBand()).isEqualTo(AgeBand.UNKNOWN);
        assertThat(r.victimsIdentified()).isEqualTo(VictimBand.UNKNOWN);
        assertThat(r.daysToClose()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"subject_age", "victim_count"})
    void rejectsABlankCellOfARequiredAgeOrCount(String field) throws Exception {
        AgencyConfig agency = agency(
                "fields:\n  report_number: { column: Report }\n  " + field + ": { column: Number, required: true }\n");

        Reject reject = rejected(agency, List.of("Report", "Number"), "123456789", "");

        assertThat(reject.reason()).isEqualTo(RejectReason.REQUIRED_MISSING);
        assertThat(reject.column()).isEqualTo("Number");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "charged: { column: Charged, otherwise: UNKNOWN }",
                "charged: { column: Charged, map: { Filed: YES }, otherwise: UNKNOWN }"
            })
    void readsALabelOfAYesNoFieldThatNoListCoversAsItsOtherwise(String charged) throws Exception {
        AgencyConfig agency = agency("fields:\n  report_number: { column: Report }\n  " + charged + "\n");

        FeedbackRecord pending = written(agency, List.of("Report", "Charged"), "123456789", "Pending");
        FeedbackRecord yes = written(agency, List.of("Report", "Charged"), "123456789", "Y");

        assertThat(pending.charged()).isEqualTo(YesNo.UNKNOWN);
        assertThat(yes.charged()).isEqualTo(YesNo.YES);
    }

    @Test
    void readsAConvictedLabelThatNoListCoversAsItsOtherwise() throws Exception {
        AgencyConfig agency = agency("""
                fields:
                  report_number: { column: Report }
                  convicted: { column: Convicted, otherwise: PENDING }
                """);

        FeedbackRecord r = written(agency, List.of("Report", "Convicted"), "123456789", "Awaiting trial");

        assertThat(r.convicted()).isEqualTo(Conviction.PENDING);
    }

    @Test
    void rejectsAReportNumberShorterThanTheAgencysDigitsAsInvalid() throws Exception {
        AgencyConfig agency = agency("""
                fields:
                  report_number: { column: "CT Rpt #", digits: 8-10 }
                """);

        Reject reject = rejected(agency, List.of("CT Rpt #"), "4417739");

        assertThat(reject.reason()).isEqualTo(RejectReason.REPORT_NUMBER_INVALID);
        assertThat(reject.column()).isEqualTo("CT Rpt #");
        assertThat(reject.message())
                .isEqualTo("not a report number: expected 8 to 10 digits, optionally after CT, CTR, NCMEC, TIP,"
                        + " Report, No. or #");
        assertThat(written(agency, List.of("CT Rpt #"), "CT-66089593").referralKey())
                .isEqualTo("key-66089593");
    }

    /** A /regex/ in an unknown list, the field's or the agency's, on every kind of field that can be unknown. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "closed_date: { column: Cell, unknown: [\"/^0+$/\"] }                  | 00000000",
                "subject_age: { column: Cell, unknown: [\"/(?i)^adult/\"] }             | Adult (est.)",
                "victim_count: { column: Cell, unknown: [\"/(?i)^not/\"] }             | not recorded",
                "charged: { column: Cell, unknown: [\"/(?i)^pending/\"] }              | Pending - DA",
                "convicted: { column: Cell, unknown: [\"/(?i)^pending/\"] }            | Pending - DA",
                "'status: { column: Cell }\nvalues: { unknown: [\"/(?i)^tbd/\"] }'       | TBD",
                "not_actionable_reason: { column: Cell, unknown: [\"/(?i)^open/\"] }   | Open - active"
            })
    void readsACellThatAnUnknownRegexFindsAsUnknown(String field, String cell) throws Exception {
        AgencyConfig agency = agency("fields:\n  report_number: { column: Report }\n  " + field + "\n");

        FeedbackRecord r = written(agency, List.of("Report", "Cell"), "123456789", cell);

        assertThat(r)
                .extracting(
                        FeedbackRecord::daysToClose,
                        FeedbackRecord::status,
                        FeedbackRecord::subjectAgeBand,
                        FeedbackRecord::victimsIdentified,
                        FeedbackRecord::charged,
                        FeedbackRecord::convicted,
                        FeedbackRecord::notActionableReason)
                .containsExactly(
                        null,
                        Status.UNKNOWN,
                        AgeBand.UNKNOWN,
                        VictimBand.UNKNOWN,
                        YesNo.UNKNOWN,
                        Conviction.UNKNOWN,
                        null);
    }

    @Test
    void triesAnUnknownRegexAfterTheExactLabelsAndTheMapsRegexes() throws Exception {
        AgencyConfig agency = agency("""
                fields:
                  report_number: { column: Report }
                  outcome: { column: Outcome, map: { "/(?i)arrest/": ARREST }, unknown: ["/(?i)pending/"] }
                  actionable: { column: Actionable, unknown: ["/^Y/"] }
                """);
        List<String> columns = List.of("Report", "Outcome", "Actionable");

        assertThat(written(agency, columns, "123456789", "Pending", "Y"))
                .extracting(FeedbackRecord::outcome, FeedbackRecord::actionable)
                .containsExactly(Outcome.UNKNOWN, YesNo.YES);
        assertThat(written(agency, columns, "123456789", "Arrest pending", "Yet to decide"))
                .extracting(FeedbackRecord::outcome, FeedbackRecord::actionable)
                .containsExactly(Outcome.ARREST, YesNo.UNKNOWN);
    }

    @Test
    void givesNoReasonToADispositionItsMapDoesNotCoverWhenOtherwiseIsUnknown() throws Exception {
        AgencyConfig agency = agency("""
                fields:
                  report_number: { column: Report }
                  actionable: { column: Actionable }
                  not_actionable_reason: { column: Disposition, map: { Unfounded: NO_OFFENSE }, otherwise: unknown }
                """);
        List<String> columns = List.of("Report", "Actionable", "Disposition");

        assertThat(written(agency, columns, "123456789", "Y", "Arrest made"))
                .extracting(FeedbackRecord::actionable, FeedbackRecord::notActionableReason)
                .containsExactly(YesNo.YES, null);
        assertThat(written(agency, columns, "223456789", "N", "Unfounded"))
                .extracting(FeedbackRecord::actionable, FeedbackRecord::notActionableReason)
                .containsExactly(YesNo.NO, NotActionableReason.NO_OFFENSE);
    }

    /** Loads {@code AGENCY} plus the given keys through the real loader; the config must be valid. */
    private AgencyConfig agency(String rest) throws Exception {
        Path f = tmp.resolve("TEST.yml");
        Files.writeString(f, AGENCY + rest);
        ConfigProblems problems = new ConfigProblems();
        AgencyConfig config = new AgencyConfigLoader().load(f, problems);
        assertThat(problems.problems()).isEmpty();
        return config;
    }

    /** Maps one data row of text cells under a one-row header, as the job does once the header is found. */
    private static FeedbackRecord written(AgencyConfig agency, List<String> columns, String... cells) {
        return written(agency, columns, texts(cells));
    }

    private static FeedbackRecord written(AgencyConfig agency, List<String> columns, List<CellValue> row) {
        RowResult result = mapped(agency, columns, row);
        assertThat(result).isInstanceOf(RowResult.Written.class);
        return ((RowResult.Written) result).records().get(0);
    }

    private static Reject rejected(AgencyConfig agency, List<String> columns, String... cells) {
        RowResult result = mapped(agency, columns, texts(cells));
        assertThat(result).isInstanceOf(RowResult.Rejected.class);
        return ((RowResult.Rejected) result).reject();
    }

    private static List<CellValue> texts(String... cells) {
        List<CellValue> row = new ArrayList<>();
        for (String c : cells) {
            row.add(CellValue.text(c));
        }
        return row;
    }

    private static RowResult mapped(AgencyConfig agency, List<String> columns, List<CellValue> row) {
        List<List<String>> names = new ArrayList<>();
        for (String c : columns) {
            names.add(List.of(ColumnNames.normalize(c)));
        }
        var context = new AgencyFileContext(agency, "file-1", LocalDate.of(2024, 3, 31), n -> "key-" + n);
        var mapper = new RowMapper(context, "", new Header(1, names, "test"), new UnmappedLabels());
        return mapper.map(new RawRecord("", 2, row, false));
    }
}
