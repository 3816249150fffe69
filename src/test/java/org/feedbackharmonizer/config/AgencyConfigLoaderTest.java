package org.feedbackharmonizer.config;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.feedbackharmonizer.mapping.DateValueParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private Path write(String name, String yaml) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }
}
