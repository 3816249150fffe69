package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coverage report of the sample run, opened in headless Chromium (given by .ci/run through
 * HARMONIZER_TEST_CHROMIUM) with the network off: the browser builds the heat map with one row per jurisdiction,
 * the overdue table and the completeness matrix, and renders a screenshot a steward could read.
 */
class CoverageReportInBrowserTest {
    private static final String CHROMIUM = System.getenv("HARMONIZER_TEST_CHROMIUM");

    @Test
    void theReportRendersInChromiumWithoutTheNetwork(@TempDir Path tmp) throws Exception {
        if (CHROMIUM == null) {
            System.out.println("CoverageReportInBrowserTest skipped: set HARMONIZER_TEST_CHROMIUM to a chromium"
                    + " binary (as .ci/run does) to render the report");
        }
        Assumptions.assumeTrue(CHROMIUM != null, "HARMONIZER_TEST_CHROMIUM is not set");
        SampleRun run = new SampleRun(tmp.resolve("install"));
        assertThat(run.run("run", "--as-of", "2025-11-25")).isZero();
        Path report = run.output.resolve("coverage-report.html");

        String dom = chromium(tmp, "--dump-dom", report.toUri().toString());
        assertThat(dom).contains("<table class=\"heatmap\">", "Agency submissions", "Field completeness");
        long jurisdictionRows =
                dom.lines().filter(l -> l.contains("<th class=\"row\">US-")).count();
        assertThat(jurisdictionRows).isGreaterThanOrEqualTo(7);

        Path png = tmp.resolve("report.png");
        chromium(
                tmp,
                "--screenshot=" + png,
                "--window-size=1400,2000",
                report.toUri().toString());
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(20_000);
    }

    private static String chromium(Path tmp, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium")));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "chromium", ".out");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
