package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nightly run killed with SIGKILL at several points, then restarted (or simply run again), ends with the same
 * store and outputs as a run that was never interrupted: finished files are not redone, a half-loaded file is
 * redone from a clean state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRestartTest {
    static final int BIG_ROWS = 10_000;
    static final Duration START = Duration.ofSeconds(90);

    Path tmp;

    SampleRun uninterrupted;
    String expectedDump;
    byte[] expectedFeedback;
    byte[] expectedRejects;

    @BeforeAll
    void runOnceWithoutInterruption(@TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        uninterrupted = new SampleRun(tmp.resolve("uninterrupted"));
        uninterrupted.addBigAgency(BIG_ROWS);
        assertThat(uninterrupted.run("run", "--as-of", "2025-11-25")).isZero();
        expectedDump = uninterrupted.dump();
        expectedFeedback = Files.readAllBytes(uninterrupted.output.resolve("feedback.csv"));
        expectedRejects = Files.readAllBytes(uninterrupted.output.resolve("rejects.csv"));
    }

    /** A copy of the installation with the same key, so that referral keys agree. */
    SampleRun installation(String name) throws Exception {
        SampleRun s = new SampleRun(tmp.resolve(name));
        s.addBigAgency(BIG_ROWS);
        Files.createDirectories(s.data);
        Files.copy(
                uninterrupted.data.resolve("pseudonymization.key"),
                s.data.resolve("pseudonymization.key"),
                StandardCopyOption.COPY_ATTRIBUTES);
        return s;
    }

    private void assertSameAsUninterrupted(SampleRun s) throws Exception {
        assertThat(s.dump()).isEqualTo(expectedDump);
        assertThat(Files.readAllBytes(s.output.resolve("feedback.csv"))).isEqualTo(expectedFeedback);
        assertThat(Files.readAllBytes(s.output.resolve("rejects.csv"))).isEqualTo(expectedRejects);
        try (Stream<Path> left = Files.list(s.output)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".staging-"));
        }
    }

    private long bigRowsStored(SampleRun s) throws Exception {
        return Long.parseLong(
                s.query("SELECT COALESCE(SUM(row_count), 0) FROM observation_batch WHERE agency_code = 'AZ-BIG'"));
    }

    @Test
    void killedBeforeAnyFileFinishedThenRestartedEqualsAnUninterruptedRun() throws Exception {
        SampleRun s = installation("before-any-file");
        try (ChildRun child = ChildRun.start(Map.of(), s.args("run", "--as-of", "2025-11-25"))) {
            child.awaitLine("file(s) to load", START);
            child.kill();
            assertThat(child.output()).doesNotContain("loaded ");
        }
        assertThat(s.query("SELECT COUNT(*) FROM source_file WHERE status = 'LOADED'"))
                .isEqualTo("0");
        assertThat(s.query("SELECT COUNT(*) FROM run_lock"))
                .as("the dead run's lock")
                .isEqualTo("1");

        var restart = s.runCapturing("restart", "--as-of", "2025-11-25");

        assertThat(restart.exit()).isZero();
        assertThat(restart.out() + restart.err()).contains("cleared the stale lock");
        assertSameAsUninterrupted(s);
        assertThat(s.summary().get("files")).hasSize(11);
    }

    @Test
    void killedInTheMiddleOfAFileThenRestartedRedoesThatFileFromACleanState() throws Exception {
        SampleRun s = installation("mid-file");
        try (ChildRun child = ChildRun.start(Map.of(), s.args("run", "--as-of", "2025-11-25"))) {
            child.awaitLine("file(s) to load", START);
            long stored = 0;
            for (long deadline = System.nanoTime() + START.toNanos(); stored == 0 && System.nanoTime() < deadline; ) {
                Thread.sleep(20);
                stored = bigRowsStored(s);
            }
            child.kill();
            assertThat(stored)
                    .as("rows of the big file committed when it was killed")
                    .isBetween(1L, BIG_ROWS - 1L);
            assertThat(child.output()).doesNotContain("big_feedback");
        }
        // H2 may lose the last commits of a killed process (it writes to the file in the background): what
        // survives is a consistent earlier state, in which the big file is at most LOADING, never LOADED.
        assertThat(s.query("SELECT COUNT(*) FROM source_file WHERE agency_code = 'AZ-BIG' AND status = 'LOADED'"))
                .isEqualTo("0");
        String loadedBefore = s.query("SELECT COUNT(*) FROM source_file WHERE status = 'LOADED'");

        var restart = s.runCapturing("restart", "--as-of", "2025-11-25");

        assertThat(restart.exit()).isZero();
        assertSameAsUninterrupted(s);
        // the files the dead run finished were not loaded again
        assertThat(s.summary().get("files")).hasSize(11 - Integer.parseInt(loadedBefore));
        // and the next nightly run has nothing left to do
        assertThat(s.run("run", "--as-of", "2025-11-25")).isZero();
        assertThat(s.summary().get("files")).isEmpty();
        assertSameAsUninterrupted(s);
    }

    @Test
    void killedAfterLoadingBeforePublishingThenAPlainRunFinishes() throws Exception {
        SampleRun s = installation("before-publish");
        try (ChildRun child = ChildRun.start(Map.of(), s.args("run", "--as-of", "2025-11-25"))) {
            child.awaitLine("big_feedback_2025-10-31.csv", START);
            child.kill();
            assertThat(child.output()).doesNotContain("published");
        }
        assertThat(Files.exists(s.output.resolve("feedback.csv"))).isFalse();
        assertThat(s.query("SELECT COUNT(*) FROM source_file WHERE agency_code = 'AZ-BIG' AND status = 'LOADED'"))
                .isEqualTo("1");

        var run = s.runCapturing("run", "--as-of", "2025-11-25");

        assertThat(run.exit()).isZero();
        assertThat(run.out() + run.err()).contains("cleared the stale lock");
        assertSameAsUninterrupted(s);
    }

    /**
     * A rebuild commits as it goes, so a run killed during consolidation leaves the state built here: the agency's
     * files marked unconsolidated (the rebuild's first step) and only some of its current rows written. The kill
     * itself falls in a window of milliseconds, too short to hit reliably, so the state is made by hand.
     */
    @Test
    void anAgencyKilledHalfWayThroughItsRebuildIsRecomputedWholeByTheNextRun() throws Exception {
        SampleRun s = installation("mid-rebuild");
        assertThat(s.run("run", "--as-of", "2025-11-25")).isZero();
        s.update("UPDATE source_file SET consolidated = FALSE WHERE agency_code = 'AZ-BIG'");
        s.update("DELETE FROM feedback WHERE agency_code = 'AZ-BIG' AND referral_key >= '8'");
        assertThat(Long.parseLong(s.query("SELECT COUNT(*) FROM feedback WHERE agency_code = 'AZ-BIG'")))
                .isBetween(1L, BIG_ROWS - 1L);

        assertThat(s.run("run", "--as-of", "2025-11-25")).isZero();

        assertThat(s.summary().get("files")).isEmpty();
        assertSameAsUninterrupted(s);
    }

    @Test
    void restartWithNothingToRestartSaysSoAndExitsZero() throws Exception {
        var restart = uninterrupted.runCapturing("restart", "--as-of", "2025-11-25");
        assertThat(restart.exit()).isZero();
        assertThat(restart.out() + restart.err()).contains("nothing to restart");
        assertThat(uninterrupted.summary().get("files")).isEmpty();
        assertThat(uninterrupted.dump()).isEqualTo(expectedDump);
    }
}
