package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark end to end on a small corpus: what it prints is what docs/scaling.md reads. */
class BenchCommandTest {

    @Test
    void timesRawParseAndJobAndEndsWithTheRatio(@TempDir Path tmp) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            exit = HarmonizerCommand.execute("bench", "--rows", "3000", "--threads", "2", "--work", tmp.toString());
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        out.print(text);

        assertThat(exit).isZero();
        List<String> lines = text.lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("corpus: 3000 rows in "));
        assertThat(lines).anyMatch(l -> l.matches("csv +\\d+ +\\d+ +\\d+ +[0-9.]+ .*"));
        assertThat(lines).anyMatch(l -> l.matches("overall +3000 .*"));
        assertThat(lines)
                .anyMatch(l -> l.matches(
                        "job steps: ledger [0-9.]+ s, load [0-9.]+ s, consolidate [0-9.]+ s, publish [0-9.]+ s"));
        assertThat(lines.get(lines.size() - 1))
                .matches("raw_rows_per_s=\\d+ job_rows_per_s=\\d+ peak_heap_mb=\\d+ ratio=[0-9.]+");
    }
}
