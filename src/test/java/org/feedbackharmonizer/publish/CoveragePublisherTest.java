package org.feedbackharmonizer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedbackharmonizer.coverage.CoverageFixture;
import org.feedbackharmonizer.coverage.CoverageScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoveragePublisherTest {

    @TempDir
    Path dir;

    private Path publish(String out) {
        CoverageFixture f = CoverageScenario.build(new CoverageFixture(dir.resolve(out + "-db")));
        Path output = dir.resolve(out);
        new CoveragePublisher()
                .publish(f.ds, CoverageScenario.AGENCIES, CoverageFixture.settings(11), CoverageScenario.AS_OF, output);
        return output;
    }

    @Test
    void writesCoverageWithSmallCellsSuppressedAndNotReportedMonthsWithoutAPercentage() throws Exception {
        String outcomes0 = "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0";
        assertThat(Files.readString(publish("out").resolve("coverage_by_jurisdiction.csv")))
                .isEqualTo(String.join(",", PublishedTables.COVERAGE.header()) + "\n"
                        + "US-OH,2025-01,,0,,0,,,0," + outcomes0 + ",false,NOT_REPORTED\n"
                        + "US-TX,2025-01,12,12,100.0,11,91.7,15,,0,0,0,0,0,,0,0,,0,0,0,0,0,0,true,REPORTED\n"
                        + "US-TX,2025-02,12,0,0.0,0,,,0," + outcomes0 + ",false,REPORTED_NO_FEEDBACK\n"
                        + "US-TX,2025-04,,0,,0,,,0," + outcomes0 + ",false,NOT_REPORTED\n"
                        + "US-TX,unknown,0,0,,0,,,," + outcomes0 + ",false,UNKNOWN_MONTH\n");
    }

    @Test
    void listsEveryConfiguredAgencyWithItsNextFileDue() throws Exception {
        assertThat(Files.readString(publish("out").resolve("agency_submissions.csv")))
                .isEqualTo(
                        String.join(",", PublishedTables.SUBMISSIONS.header()) + "\n"
                                + "CA-C,US-CA,DSA-CA-C,MONTHLY,10,1,0,0000000000000004,2024-12-31,,0,AGREEMENT_EXPIRED,2025-06-30\n"
                                + "OH-B,US-OH,DSA-OH-B,QUARTERLY,30,0,1,,,2025-04-30,61,NEVER_SENT,2025-06-30\n"
                                + "TX-A,US-TX,DSA-TX-A,MONTHLY,15,2,0,0000000000000002,2025-03-31,2025-05-15,46,OVERDUE,2025-06-30\n");
    }

    @Test
    void writesParticipationAndConditionalCompleteness() throws Exception {
        Path out = publish("out");
        assertThat(Files.readString(out.resolve("participation_by_jurisdiction.csv")))
                .isEqualTo("jurisdiction_code,month,agencies_under_agreement,agencies_reporting,participation_pct\n"
                        + "US-OH,2025-01,1,0,0.0\nUS-TX,2025-01,1,1,100.0\nUS-TX,2025-02,1,1,100.0\n"
                        + "US-TX,2025-04,1,0,0.0\n");
        assertThat(Files.readAllLines(out.resolve("field_completeness.csv")))
                .contains(
                        // Conditional denominators: 2 rows with actionable NO, 12 closed, 15 in all. Counts
                        // below 11 are suppressed with a complement, and the share with them.
                        "TX-A,not_actionable_reason,,,",
                        "TX-A,days_to_close,12,,",
                        "TX-A,received_month,15,,",
                        "OH-B,outcome,0,0,");
    }

    @Test
    void stewardListOfUnmappedLabelsIsNeutralizedAndOutsideThePublishedTables() throws Exception {
        Path out = publish("out");
        assertThat(Files.readString(out.resolve("steward/unmapped_values.csv")))
                .isEqualTo("agency_code,field,column,label,occurrences\nTX-A,outcome,Disposition,Arrested?,5\n");
        assertThat(Files.readString(out.resolve("datapackage.json"))).doesNotContain("unmapped");
    }

    @Test
    void sameStoreAndDateGiveByteIdenticalFiles() throws Exception {
        Path a = publish("a");
        Path b = publish("b");
        for (String name : new String[] {
            "coverage_by_jurisdiction.csv",
            "participation_by_jurisdiction.csv",
            "agency_submissions.csv",
            "field_completeness.csv",
            "coverage-report.html",
            "datapackage.json"
        }) {
            assertThat(Files.mismatch(a.resolve(name), b.resolve(name)))
                    .as(name)
                    .isEqualTo(-1L);
        }
    }

    @Test
    void reportIsSelfContainedWithOneHeatMapRowPerJurisdictionAndOverdueAgenciesFirst() throws Exception {
        String html = Files.readString(publish("out").resolve("coverage-report.html"));
        assertThat(html).doesNotContain("<script", "http://", "https://", "<link", "<img", "@import", "url(");
        assertThat(html).doesNotContain("secret-name");
        Matcher heat =
                Pattern.compile("(?s)<table class=\"heatmap\">(.*?)</table>").matcher(html);
        assertThat(heat.find()).isTrue();
        assertThat(Pattern.compile("<tr class=\"jurisdiction\">")
                        .matcher(heat.group(1))
                        .results()
                        .count())
                .isEqualTo(2);
        assertThat(heat.group(1)).contains("not reported", "100.0%", "0.0%");
        Matcher overdue = Pattern.compile("(?s)<h2 id=\"overdue\">.*?<tbody>(.*?)</tbody>")
                .matcher(html);
        assertThat(overdue.find()).isTrue();
        assertThat(overdue.group(1).indexOf("OH-B")).isLessThan(overdue.group(1).indexOf("TX-A"));
        assertThat(overdue.group(1).indexOf("TX-A")).isLessThan(overdue.group(1).indexOf("CA-C"));
        assertThat(html).contains("id=\"completeness\"", "id=\"reconciliation\"", "id=\"totals\"");
        assertThat(Files.readString(publish("out2").resolve("coverage-report.html")))
                .isEqualTo(html);
    }
}
