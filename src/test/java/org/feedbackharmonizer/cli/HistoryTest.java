package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code history} and {@code status} show each run's exit code and counts, and the files per agency. */
class HistoryTest {

    @Test
    void historyListsBothRunsWithTheirExitCodesAndCountsAndStatusTheFilesPerAgency(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        assertThat(s.run("run", "--as-of", "2025-11-25")).isZero();
        JsonNode first = s.summary().get("totals");
        Files.write(s.input.resolve("dallas/dallas-outcomes-2025-11-30.xlsx"), new byte[] {'P', 'K', 3, 4, 0});
        assertThat(s.run("run", "--as-of", "2025-11-25")).isEqualTo(ExitCodes.QUARANTINED);

        var history = s.runCapturing("history", "--limit", "5");

        assertThat(history.exit()).isZero();
        List<String[]> runs = history.out()
                .lines()
                .filter(l -> l.matches("^\\d{8}T\\d{6}\\.\\d{3}-\\d+ .*"))
                .map(l -> l.trim().split("\\s+"))
                .toList();
        assertThat(runs).hasSize(2);
        // RUN COMMAND STARTED SECONDS STATUS EXIT FILES WRITTEN REJECTED, newest first
        assertThat(runs.get(0))
                .containsExactly(
                        runs.get(0)[0], "run", runs.get(0)[2], runs.get(0)[3], "COMPLETED", "2", "0/1", "0", "0");
        assertThat(runs.get(1))
                .containsExactly(
                        runs.get(1)[0],
                        "run",
                        runs.get(1)[2],
                        runs.get(1)[3],
                        "COMPLETED",
                        "0",
                        "10/0",
                        first.get("rows_written").asString(),
                        first.get("rows_rejected").asString());
        // and per agency under each run: the second run quarantined one Dallas file, the first loaded two
        List<String> agencyLines = history.out()
                .lines()
                .filter(l -> l.startsWith("    TX-DALLAS "))
                .map(l -> String.join(" ", l.trim().split("\\s+")))
                .toList();
        assertThat(agencyLines).containsExactly("TX-DALLAS 0/1 0 0", "TX-DALLAS 2/0 95 1");

        var status = s.runCapturing("status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).doesNotContain("ACTIVE");
        assertThat(status.out()
                        .lines()
                        .filter(l -> l.startsWith("TX-DALLAS"))
                        .findFirst()
                        .orElseThrow()
                        .trim()
                        .split("\\s+"))
                .containsExactly("TX-DALLAS", "2", "1", "0", "95");
        var newest = s.runCapturing("history", "--limit", "1");
        assertThat(newest.exit()).isZero();
        assertThat(newest.out().lines().filter(l -> l.matches("^\\d{8}T\\d{6}\\.\\d{3}-\\d+ .*")))
                .singleElement()
                .satisfies(l -> assertThat(l).startsWith(runs.get(0)[0] + " "));
    }
}
