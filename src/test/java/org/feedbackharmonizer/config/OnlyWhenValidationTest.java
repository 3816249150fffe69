package org.feedbackharmonizer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.feedbackharmonizer.schema.YesNo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What validate says of a field's {@code only_when}: every problem with its path, none for a good one. */
class OnlyWhenValidationTest {
    @TempDir
    Path tmp;

    private static final String FIELDS = """
            fields:
              report_number: { column: Report }
            """;

    @Test
    void bindsTheNamedFieldAndItsSchemaValues() throws Exception {
        ConfigProblems problems = new ConfigProblems();

        AgencyConfig agency = load("""
                  actionable: { column: Actionable }
                  not_actionable_reason: { column: Disposition, only_when: { actionable: no } }
                """, problems);

        assertThat(problems.problems()).isEmpty();
        assertThat(agency.field("not_actionable_reason").onlyWhen())
                .containsExactly(new FieldCondition("actionable", Set.of(YesNo.NO)));
        assertThat(agency.field("actionable").onlyWhen()).isEmpty();
    }

    static Stream<Arguments> badConditions() {
        String at = "TEST.yml: fields.";
        return Stream.of(
                Arguments.of(
                        """
                          actionable: { column: Actionable }
                          not_actionable_reason: { column: Disposition, only_when: { actionable: MAYBE } }
                        """,
                        List.of(at + "not_actionable_reason.only_when.actionable: unknown actionable 'MAYBE';"
                                + " allowed: [YES, NO, UNKNOWN]")),
                Arguments.of(
                        """
                          actionable: { column: Actionable }
                          not_actionable_reason: { column: Disposition, only_when: { actionable: [] } }
                        """,
                        List.of(at + "not_actionable_reason.only_when.actionable: needs a schema value or a list"
                                + " of them; allowed: [YES, NO, UNKNOWN]")),
                Arguments.of(
                        """
                          actionable: { column: Actionable }
                          not_actionable_reason: { column: Disposition, only_when: { actionble: NO } }
                        """,
                        List.of(at + "not_actionable_reason.only_when.actionble: is not a field with schema"
                                + " values; only_when names one of [status, outcome, actionable,"
                                + " not_actionable_reason, search_warrant, arrest, charged, convicted,"
                                + " victims_identified, subject_age_band]")),
                Arguments.of(
                        """
                          closed_date: { column: Closed, only_when: { received_date: 2024-01-01 } }
                        """,
                        List.of(at + "closed_date.only_when.received_date: is not a field with schema values;"
                                + " only_when names one of [status, outcome, actionable, not_actionable_reason,"
                                + " search_warrant, arrest, charged, convicted, victims_identified,"
                                + " subject_age_band]")),
                Arguments.of(
                        """
                          actionable: { column: Actionable, only_when: { actionable: "YES" } }
                        """,
                        List.of(at + "actionable.only_when.actionable: a field cannot be read on a condition on"
                                + " its own value")),
                Arguments.of(
                        """
                          status: { column: Status, only_when: { outcome: ARREST } }
                        """,
                        List.of(at + "status.only_when.outcome: names a field this agency does not read (no"
                                + " fields.outcome)")),
                Arguments.of(
                        """
                          arrest:  { column: Arrest, only_when: { charged: "YES" } }
                          charged: { column: Charged, only_when: { convicted: "NO" } }
                          convicted: { column: Convicted, only_when: { arrest: "NO" } }
                          outcome: { column: Outcome, only_when: { arrest: "YES" } }
                        """,
                        List.of(at + "convicted.only_when: the conditions go round in a circle (arrest -> charged"
                                + " -> convicted -> arrest): no row could be read")),
                Arguments.of(
                        """
                          actionable: { column: Actionable }
                          status: { column: Status, required: true, only_when: { actionable: "YES" } }
                        """,
                        List.of(at + "status.only_when: cannot go with required: true (a field not read counts as"
                                + " blank, which required rejects)")));
    }

    @ParameterizedTest
    @MethodSource("badConditions")
    void reportsEachBadConditionWithItsPath(String fields, List<String> expected) throws Exception {
        ConfigProblems problems = new ConfigProblems();

        load(fields, problems);

        assertThat(problems.problems()).isEqualTo(expected);
    }

    @Test
    void refusesAConditionOnTheReportNumber() throws Exception {
        ConfigProblems problems = new ConfigProblems();

        AgencyYaml.load(tmp, """
                fields:
                  report_number: { column: Report, only_when: { actionable: "YES" } }
                  actionable: { column: Actionable }
                """, problems);

        assertThat(problems.problems())
                .containsExactly("TEST.yml: fields.report_number.only_when: does not apply to report_number, which"
                        + " every row must give");
    }

    private AgencyConfig load(String fields, ConfigProblems problems) throws Exception {
        return AgencyYaml.load(tmp, FIELDS + fields, problems);
    }
}
