package org.feedbackharmonizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.AgencyYaml;
import org.feedbackharmonizer.config.ConfigProblems;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.ingest.RawRecord;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.schema.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code first_of}: a field the clerk works out from several columns, the first that says something winning. */
class FirstOfTest {
    @TempDir
    Path tmp;

    private static final List<String> COLUMNS =
            List.of("Report", "Actionable", "Reason", "Charge", "Transferred", "Status");

    /** The reason where not actionable, then the DA's decline, then a charge date, then a transfer, then open. */
    private static final String CASCADE = """
            fields:
              report_number: { column: Report }
              actionable: { column: Actionable }
              outcome:
                first_of:
                  - { column: Reason, only_when: { actionable: "NO" }, map: { Unfounded: NO_ACTION_NO_OFFENSE } }
                  - { column: Charge, map: { "/(?i)^N.A - DA declined/": PROSECUTION_DECLINED }, otherwise: unknown }
                  - { column: Charge, map: { "/^\\\\d/": CHARGED }, otherwise: unknown }
                  - { column: Transferred, map: { "/./": REFERRED_ELSEWHERE }, otherwise: unknown }
                  - { column: Status, map: { Active: UNDER_INVESTIGATION }, otherwise: unknown }
            """;

    @ParameterizedTest(name = "{0} | {1} | {2} | {3} | {4} -> {5}")
    @CsvSource(
            quoteCharacter = '"',
            value = {
                "No,  Unfounded, 3/1/25,             HSI, Active, NO_ACTION_NO_OFFENSE",
                "Yes, Unfounded, N/A - DA declined,  HSI, Active, PROSECUTION_DECLINED",
                "Yes, '',        3/1/25,             HSI, Active, CHARGED",
                "Yes, '',        '',                 HSI, Active, REFERRED_ELSEWHERE",
                "Yes, '',        '',                 '',  Active, UNDER_INVESTIGATION",
                "Yes, '',        '',                 '',  Closed, UNKNOWN"
            })
    void takesTheFirstSourceThatSaysSomething(
            String actionable, String reason, String charge, String transferred, String status, Outcome expected)
            throws Exception {
        AgencyConfig agency = AgencyYaml.valid(tmp, CASCADE);

        RowResult r =
                map(agency, "123456789", actionable, unquote(reason), unquote(charge), unquote(transferred), status);

        assertThat(written(r).outcome()).isEqualTo(expected);
    }

    @Test
    void aSourceThatRejectsTheRowNamesItsOwnColumn() throws Exception {
        AgencyConfig agency = AgencyYaml.valid(tmp, CASCADE);

        Reject reject =
                ((RowResult.Rejected) map(agency, "123456789", "No", "Gone fishing", "", "", "Active")).reject();

        assertThat(reject.reason()).isEqualTo(RejectReason.UNMAPPED_LABEL);
        assertThat(reject.column()).isEqualTo("Reason");
    }

    @Test
    void validateSaysWhereFirstOfCannotGo() throws Exception {
        ConfigProblems problems = new ConfigProblems();
        AgencyYaml.load(tmp, """
                fields:
                  report_number: { column: Report }
                  received_date: { first_of: [{ column: A }, { column: B }] }
                  status: { column: S, first_of: [{ column: A, map: { a: OPEN } }] }
                """, problems);

        assertThat(problems.problems())
                .containsExactly(
                        "TEST.yml: fields.received_date.first_of: is for fields of schema values and yes/no fields",
                        "TEST.yml: fields.status.column: goes inside each source of first_of",
                        "TEST.yml: fields.status.first_of: lists two or more sources (one is a plain field)");
    }

    private static String unquote(String s) {
        return s.equals("''") ? "" : s;
    }

    private static RowResult map(AgencyConfig agency, String... cells) {
        List<List<String>> names = new ArrayList<>();
        for (String c : COLUMNS) {
            names.add(List.of(ColumnNames.normalize(c)));
        }
        List<CellValue> row = new ArrayList<>();
        for (String c : cells) {
            row.add(CellValue.text(c));
        }
        var context = new AgencyFileContext(agency, "file-1", LocalDate.of(2025, 6, 30), n -> "key-" + n);
        return new RowMapper(context, "", new Header(1, names, "test"), new UnmappedLabels())
                .map(new RawRecord("", 2, row, false));
    }

    private static FeedbackRecord written(RowResult result) {
        assertThat(result).isInstanceOf(RowResult.Written.class);
        return ((RowResult.Written) result).records().get(0);
    }
}
