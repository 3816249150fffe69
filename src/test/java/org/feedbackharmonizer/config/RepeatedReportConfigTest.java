package org.feedbackharmonizer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.feedbackharmonizer.schema.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code files.repeated_report}: last by default, first or merge where the agency says so, nothing else; and
 * {@code files.merge}, only with merge.
 */
class RepeatedReportConfigTest {
    @TempDir
    Path tmp;

    @Test
    void isLastUnlessTheAgencySaysFirst() throws Exception {
        ConfigProblems problems = new ConfigProblems();

        assertThat(load("", problems).files().repeatedReport()).isEqualTo(FileSpec.RepeatedReport.LAST);
        assertThat(load("  repeated_report: first\n", problems).files().repeatedReport())
                .isEqualTo(FileSpec.RepeatedReport.FIRST);
        assertThat(load("  repeated_report: LAST\n", problems).files().repeatedReport())
                .isEqualTo(FileSpec.RepeatedReport.LAST);
        assertThat(problems.problems()).isEmpty();
    }

    @Test
    void namesTheChoicesForAnythingElse() throws Exception {
        ConfigProblems problems = new ConfigProblems();

        load("  repeated_report: newest\n", problems);

        assertThat(problems.problems())
                .containsExactly("TEST.yml: files.repeated_report: 'newest' is not one of [last, first, merge]");
    }

    private AgencyConfig load(String filesKeys, ConfigProblems problems) throws Exception {
        return AgencyYaml.load(tmp, filesKeys + "fields: { report_number: { column: Report } }\n", problems);
    }

    @Test
    void mergeClimbsTheSchemasMilestonesUnlessTheAgencyListsItsOwn() throws Exception {
        ConfigProblems problems = new ConfigProblems();

        FileSpec byDefault = load("  repeated_report: merge\n", problems).files();
        FileSpec own = load(
                        "  repeated_report: merge\n  merge: { milestones: [under investigation, ARREST, convicted] }\n",
                        problems)
                .files();

        assertThat(problems.problems()).isEmpty();
        assertThat(byDefault.repeatedReport()).isEqualTo(FileSpec.RepeatedReport.MERGE);
        assertThat(byDefault.merge().milestones())
                .containsExactly(
                        Outcome.UNDER_INVESTIGATION,
                        Outcome.SUBJECT_IDENTIFIED,
                        Outcome.SEARCH_WARRANT_SERVED,
                        Outcome.ARREST,
                        Outcome.CHARGED,
                        Outcome.CONVICTED);
        assertThat(own.merge().milestones())
                .isEqualTo(List.of(Outcome.UNDER_INVESTIGATION, Outcome.ARREST, Outcome.CONVICTED));
        assertThat(load("", problems).files().merge()).isNull();
    }

    @Test
    void namesEveryProblemOfTheMilestonesAndAMergeThatIsNotOn() throws Exception {
        ConfigProblems problems = new ConfigProblems();

        load(
                "  repeated_report: merge\n  merge: { milestones: [ARREST, ARRESTED, UNKNOWN, ARREST], order: x }\n",
                problems);
        load("  repeated_report: first\n  merge: { milestones: [ARREST] }\n", problems);

        assertThat(problems.problems())
                .containsExactly(
                        "TEST.yml: files.merge.milestones: 'ARRESTED' is not a schema outcome (one of "
                                + List.of(Outcome.values()) + ")",
                        "TEST.yml: files.merge.milestones: UNKNOWN says nothing of how far a referral got; leave it"
                                + " out",
                        "TEST.yml: files.merge.milestones: ARREST is listed twice",
                        "TEST.yml: files.merge.order: is not a known key here (known: [milestones]; misspelt?)",
                        "TEST.yml: files.merge: has no effect unless repeated_report is merge");
    }
}
