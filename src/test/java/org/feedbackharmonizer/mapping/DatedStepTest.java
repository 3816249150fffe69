package org.feedbackharmonizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.AgencyYaml;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.ingest.RawRecord;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.YesNo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code dated: true}: an export with a date column per step, where a date says the step happened. */
class DatedStepTest {
    @TempDir
    Path tmp;

    private static final String STEPS = """
            values:
              dates: [M/d/yy, M/d/yyyy, MM-dd-yyyy]
            fields:
              report_number: { column: Report }
              arrest: { column: Arrest Date, dated: true, map: { '/(?i)^N.A -/': "NO" } }
              convicted:
                column: Conviction Date
                dated: true
                map: { '/(?i)^pending/': PENDING, '/(?i)^N.A -/': "NO" }
            """;

    @ParameterizedTest(name = "arrest ''{0}'' -> {1}")
    @CsvSource(
            quoteCharacter = '"',
            value = {"3/14/25, YES", "03-14-2025, YES", "N/A - juvenile, NO", "\"\", UNKNOWN", "n/a, UNKNOWN"})
    void readsADateAsYesAndTheFieldsOwnLabelsAsTheySay(String arrest, YesNo expected) throws Exception {
        AgencyConfig agency = AgencyYaml.valid(tmp, STEPS);

        RowResult r = map(agency, "123456789", arrest, "");

        assertThat(written(r).arrest()).isEqualTo(expected);
    }

    @Test
    void aConvictionDateIsAConvictionAndItsOutcome() throws Exception {
        AgencyConfig agency = AgencyYaml.valid(tmp, STEPS);

        var convicted = written(map(agency, "123456789", "1/5/25", "5/15/2025"));
        var pending = written(map(agency, "123456789", "1/5/25", "Pending - trial set 8/23/25"));

        assertThat(convicted.convicted()).isEqualTo(Conviction.YES);
        assertThat(convicted.outcome()).isEqualTo(Outcome.CONVICTED); // the furthest step that happened
        assertThat(pending.convicted()).isEqualTo(Conviction.PENDING);
        assertThat(pending.outcome()).isEqualTo(Outcome.ARREST);
    }

    @Test
    void anImpossibleDateIsABadDateAndAWordNoLabelKnowsIsAnUnknownLabel() throws Exception {
        AgencyConfig agency = AgencyYaml.valid(tmp, STEPS);

        Reject impossible = ((RowResult.Rejected) map(agency, "123456789", "2/30/25", "")).reject();
        Reject word = ((RowResult.Rejected) map(agency, "123456789", "TBD", "")).reject();

        assertThat(impossible.reason()).isEqualTo(RejectReason.BAD_DATE);
        assertThat(impossible.message()).endsWith("(a dated step: a date means YES)");
        assertThat(impossible.column()).isEqualTo("Arrest Date");
        assertThat(word.reason()).isEqualTo(RejectReason.BAD_YES_NO);
    }

    @Test
    void validateRefusesDatedOnAFieldThatIsNotAStep() throws Exception {
        var problems = new org.feedbackharmonizer.config.ConfigProblems();
        AgencyYaml.load(
                tmp, "fields:\n  report_number: { column: Report }\n  status: { column: S, dated: true }\n", problems);
        assertThat(problems.problems())
                .containsExactly("TEST.yml: fields.status.dated: has no effect on a field of schema values (dated is"
                        + " for yes/no fields and convicted)");
    }

    private static RowResult map(AgencyConfig agency, String... cells) {
        List<List<String>> names = new ArrayList<>();
        for (String c : List.of("Report", "Arrest Date", "Conviction Date")) {
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

    private static org.feedbackharmonizer.schema.FeedbackRecord written(RowResult result) {
        assertThat(result).isInstanceOf(RowResult.Written.class);
        return ((RowResult.Written) result).records().get(0);
    }
}
