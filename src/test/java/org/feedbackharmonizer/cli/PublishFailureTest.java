package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A publish that fails leaves the previous outputs exactly as they were, and no staging folder behind. */
class PublishFailureTest {

    @Test
    void whenTheOutputGuardRefusesThePreviousOutputsStayInPlace(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        assertThat(s.run("run", "--as-of", "2025-11-25")).isZero();
        Map<String, byte[]> before = outputs(s);
        Path phx = s.config.resolve("agencies/AZ-PHX.yml");
        Files.writeString(phx, Files.readString(phx).replace("id: DSA-AZ-PHX-2025", "id: steward@example.com"));

        var rerun = s.runCapturing("rerun", "--agency", "AZ-PHX", "--as-of", "2025-11-25");

        assertThat(rerun.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(rerun.err()).contains("harmonizer: the job failed").doesNotContain("steward@example.com");
        Map<String, byte[]> after = outputs(s);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        // metrics.prom is monitoring, not a published table: it must tell the failure (exit code 1).
        assertThat(new String(after.get("metrics.prom"), StandardCharsets.UTF_8))
                .contains("harmonizer_last_run_exit_code 1.0");
        System.out.println("METRICS>>"
                + new String(after.get("metrics.prom"), StandardCharsets.UTF_8)
                        .lines()
                        .filter(l -> l.contains("feedback_rows") || l.contains("example"))
                        .toList());
        assertThat(new String(after.get("metrics.prom"), StandardCharsets.UTF_8))
                .doesNotContain("steward@example.com");
        before.remove("metrics.prom");
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
        try (Stream<Path> all = Files.walk(s.output)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".staging-"));
        }
    }

    private static Map<String, byte[]> outputs(SampleRun s) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(s.output)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(s.output.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
