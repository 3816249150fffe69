package org.feedbackharmonizer.config;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.feedbackharmonizer.mapping.DateValueParser;
import org.feedbackharmonizer.schema.LabelList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the loader makes of an agency's YAML: its defaults, and the problems it reports instead of a failed run. */
class AgencyConfigLoaderTest {
    @TempDir
    Path tmp;

    private static final String AGENCY = """
            agency: TEST
            jurisdiction: US-ZZ
            agreement: { id: DSA-T, effective: 2024-01-01, cadence: monthly }
            files: { glob: "*.csv" }
            """;

    @Test
    void anAgencyALedgerAndTheParserWithoutDatesShareOneDefaultList() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        Path agencyFile = write("TEST.yml", AGENCY + "fields: { report_number: { column: Report } }\n");
        write("ledger.yml", """
                glob: "ledger/*.csv"
                columns:
                  report_number: CyberTipline Report Number
                  made_available: Date Made Available
                  agency: Agency Code
                  jurisdiction: Jurisdiction
                """);

        AgencyConfig agency = new AgencyConfigLoader().load(agencyFile, problems);
        LedgerConfig ledger = new LedgerConfigLoader().load(tmp, problems);

        assertThat(problems.problems()).isEmpty();
        assertThat(agency.values().dates()).isEqualTo(AgencyConfigLoader.DEFAULT_DATES);
        assertThat(ledger.dates()).isEqualTo(AgencyConfigLoader.DEFAULT_DATES);
        assertThat(DateValueParser.withDefaults().patterns()).isEqualTo(AgencyConfigLoader.DEFAULT_DATES);
    }

    @Test
    void docsListTheDefaultDatePatternsAsTheCodeHasThem() throws Exception {
        String asYaml = AgencyConfigLoader.DEFAULT_DATES.stream()
                .map(p -> p.contains(",") ? "\"" + p + "\"" : p)
                .collect(joining(", ", "dates: [", "]"));

        assertThat(Files.readString(Path.of("docs/config.md"))).contains("\n" + asYaml + "\n");
    }

    /** A yes/no field's labels as the run reads them: its own yes or no list, else the agency's; unknown merged. */
    static Stream<Arguments> labelsAYesNoFieldWouldReadTwoWays() {
        return Stream.of(
                Arguments.of(
                        """
                        values: { unknown: [UNK, N] }
                        fields: { report_number: Report, arrest: Arrest }
                        """,
                        "TEST.yml: fields.arrest: 'N' is both a no label (the default no labels) and an unknown label"
                                + " (values.unknown) of this field; remove it from values.unknown, or give the field"
                                + " its own no: list without it"),
                Arguments.of(
                        """
                        fields:
                          report_number: Report
                          charged: { column: Charged, unknown: [Y] }
                        """,
                        "TEST.yml: fields.charged: 'Y' is both a yes label (the default yes labels) and an unknown"
                                + " label (fields.charged.unknown) of this field; remove it from"
                                + " fields.charged.unknown, or give the field its own yes: list without it"),
                Arguments.of(
                        """
                        fields:
                          report_number: Report
                          actionable: { column: Actionable, yes: [X, "not  known"] }
                        """,
                        "TEST.yml: fields.actionable: 'NOT KNOWN' is both a yes label (fields.actionable.yes) and an"
                                + " unknown label (the default unknown labels) of this field; remove it from"
                                + " fields.actionable.yes, or write values.unknown without it"),
                Arguments.of(
                        """
                        values: { no: [N, NO] }
                        fields:
                          report_number: Report
                          search_warrant: { column: Warrant, yes: [Y, N] }
                        """,
                        "TEST.yml: fields.search_warrant: 'N' is both a yes label (fields.search_warrant.yes) and a no"
                                + " label (values.no) of this field; remove it from fields.search_warrant.yes or"
                                + " values.no"),
                Arguments.of(
                        """
                        fields:
                          report_number: Report
                          convicted: { column: Convicted, map: { Pending: PENDING }, unknown: [F] }
                        """,
                        "TEST.yml: fields.convicted: 'F' is both a no label (the default no labels) and an unknown"
                                + " label (fields.convicted.unknown) of this field; remove it from"
                                + " fields.convicted.unknown, or give the field its own no: list without it"));
    }

    @Test
    void readsAnAgencysOwnMonthNamesAndRefusesADatePatternTheRunCouldNotUse() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        String yaml = AGENCY + """
                values:
                  dates: [dd-MMM-yyyy, "dd-'ene'-yyyy"]
                  month_names: [ene|enero, feb, mar, abr, may, jun, jul, ago, sep|sept, oct, nov, dic]
                fields:
                  report_number: Report
                """;

        AgencyConfig config = new AgencyConfigLoader().load(write("TEST.yml", yaml), problems);

        assertThat(problems.problems())
                .containsExactly("TEST.yml: values.dates: date pattern 'dd-'ene'-yyyy' does not name a full date"
                        + " (e.g. MM/dd/yyyy, yyyy-MM-dd, dd-MMM-yy)");
        assertThat(config.values().months().inEnglish("05-ENERO-2025", false)).isEqualTo("05-Jan-2025");
    }

    @Test
    void takesAMergeKeySoThatAFieldWrittenOnceServesSeveral() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        String yaml = AGENCY + """
                fields:
                  report_number: Report
                  arrest: &step { column: Arrest, yes: [Done], no: [Not done] }
                  charged: { <<: *step, column: Charged }
                """;

        AgencyConfig config = new AgencyConfigLoader().load(write("TEST.yml", yaml), problems);

        assertThat(problems.problems()).isEmpty();
        assertThat(config.field("charged").column()).isEqualTo("Charged");
        assertThat(config.field("charged").yes()).containsExactly("DONE");
        assertThat(config.field("arrest").column()).isEqualTo("Arrest");
    }

    @Test
    void refusesMonthNamesThatAreNotTwelve() throws Exception {
        ConfigProblems problems = new ConfigProblems();

        new AgencyConfigLoader()
                .load(
                        write(
                                "TEST.yml",
                                AGENCY + "values:\n  month_names: [ene, feb]\nfields:\n  report_number: Report\n"),
                        problems);

        assertThat(problems.problems())
                .containsExactly("TEST.yml: values.month_names: needs 12 entries, January first, not 2");
    }

    @ParameterizedTest
    @MethodSource("labelsAYesNoFieldWouldReadTwoWays")
    void reportsALabelAYesNoFieldWouldReadTwoWays(String yaml, String problem) throws Exception {
        ConfigProblems problems = new ConfigProblems();

        new AgencyConfigLoader().load(write("TEST.yml", AGENCY + yaml), problems);

        assertThat(problems.problems()).containsExactly(problem);
    }

    @Test
    void acceptsAnUnknownLabelThatTheFieldsOwnYesAndNoListsLeaveOut() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        String yaml = """
                values: { unknown: [UNK, N] }
                fields:
                  report_number: Report
                  arrest: { column: Arrest, yes: [Y], no: ["NO"] }
                """;

        new AgencyConfigLoader().load(write("TEST.yml", AGENCY + yaml), problems);

        assertThat(problems.problems()).isEmpty();
    }

    /** Every key of a field that does nothing for the field's kind, named with its path rather than ignored. */
    static Stream<Arguments> keysWithNoEffectOnTheirField() {
        return Stream.of(
                Arguments.of(
                        "received_date: { column: Received, yes: [Y] }",
                        "fields.received_date.yes: has no effect on a date field (yes, no and blank are for yes/no"
                                + " fields and convicted)"),
                Arguments.of(
                        "outcome: { column: Disposition, blank: NO }",
                        "fields.outcome.blank: has no effect on a field of schema values (yes, no and blank are for"
                                + " yes/no fields and convicted)"),
                Arguments.of(
                        "subject_age: { column: Age, otherwise: UNKNOWN }",
                        "fields.subject_age.otherwise: has no effect on an age field (map and otherwise are for"
                                + " fields of schema values)"),
                Arguments.of(
                        "victim_count: { column: Victims, map: { none: \"0\" } }",
                        "fields.victim_count.map: has no effect on a count field (map and otherwise are for fields"
                                + " of schema values)"),
                Arguments.of(
                        "arrest: { column: Arrest, dates: [yyyyMMdd] }",
                        "fields.arrest.dates: has no effect on a yes/no field (dates are for date fields)"),
                Arguments.of(
                        "status: { column: Status, split: ';' }",
                        "fields.status.split: has no effect on a field of schema values (split and digits are for"
                                + " the report number)"),
                Arguments.of(
                        "outcome: { column: Disposition, digits: 9 }",
                        "fields.outcome.digits: has no effect on a field of schema values (split and digits are for"
                                + " the report number)"),
                Arguments.of(
                        "report_number: { column: Report, unknown: [TBD] }",
                        "fields.report_number.unknown: has no effect on the report number (a row without a report"
                                + " number is always rejected)"),
                Arguments.of(
                        "report_number: { column: Report, required: false }",
                        "fields.report_number.required: has no effect on the report number (a row without a report"
                                + " number is always rejected)"),
                Arguments.of(
                        "charged: { position: 4, synonyms: [Charges] }",
                        "fields.charged.synonyms: has no effect without column: synonyms are other names of the"
                                + " column"));
    }

    static Stream<Arguments> unknownRegexesThatCannotBeRead() {
        return Stream.of(
                Arguments.of(
                        "outcome: Disposition\nvalues: { unknown: [\"/(pending/\"] }",
                        "values.unknown: '(pending' is not a valid regular expression: Unclosed group"),
                Arguments.of(
                        "outcome: { column: Disposition, unknown: [\"/n.a/i\"] }",
                        "fields.outcome.unknown: '/n.a/i': flags after the closing slash are not supported; put them"
                                + " inside, e.g. '/(?i)^yes/'"));
    }

    static Stream<Arguments> digitsThatAreNotALengthOfOneToEighteen() {
        String range = "' must be from 1 to 18 digits, the smaller first (8-10)";
        return Stream.of(
                Arguments.of(
                        "report_number: { column: Report, digits: 10-8 }",
                        "fields.report_number.digits: '10-8" + range),
                Arguments.of(
                        "report_number: { column: Report, digits: 0-5 }", "fields.report_number.digits: '0-5" + range),
                Arguments.of(
                        "report_number: { column: Report, digits: 19 }", "fields.report_number.digits: '19" + range),
                Arguments.of(
                        "report_number: { column: Report, digits: 8 to 10 }",
                        "fields.report_number.digits: '8 to 10' must be a number of digits (9) or a range (8-10)"),
                Arguments.of(
                        "report_number: { column: Report, digits: [8, 10] }",
                        "fields.report_number.digits: must be a single value, not a list"));
    }

    /** not_actionable_reason has no value for "no reason": the problem says how to write one. */
    static Stream<Arguments> noReasonWrittenAsAValue() {
        String allowed = "; allowed: [INSUFFICIENT_INFORMATION, DATA_UNAVAILABLE, OUTSIDE_JURISDICTION,"
                + " DUPLICATE_REPORT, NO_OFFENSE, SUBJECT_NOT_IDENTIFIED, OTHER]";
        return Stream.of(
                Arguments.of(
                        "not_actionable_reason: { column: Disposition, otherwise: \"\" }",
                        "fields.not_actionable_reason.otherwise: unknown not_actionable_reason ''" + allowed
                                + "; for no reason, write otherwise: unknown"),
                Arguments.of(
                        "not_actionable_reason: { column: Disposition, otherwise: none }",
                        "fields.not_actionable_reason.otherwise: unknown not_actionable_reason 'none'" + allowed
                                + "; for no reason, write otherwise: unknown"),
                Arguments.of(
                        "not_actionable_reason: { column: Disposition, map: { Open: \"\" } }",
                        "fields.not_actionable_reason.map: 'Open' maps to unknown not_actionable_reason ''" + allowed
                                + "; a label that means no reason goes in unknown:, not in map"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource({
        "keysWithNoEffectOnTheirField",
        "unknownRegexesThatCannotBeRead",
        "digitsThatAreNotALengthOfOneToEighteen",
        "noReasonWrittenAsAValue"
    })
    void reportsAProblemOfAFieldWithItsPath(String field, String problem) throws Exception {
        ConfigProblems problems = new ConfigProblems();
        String fields = field.startsWith("report_number")
                ? "fields:\n  " + field + "\n"
                : "fields:\n  report_number: Report\n  " + field + "\n";

        new AgencyConfigLoader().load(write("TEST.yml", AGENCY + fields), problems);

        assertThat(problems.problems()).containsExactly("TEST.yml: " + problem);
    }

    @Test
    void acceptsEveryFieldKeyWhereItHasAnEffect() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        String yaml = """
                fields:
                  report_number: { column: Report, synonyms: [CT], split: ';', extract: '(\\d+)', required: true }
                  received_date: { column: Received, dates: [yyyyMMdd], unknown: ["00000000"], required: true }
                  subject_age: { column: Age, unknown: [adult], required: true, extract: '(\\d+)' }
                  victim_count: { column: Victims, unknown: ["-1"], required: false }
                  arrest: { column: Arrest, yes: [X], no: [""], blank: NO, unknown: [Pending], map: { Held: YES },
                            otherwise: UNKNOWN }
                  convicted: { column: Convicted, yes: [Guilty], map: { Trial: PENDING }, otherwise: PENDING }
                  outcome: { column: Disposition, map: { Arrest made: ARREST }, otherwise: OTHER, unknown: [Open] }
                  not_actionable_reason: { column: Disposition, map: { Unfounded: NO_OFFENSE }, otherwise: unknown }
                  search_warrant: { column: Warrant, otherwise: Unknown }
                  status: { constant: OPEN }
                """;

        new AgencyConfigLoader().load(write("TEST.yml", AGENCY + yaml), problems);

        assertThat(problems.problems()).isEmpty();
    }

    @ParameterizedTest(name = "digits: {0} -> {1} to {2}")
    @CsvSource({"9, 9, 9", "8-10, 8, 10", "'\" 8 - 10 \"', 8, 10", "1-18, 1, 18"})
    void readsTheDigitsOfAReportNumberAsOneLengthOrARange(String written, int min, int max) throws Exception {
        ConfigProblems problems = new ConfigProblems();
        String yaml = "fields: { report_number: { column: Report, digits: " + written + " } }\n";

        AgencyConfig agency = new AgencyConfigLoader().load(write("TEST.yml", AGENCY + yaml), problems);

        assertThat(problems.problems()).isEmpty();
        assertThat(agency.field("report_number").digits()).isEqualTo(new FieldSpec.Digits(min, max));
    }

    @Test
    void givesAReportNumberFiveToTwelveDigitsByDefault() throws Exception {
        ConfigProblems problems = new ConfigProblems();

        AgencyConfig agency = new AgencyConfigLoader()
                .load(write("TEST.yml", AGENCY + "fields: { report_number: Report }\n"), problems);

        assertThat(agency.field("report_number").digits()).isEqualTo(new FieldSpec.Digits(5, 12));
    }

    @Test
    void readsRegexEntriesOfUnknownListsAsRegexes() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        String yaml = """
                values: { unknown: [UNK, "/(?i)^not (known|recorded)/"] }
                fields:
                  report_number: Report
                  closed_date: { column: Closed, unknown: ["/^0+$/"] }
                """;

        AgencyConfig agency = new AgencyConfigLoader().load(write("TEST.yml", AGENCY + yaml), problems);

        assertThat(problems.problems()).isEmpty();
        assertThat(FieldLabels.of(agency.field("closed_date"), agency.values()).unknown())
                .isEqualTo(LabelList.of(List.of("UNK", "/(?i)^not (known|recorded)/", "/^0+$/")));
    }

    @Test
    void refusesAnAgencyOrJurisdictionThatIsNotACodeWithoutRepeatingIt() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        String yaml = AGENCY.replace("agency: TEST", "agency: Jordan Example")
                        .replace("jurisdiction: US-ZZ", "jurisdiction: steward@example.com")
                + "fields: { report_number: { column: Report } }\n";

        new AgencyConfigLoader().load(write("TEST.yml", yaml), problems);

        assertThat(problems.problems())
                .containsExactly("TEST.yml: agency: " + CodeShape.RULE, "TEST.yml: jurisdiction: " + CodeShape.RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"US-TX-ICAC-DALLAS", "tx-dallas", "US-48113", "GA.GBI_2", "A"})
    void takesCodesOfLettersDigitsDotsUnderscoresAndDashes(String code) {
        assertThat(CodeShape.isCode(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " US-TX",
                "US TX",
                "-US",
                "a@b.org",
                "(214) 555-0142",
                "US/TX",
                "\u00c9TAT",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" // 65: one more than a column holds
            })
    void refusesAnythingElseAsACode(String code) {
        assertThat(CodeShape.isCode(code)).isFalse();
    }

    @Test
    void namesTheKeysItKnowsWhereAKeyIsMisspelt() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        String yaml = AGENCY.replace("files: { glob: \"*.csv\" }", "files: { glob: \"*.csv\", delimter: \";\" }")
                + "fields: { report_number: { column: Report } }\n";

        new AgencyConfigLoader().load(write("TEST.yml", yaml), problems);

        assertThat(problems.problems())
                .singleElement()
                .asString()
                .startsWith("TEST.yml: files.delimter: is not a known key here (known: [")
                .contains("delimiter")
                .endsWith("; misspelt?)");
    }

    @Test
    void holdsLabelsAsTheMapperComparesThemAndUnchangeable() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        String yaml = """
                values: { yes: [" y ", "Arrest\u00a0 made"], unknown: ["\ufeffunk"] }
                fields:
                  report_number: Report
                  arrest: { column: Arrest, no: ["no  arrest"] }
                """;

        AgencyConfig agency = new AgencyConfigLoader().load(write("TEST.yml", AGENCY + yaml), problems);

        assertThat(problems.problems()).isEmpty();
        assertThat(agency.values().yes()).containsExactly("Y", "ARREST MADE");
        assertThat(agency.values().unknown().exact()).containsExactly("UNK");
        assertThat(agency.field("arrest").no()).containsExactly("NO ARREST");
        assertThatThrownBy(() -> agency.values().yes().add("MAYBE")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> agency.field("arrest").no().add("MAYBE"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static final String ARREST_WITH_OWN_LABELS = """
            values: { no: [N, "No arrest"], unknown: [UNK, Pending] }
            fields:
              report_number: Report
              arrest: { column: Arrest, yes: [" y ", "arrest\u00a0made"], unknown: [pending, "Not  sought"] }
              charged: Charged
            """;

    @Test
    void aFieldsOwnYesListTakesThePlaceOfTheAgencysAndItsUnknownLabelsJoinThem() throws Exception {
        FieldLabels arrest = labelsOf("arrest");

        assertThat(arrest.yes()).containsExactly("Y", "ARREST MADE");
        assertThat(arrest.no()).containsExactly("N", "NO ARREST");
        assertThat(arrest.unknown().exact()).containsExactly("UNK", "PENDING", "NOT SOUGHT");
    }

    @Test
    void aFieldWithoutLabelListsReadsTheAgencys() throws Exception {
        FieldLabels charged = labelsOf("charged");

        assertThat(charged.yes()).containsExactly("Y", "YES", "TRUE", "X", "1", "T");
        assertThat(charged.no()).containsExactly("N", "NO ARREST");
        assertThat(charged.unknown().exact()).containsExactly("UNK", "PENDING");
    }

    private FieldLabels labelsOf(String field) throws Exception {
        ConfigProblems problems = new ConfigProblems();
        AgencyConfig agency =
                new AgencyConfigLoader().load(write("TEST.yml", AGENCY + ARREST_WITH_OWN_LABELS), problems);
        assertThat(problems.problems()).isEmpty();
        return FieldLabels.of(agency.field(field), agency.values());
    }

    @Test
    void readsEachLayoutWithItsOwnFilesAndFields() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        String yaml = AGENCY.replace("files: { glob: \"*.csv\" }\n", "") + """
                layouts:
                  - files: { glob: "new/*.txt", delimiter: "|", charset: windows-1252 }
                    fields: { report_number: TIP_NO }
                  - files: { glob: "old/*.csv" }
                    fields: { report_number: "CT Rpt #" }
                """;

        AgencyConfig agency = new AgencyConfigLoader().load(write("TEST.yml", yaml), problems);

        assertThat(problems.problems()).isEmpty();
        assertThat(agency.layouts()).hasSize(2);
        assertThat(agency.globs()).containsExactly("new/*.txt", "old/*.csv");
        AgencyConfig old = agency.layoutFor(Path.of("/inbox/old/outcomes_2024-06-30.csv"));
        assertThat(old.field("report_number").column()).isEqualTo("CT Rpt #");
        assertThat(old.files().delimiter()).isEqualTo(',');
        assertThat(old.code()).isEqualTo("TEST");
        assertThat(old.agreement()).isEqualTo(agency.agreement());
        assertThat(agency.layoutFor(Path.of("new/x.txt")).files().delimiter()).isEqualTo('|');
        assertThat(agency.layoutFor(Path.of("elsewhere.xlsx"))).isSameAs(agency);
    }

    @Test
    void refusesLayoutKeysBesideLayoutsAndUnknownKeysInOne() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        String yaml = AGENCY + """
                layouts:
                  - fields: { report_number: TIP_NO }
                    agreement: { id: X }
                """;

        new AgencyConfigLoader().load(write("TEST.yml", yaml), problems);

        assertThat(problems.problems())
                .containsExactly(
                        "TEST.yml: files: goes inside each of the layouts when the agency has layouts:",
                        "TEST.yml: layouts[0].agreement: is not a key of a layout (known: [fields, files, header,"
                                + " sheets, skip, values])",
                        "TEST.yml: layouts[0].files: is required (at least files.glob)");
    }

    @Test
    void readsWhichPeriodAFileReportsOn() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        String yaml = AGENCY.replace("cadence: monthly }", "cadence: quarterly, file_covers: last_ended_period }")
                + "fields: { report_number: { column: Report } }\n";

        AgencyConfig agency = new AgencyConfigLoader().load(write("TEST.yml", yaml), problems);

        assertThat(problems.problems()).isEmpty();
        assertThat(agency.agreement().fileCovers()).isEqualTo(AgreementConfig.FileCovers.LAST_ENDED_PERIOD);
        assertThat(agency.agreement().periodEndReportedOn(LocalDate.of(2024, 10, 7)))
                .hasToString("2024-09-30");
    }

    @Test
    void refusesADateThatIsNotOnTheCalendar() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        String yaml = AGENCY.replace("effective: 2024-01-01", "effective: 2025-13-45")
                + "fields: { report_number: { column: Report } }\n";

        new AgencyConfigLoader().load(write("TEST.yml", yaml), problems);

        assertThat(problems.problems())
                .containsExactly("TEST.yml: agreement.effective: '2025-13-45' is not a date in the form yyyy-MM-dd");
    }

    @Test
    void refusesTwoAgenciesWhoseCodesDifferOnlyInCase() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        String fields = "fields: { report_number: { column: Report } }\n";
        Files.createDirectories(tmp.resolve("agencies"));
        write("agencies/TEST.yml", AGENCY + fields);
        write("agencies/test-2.yml", AGENCY.replace("agency: TEST", "agency: test") + fields);

        new AgencyConfigLoader().loadAll(tmp, problems);

        assertThat(problems.problems())
                .containsExactly("test-2.yml: agency: code 'test' is also used by TEST.yml (as 'TEST')");
    }

    private Path write(String name, String yaml) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }
}
