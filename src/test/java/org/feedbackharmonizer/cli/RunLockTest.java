package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run at a time, across processes: a second run is refused at once; a dead run's lock is stale. */
class RunLockTest {

    @Test
    void aSecondRunIsRefusedNamingTheActiveRunAndADeadRunsLockIsStaleUntilRestart(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        s.addBigAgency(10_000);
        try (ChildRun child = ChildRun.start(Map.of(), s.args("run", "--as-of", "2025-11-25"))) {
            child.awaitLine("file(s) to load", Duration.ofSeconds(90));

            var second = s.runCapturing("run", "--as-of", "2025-11-25");

            assertThat(second.exit()).isEqualTo(ExitCodes.BUSY);
            assertThat(second.err())
                    .contains("another run is active: run ")
                    .contains("(" + child.pid() + "@")
                    .contains("Wait for it to finish");
            var status = s.runCapturing("status");
            assertThat(status.out())
                    .contains("ACTIVE: run ")
                    .contains(child.pid() + "@")
                    .doesNotContain("stale");

            child.kill();
        }
        var status = s.runCapturing("status");
        assertThat(status.out()).contains("ACTIVE: run ").contains("(stale: its process is gone");

        var restart = s.runCapturing("restart", "--as-of", "2025-11-25");

        assertThat(restart.exit()).isZero();
        assertThat(restart.out() + restart.err()).contains("cleared the stale lock");
        assertThat(s.runCapturing("status").out()).doesNotContain("ACTIVE");
        assertThat(s.query("SELECT COUNT(*) FROM run_lock")).isEqualTo("0");
        assertThat(s.runCapturing("history").out()).contains("INTERRUPTED");
    }

    @Test
    void aLockLeftByADeadProcessOnThisHostIsStale(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        assertThat(s.run("run", "--as-of", "2025-11-25")).isZero();
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        s.update("INSERT INTO run_lock VALUES ('harmonizer', '20250101T000000-" + dead.pid() + "', '" + dead.pid() + "@"
                + host + "', CURRENT_TIMESTAMP)");

        assertThat(s.runCapturing("status").out()).contains("(stale: its process is gone");
        var run = s.runCapturing("run", "--as-of", "2025-11-25");

        assertThat(run.exit()).isZero();
        assertThat(run.out() + run.err()).contains("cleared the stale lock");
        assertThat(s.query("SELECT COUNT(*) FROM run_lock")).isEqualTo("0");
    }
}
