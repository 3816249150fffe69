package org.feedbackharmonizer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skip.from} takes one rule written as a {@code skip.when} rule is, and the same problems. */
class SkipFromValidationTest {
    @TempDir
    Path tmp;

    @Test
    void bindsTheRule() throws Exception {
        ConfigProblems problems = new ConfigProblems();

        AgencyConfig agency = load("skip: { from: { column: Report, matches: '(?i)^NOTES:' } }\n", problems);

        assertThat(problems.problems()).isEmpty();
        assertThat(agency.skip().from().column()).isEqualTo("Report");
        assertThat(agency.skip().from().matches().pattern()).isEqualTo("(?i)^NOTES:");
        assertThat(agency.skip().when()).isEmpty();
    }

    @Test
    void hasNoRuleByDefault() throws Exception {
        ConfigProblems problems = new ConfigProblems();

        assertThat(load("", problems).skip().from()).isNull();
        assertThat(load("skip: { blank_rows: false }\n", problems).skip().from())
                .isNull();
    }

    @Test
    void needsAColumnAndWhatItsTextMatches() throws Exception {
        ConfigProblems problems = new ConfigProblems();

        load("skip: { from: { colum: Report } }\n", problems);

        assertThat(problems.problems())
                .containsExactly(
                        "TEST.yml: skip.from: needs 'matches' (a regex) or 'equals'",
                        "TEST.yml: skip.from.colum: is not a known key here (known: [column, equals, matches];"
                                + " misspelt?)",
                        "TEST.yml: skip.from.column: is required");
    }

    private AgencyConfig load(String skip, ConfigProblems problems) throws Exception {
        return AgencyYaml.load(tmp, "fields: { report_number: { column: Report } }\n" + skip, problems);
    }
}
