package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.feedbackharmonizer.deidentify.Pseudonymizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agency layout written blind by someone who never saw the config language (src/test/resources/blind-agency:
 * UTF-16 semicolon "print to CSV" pages, repeated headers, code legends, free-text yes/no, two layouts), onboarded
 * with one YAML file. Every referral comes out as its steward's notes say it should.
 */
class BlindAgencyOnboardingTest {
    private static final Path FIXTURE = Path.of("src/test/resources/blind-agency");
    private static final List<String> COMPARED =
            List.of("received_month", "status", "outcome", "arrest", "charged", "days_to_close");

    @Test
    void mapsEveryReferralAsTheStewardsNotesSay(@TempDir Path tmp) throws Exception {
        SampleRun.copyTree(FIXTURE.resolve("config"), tmp.resolve("config"));
        SampleRun.copyTree(FIXTURE.resolve("input"), tmp.resolve("input"));
        Files.writeString(tmp.resolve("config/harmonizer.yml"), "data_dir: " + tmp.resolve("data") + "\n");
        int exit = HarmonizerCommand.execute(
                "run",
                "--config",
                tmp.resolve("config").toString(),
                "--input",
                tmp.resolve("input").toString(),
                "--output",
                tmp.resolve("output").toString(),
                "--as-of",
                "2025-11-25");
        assertThat(exit).isZero();

        Pseudonymizer p = org.feedbackharmonizer.deidentify.KeyFile.resolve(
                        tmp.resolve("data/pseudonymization.key"), Map.of())
                .pseudonymizer();
        Map<String, CSVRecord> written = new HashMap<>();
        for (CSVRecord r : NightlyRunTest.csv(tmp.resolve("output/feedback.csv"))) {
            written.put(r.get("referral_key"), r);
        }
        List<CSVRecord> truth = NightlyRunTest.csv(FIXTURE.resolve("truth.csv"));
        long expectedWritten =
                truth.stream().filter(t -> t.get("expected").equals("written")).count();
        assertThat(written).hasSize((int) expectedWritten);
        assertThat(NightlyRunTest.csv(tmp.resolve("output/rejects.csv"))).hasSize(truth.size() - (int) expectedWritten);
        List<String> mismatches = new ArrayList<>();
        for (CSVRecord t : truth) {
            if (!t.get("expected").equals("written")) {
                continue;
            }
            CSVRecord a = written.get(p.referralKey(t.get("report_number")));
            if (a == null) {
                mismatches.add("row for a referral of " + t.get("received_month") + " missing");
                continue;
            }
            for (String f : COMPARED) {
                if (!a.get(f).equals(t.get(f))) {
                    mismatches.add(f + ": expected '" + t.get(f) + "' but was '" + a.get(f) + "' (outcome "
                            + t.get("outcome") + ")");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
