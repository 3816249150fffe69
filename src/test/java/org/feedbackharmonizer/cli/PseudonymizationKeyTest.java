package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key decides the referral keys: the same key gives the same keys in every run, another key other keys. */
class PseudonymizationKeyTest {

    static Set<String> referralKeys(SampleRun run) throws Exception {
        Set<String> keys = new HashSet<>();
        for (CSVRecord r : NightlyRunTest.csv(run.output.resolve("feedback.csv"))) {
            keys.add(r.get("referral_key"));
        }
        return keys;
    }

    @Test
    void theSameKeyGivesTheSameReferralKeysAndAnotherKeyOthers(@TempDir Path tmp) throws Exception {
        Path shared = tmp.resolve("secrets/key");
        SampleRun first = new SampleRun(tmp.resolve("a"), "key_file: " + shared + "\n");
        SampleRun second = new SampleRun(tmp.resolve("b"), "key_file: " + shared + "\n");
        SampleRun other = new SampleRun(tmp.resolve("c"));
        assertThat(first.run("run", "--as-of", "2025-11-25")).isZero();
        assertThat(second.run("run", "--as-of", "2025-11-25")).isZero();
        assertThat(other.run("run", "--as-of", "2025-11-25")).isZero();

        assertThat(Files.readString(second.output.resolve("feedback.csv")))
                .isEqualTo(Files.readString(first.output.resolve("feedback.csv")));
        Set<String> a = referralKeys(first);
        Set<String> c = referralKeys(other);
        assertThat(a).hasSize(244);
        assertThat(c).hasSize(244).doesNotContainAnyElementsOf(a);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)))
                .isEqualTo("rw-------");
        String fingerprint = org.feedbackharmonizer.deidentify.KeyFile.resolve(shared, java.util.Map.of())
                .fingerprint();
        assertThat(Files.readString(first.output.resolve("run-summary.json")))
                .contains("\"key_fingerprint\" : \"" + fingerprint + "\"");
    }

    @Test
    void aKeyFileOthersCanReadStopsTheRunWithExit64(@TempDir Path tmp) throws Exception {
        Path key = tmp.resolve("key");
        SampleRun run = new SampleRun(tmp.resolve("a"), "key_file: " + key + "\n");
        assertThat(run.run("run", "--as-of", "2025-11-25")).isZero();
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        StringWriter err = new StringWriter();
        int exit = HarmonizerCommand.execute(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "run",
                "--config",
                run.config.toString(),
                "--input",
                run.input.toString(),
                "--output",
                run.output.toString());
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
    }
}
