package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run after an agency's configuration changed says that its files were read with the earlier one. */
class ConfigChangeRunTest {

    @Test
    void warnsUntilARerunReadsTheAgencysFilesWithTheNewConfiguration(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        assertThat(s.run("run", "--as-of", "2025-11-25")).isZero();
        var unchanged = s.runCapturing("run", "--as-of", "2025-11-25");
        Files.writeString(s.config.resolve("agencies/AZ-PHX.yml"), "# a label added\n", StandardOpenOption.APPEND);

        var changed = s.runCapturing("run", "--as-of", "2025-11-25");
        var rerun = s.runCapturing("rerun", "--agency", "AZ-PHX", "--as-of", "2025-11-25");
        var after = s.runCapturing("run", "--as-of", "2025-11-25");

        assertThat(unchanged.out()).doesNotContain("earlier version");
        assertThat(changed.exit()).isZero();
        assertThat(changed.out())
                .containsPattern("WARN .*AZ-PHX: \\d+ loaded file\\(s\\) were read with an earlier version of"
                        + " AZ-PHX.yml; this run reads only new files, 'harmonizer rerun --agency AZ-PHX' reads"
                        + " them again with this one")
                .doesNotContain("TX-DALLAS: ");
        assertThat(rerun.out()).doesNotContain("earlier version");
        assertThat(after.out()).doesNotContain("earlier version");
    }
}
