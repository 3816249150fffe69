package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files load concurrently; what comes out must not depend on it. */
class ParallelRunTest {

    @Test
    void twoThreadsPublishTheSameFeedbackAsOne(@TempDir Path tmp) throws Exception {
        SampleRun serial = new SampleRun(tmp.resolve("serial"), 1, "");
        SampleRun parallel = new SampleRun(tmp.resolve("parallel"), 2, "");
        // One key for both, so that referral keys (and so the bytes) can be compared.
        Files.createDirectories(parallel.data);
        assertThat(serial.run("run", "--as-of", "2025-11-25")).isZero();
        Files.copy(serial.data.resolve("pseudonymization.key"), parallel.data.resolve("pseudonymization.key"));

        assertThat(parallel.run("run", "--as-of", "2025-11-25")).isZero();

        assertThat(Files.readAllBytes(parallel.output.resolve("feedback.csv")))
                .isEqualTo(Files.readAllBytes(serial.output.resolve("feedback.csv")));
        assertThat(Files.readAllBytes(parallel.output.resolve("rejects.csv")))
                .isEqualTo(Files.readAllBytes(serial.output.resolve("rejects.csv")));
    }
}
