package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.feedbackharmonizer.deidentify.KeyFile;
import org.feedbackharmonizer.deidentify.Pseudonymizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferralKeyCommandTest {

    @Test
    void printsTheKeyARunGivesEachNumberAndNeverTheNumbers(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        assertThat(s.run("run", "--as-of", "2025-11-25")).isZero();
        Pseudonymizer runs = KeyFile.resolve(s.data.resolve("pseudonymization.key"), Map.of())
                .pseudonymizer();

        CommandOutput keys =
                CommandOutput.run("referral-key", "--config", s.config.toString(), "201234567", "0201234568");

        assertThat(keys.exitCode()).isZero();
        assertThat(keys.out())
                .isEqualTo(runs.referralKey("201234567") + "\n" + runs.referralKey("201234568") + "\n")
                .doesNotContain("20123456");
    }

    @Test
    void makesNoKeyWhereNoRunHasOne(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);

        CommandOutput keys = CommandOutput.run("referral-key", "--config", s.config.toString(), "201234567");

        assertThat(keys.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(keys.err()).contains("no pseudonymization key yet").contains("the first run creates it");
        assertThat(keys.out()).isEmpty();
        assertThat(Files.exists(s.data.resolve("pseudonymization.key"))).isFalse();
    }

    @Test
    void printsNothingWhenAnArgumentIsNotAReportNumber(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        assertThat(s.run("run", "--as-of", "2025-11-25")).isZero();

        CommandOutput keys =
                CommandOutput.run("referral-key", "--config", s.config.toString(), "201234567", "2O1234567");

        assertThat(keys.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(keys.err())
                .startsWith("harmonizer: argument 2 is not a report number")
                .doesNotContain("2O1234567");
        assertThat(keys.out()).isEmpty();
    }
}
