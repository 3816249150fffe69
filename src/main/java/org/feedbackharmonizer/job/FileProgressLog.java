package org.feedbackharmonizer.job;

import org.feedbackharmonizer.load.FileLoadResult;
import org.feedbackharmonizer.load.FileProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of one file: on a terminal a line that updates every 50,000 rows with rows and rows/s; in a log
 * (no terminal) only the one line per file at the end.
 */
final class FileProgressLog implements FileProgress {
    private static final Logger log = LoggerFactory.getLogger("org.feedbackharmonizer.progress");
    private static final boolean TERMINAL = System.console() != null;
    private final String name;
    private final long started = System.nanoTime();
    private long rows;

    FileProgressLog(String name) {
        this.name = name;
    }

    @Override
    public void row() {
        if (++rows % 50_000 == 0 && TERMINAL) {
            System.err.printf("\r%s: %,d rows, %,.0f rows/s", name, rows, rows / seconds());
        }
    }

    private double seconds() {
        return Math.max(1e-9, (System.nanoTime() - started) / 1e9);
    }

    void done(FileLoadResult r) {
        if (TERMINAL && rows >= 50_000) {
            System.err.print("\r");
        }
        if (r.loaded()) {
            var c = r.counts();
            log.info(
                    "loaded {} [{}]: {} rows read, {} written ({} records), {} rejected, {} skipped in {}s ({} rows/s)",
                    r.fileName(),
                    r.agencyCode(),
                    c.rowsRead(),
                    c.rowsWritten(),
                    c.recordsWritten(),
                    c.rowsRejected(),
                    c.rowsSkipped(),
                    String.format(java.util.Locale.ROOT, "%.2f", r.seconds()),
                    String.format(java.util.Locale.ROOT, "%.0f", c.rowsRead() / Math.max(1e-9, r.seconds())));
        } else {
            log.warn("quarantined {}", r.refusal());
        }
    }
}
