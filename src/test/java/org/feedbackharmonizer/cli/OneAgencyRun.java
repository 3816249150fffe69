package org.feedbackharmonizer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.feedbackharmonizer.deidentify.KeyFile;
import org.feedbackharmonizer.deidentify.KeyProblem;
import org.feedbackharmonizer.deidentify.Pseudonymizer;
import org.feedbackharmonizer.store.JdbcFeedbackStore;
import org.feedbackharmonizer.store.StoredObservation;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An installation in a temporary folder with one agency, TEST, whose YAML and files a test writes: for a config
 * feature shown end to end on a file made for it.
 */
final class OneAgencyRun {
    static final String AS_OF = "2025-11-25";

    /** The keys every agency needs; files in {@code input/test/}, dated by name. Ends inside {@code files:}. */
    static final String HEAD = """
            agency: TEST
            jurisdiction: US-ZZ
            agreement: { id: DSA-T, effective: 2025-01-01, cadence: quarterly }
            files:
              glob: "test/*.csv"
              as_of: { from_name: '(\\d{4}-\\d{2}-\\d{2})' }
            """;

    final Path config;
    final Path input;
    final Path output;
    final Path data;

    OneAgencyRun(Path root, String agencyYaml) throws IOException {
        this.config = root.resolve("config");
        this.input = root.resolve("input");
        this.output = root.resolve("output");
        this.data = root.resolve("data");
        Files.createDirectories(config.resolve("agencies"));
        Files.createDirectories(input.resolve("test"));
        Files.copy(Path.of("src/test/resources/blind-agency/config/ledger.yml"), config.resolve("ledger.yml"));
        Files.writeString(config.resolve("harmonizer.yml"), "data_dir: " + data.toAbsolutePath() + "\n");
        agency(agencyYaml);
    }

    /** Replaces the agency's YAML. */
    void agency(String yaml) throws IOException {
        Files.writeString(config.resolve("agencies/TEST.yml"), yaml, StandardCharsets.UTF_8);
    }

    /** Puts a file in the agency's inbox folder, {@code input/test/}. */
    Path file(String name, String content) throws IOException {
        return Files.writeString(input.resolve("test").resolve(name), content, StandardCharsets.UTF_8);
    }

    int run(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                command, "--config", config.toString(), "--input", input.toString(), "--output", output.toString()));
        args.addAll(List.of(extra));
        return HarmonizerCommand.execute(args.toArray(String[]::new));
    }

    CommandOutput preview(Path file) {
        return CommandOutput.run("preview", "--config", config.toString(), "--agency", "TEST", file.toString());
    }

    JsonNode summary() {
        return JsonMapper.builder()
                .build()
                .readTree(output.resolve("run-summary.json").toFile());
    }

    List<CSVRecord> feedback() throws IOException {
        return NightlyRunTest.csv(output.resolve("feedback.csv"));
    }

    Pseudonymizer pseudonymizer() throws KeyProblem {
        return KeyFile.resolve(data.resolve("pseudonymization.key"), Map.of()).pseudonymizer();
    }

    /** Every observation of the history, read through the store as consolidation reads it. */
    List<StoredObservation> observations() {
        List<StoredObservation> all = new ArrayList<>();
        new JdbcFeedbackStore(new DriverManagerDataSource(
                        "jdbc:h2:file:" + data.resolve("harmonizer").toAbsolutePath() + ";AUTO_SERVER=TRUE", "sa", ""))
                .forEachObservation(all::add);
        return all;
    }
}
