package org.feedbackharmonizer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.feedbackharmonizer.deidentify.OutputGuard;
import org.feedbackharmonizer.deidentify.OutputRejected;
import org.feedbackharmonizer.deidentify.SeenReportNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The export's text scanned by the output guard on another thread as it is written; a stuck pipe fails, not hangs. */
@Timeout(120)
class TextPipeTest {
    private static final int ROWS = 200_000; // far more text than the pipe holds at once

    @TempDir
    Path dir;

    private final OutputGuard guard = new OutputGuard(new SeenReportNumbers(), Set.of());

    @Test
    void theScanReadsEveryRowTheFileGetsAndFindsWhatTheLastOneHolds() throws Exception {
        Path file = dir.resolve("feedback.csv");
        Throwable finding = exportWhileScanning(file, "jane.doe@example.org");

        assertThat(Files.readAllLines(file)).hasSize(ROWS + 1).last().asString().contains("jane.doe@example.org");
        assertThat(finding).isInstanceOfSatisfying(OutputRejected.class, r -> {
            assertThat(r.kind()).isEqualTo(OutputGuard.Kind.EMAIL);
            assertThat(r.position()).isEqualTo(ROWS + 1);
            assertThat(r.column()).hasValue("note");
        });
    }

    @Test
    void aCleanExportPassesTheScan() throws Exception {
        Path file = dir.resolve("feedback.csv");
        assertThat(exportWhileScanning(file, "closed")).isNull();
        assertThat(Files.readAllLines(file)).hasSize(ROWS + 1);
    }

    @Test
    void aScanThatStopsEarlyLetsTheExportFinish() throws Exception {
        Path file = dir.resolve("feedback.csv");
        TextPipe pipe = new TextPipe();
        try (BackgroundWork scanning = new BackgroundWork("test-scan")) {
            Future<Void> scan = scanning.submit(() -> {
                try (Reader text = pipe.reader()) {
                    guard.scanCsv("feedback.csv", text);
                }
                return null;
            });
            try (CsvOutput out = new CsvOutput(file, List.of("referral_key", "note"), pipe.writer())) {
                out.row("a", "jane.doe@example.org"); // the finding is in the first row
                for (int i = 0; i < ROWS; i++) {
                    out.row("k" + i, "closed");
                }
            }
            assertThatThrownBy(scan::get).isInstanceOf(ExecutionException.class);
        }
        assertThat(Files.readAllLines(file)).hasSize(ROWS + 2);
    }

    /** What the scan threw, or null when it passed. */
    private Throwable exportWhileScanning(Path file, String lastNote) throws Exception {
        TextPipe pipe = new TextPipe();
        Writer copy = pipe.writer();
        try (BackgroundWork scanning = new BackgroundWork("test-scan")) {
            Future<Void> scan = scanning.submit(() -> {
                try (Reader text = pipe.reader()) {
                    guard.scanCsv("feedback.csv", text);
                }
                return null;
            });
            try (CsvOutput out = new CsvOutput(file, List.of("referral_key", "note"), copy)) {
                for (int i = 0; i < ROWS - 1; i++) {
                    out.row("k" + i, "closed");
                }
                out.row("last", lastNote);
            }
            try {
                scan.get(1, TimeUnit.MINUTES);
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            }
        }
    }
}
