package org.feedbackharmonizer.config;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.feedbackharmonizer.mapping.DateValueParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
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
    @ValueSource(strings = {"", " US-TX", "US TX", "-US", "a@b.org", "(214) 555-0142", "US/TX", "\u00c9TAT"})
    void refusesAnythingElseAsACode(String code) {
        assertThat(CodeShape.isCode(code)).isFalse();
        assertThat(CodeShape.isCode("A".repeat(65))).isFalse();
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
        assertThat(agency.values().unknown()).containsExactly("UNK");
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
        assertThat(arrest.unknown()).containsExactly("UNK", "PENDING", "NOT SOUGHT");
    }

    @Test
    void aFieldWithoutLabelListsReadsTheAgencys() throws Exception {
        FieldLabels charged = labelsOf("charged");

        assertThat(charged.yes()).containsExactly("Y", "YES", "TRUE", "X", "1", "T");
        assertThat(charged.no()).containsExactly("N", "NO ARREST");
        assertThat(charged.unknown()).containsExactly("UNK", "PENDING");
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
