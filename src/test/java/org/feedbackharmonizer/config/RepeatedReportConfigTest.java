package org.feedbackharmonizer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code files.repeated_report}: last by default, first where the agency says so, nothing else. */
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
}
