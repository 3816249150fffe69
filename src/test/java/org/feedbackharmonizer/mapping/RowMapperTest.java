package org.feedbackharmonizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.AgencyConfigLoader;
import org.feedbackharmonizer.config.ConfigProblems;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.ingest.RawRecord;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** Loads {@code AGENCY} plus the given keys through the real loader; the config must be valid. */
    private AgencyConfig agency(String rest) throws Exception {
        Path f = tmp.resolve("TEST.yml");
        Files.writeString(f, AGENCY + rest);
        ConfigProblems problems = new ConfigProblems();
        AgencyConfig config = new AgencyConfigLoader().load(f, problems);
        assertThat(problems.problems()).isEmpty();
        return config;
    }

    /** Maps one data row under a one-row header, as the job does once the header is found. */
    private static FeedbackRecord written(AgencyConfig agency, List<String> columns, String... cells) {
        List<List<String>> names = new ArrayList<>();
        for (String c : columns) {
            names.add(List.of(ColumnNames.normalize(c)));
        }
        List<CellValue> row = new ArrayList<>();
        for (String c : cells) {
            row.add(CellValue.text(c));
        }
        var context = new AgencyFileContext(agency, "file-1", LocalDate.of(2024, 3, 31), n -> "key-" + n);
        var mapper = new RowMapper(context, "", new Header(1, names, "test"), new UnmappedLabels());
        RowResult result = mapper.map(new RawRecord("", 2, row, false));
        assertThat(result).isInstanceOf(RowResult.Written.class);
        return ((RowResult.Written) result).records().get(0);
    }
}
