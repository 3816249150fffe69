package org.feedbackharmonizer.cli;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.feedbackharmonizer.config.ConfigInvalid;
import org.feedbackharmonizer.load.RunPlan;
import org.feedbackharmonizer.store.FileStatus;
import org.feedbackharmonizer.store.JdbcFeedbackStore;
import org.feedbackharmonizer.store.RunLock;
import org.feedbackharmonizer.store.RunLog;
import org.feedbackharmonizer.store.SourceFileRecord;
import org.springframework.context.ConfigurableApplicationContext;

/** What {@code status} and {@code history} print, read from the store. */
final class RunReport {
    private RunReport() {}

    static int show(CommonOptions options, int limit, boolean perAgency) {
        Harmonizer h;
        try {
            h = Harmonizer.load(options.config);
        } catch (ConfigInvalid e) {
            e.problems().forEach(p -> System.err.println("harmonizer: " + p));
            return ExitCodes.USAGE;
        }
        RunPlan plan = new RunPlan(
                "status",
                "status",
                h.settings(),
                h.agencies(),
                h.ledger(),
                options.input,
                options.output,
                LocalDate.now(),
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                RunPlan.newResults());
        try (ConfigurableApplicationContext ctx = StoreContext.start(h.settings(), plan)) {
            DataSource ds = ctx.getBean(DataSource.class);
            new RunLock(ds)
                    .holder()
                    .ifPresent(holder -> System.out.println("ACTIVE: " + holder.describe()
                            + (holder.isStale() ? " (stale: its process is gone; run 'harmonizer restart')" : "")));
            RunLog runLog = new RunLog(ds);
            List<RunLog.Entry> runs = runLog.last(limit);
            if (runs.isEmpty()) {
                System.out.println("No runs yet.");
            }
            System.out.printf(
                    "%-27s %-8s %-20s %8s %-11s %4s %6s %9s %8s%n",
                    "RUN", "COMMAND", "STARTED", "SECONDS", "STATUS", "EXIT", "FILES", "WRITTEN", "REJECTED");
            for (RunLog.Entry r : runs) {
                String secs = r.finished() == null
                        ? "-"
                        : Long.toString(
                                Duration.between(r.started(), r.finished()).toSeconds());
                System.out.printf(
                        "%-27s %-8s %-20s %8s %-11s %4s %3d/%-2d %9d %8d%n",
                        r.runId(),
                        r.command(),
                        r.started().toString().substring(0, 19),
                        secs,
                        r.status(),
                        r.exitCode() == null ? "-" : r.exitCode(),
                        r.filesLoaded(),
                        r.filesQuarantined(),
                        r.rowsWritten(),
                        r.rowsRejected());
                for (RunLog.AgencyEntry a : runLog.agencies(r.runId())) {
                    // a code longer than its column takes the room of the blank columns after it
                    String code = a.agencyCode();
                    System.out.printf(
                            "    %-23s %" + Math.max(1, 47 - Math.max(0, code.length() - 23)) + "s %3d/%-2d %9d %8d%n",
                            code,
                            "",
                            a.filesLoaded(),
                            a.filesQuarantined(),
                            a.rowsWritten(),
                            a.rowsRejected());
                }
            }
            if (perAgency) {
                Map<String, long[]> agencies = new TreeMap<>();
                h.agencies().forEach(a -> agencies.put(a.code(), new long[4]));
                for (SourceFileRecord f : new JdbcFeedbackStore(ds).sourceFiles()) {
                    long[] c = agencies.computeIfAbsent(f.agencyCode(), k -> new long[4]);
                    if (f.status() == FileStatus.REPLACED) {
                        continue;
                    }
                    c[f.status() == FileStatus.LOADED ? 0 : f.status() == FileStatus.QUARANTINED ? 1 : 2]++;
                    c[3] += f.counts().rowsWritten();
                }
                // codes run to 64 characters: the first column is as wide as the longest
                int width = Math.max(
                        14,
                        agencies.keySet().stream()
                                .mapToInt(String::length)
                                .max()
                                .orElse(0));
                String row = "%-" + width + "s %7d %12d %8d %9d%n";
                System.out.printf(
                        "%n%-" + width + "s %7s %12s %8s %9s%n", "AGENCY", "LOADED", "QUARANTINED", "LOADING", "ROWS");
                agencies.forEach((a, c) -> System.out.printf(row, a, c[0], c[1], c[2], c[3]));
            }
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            System.err.println("harmonizer: cannot read the store: " + JobRunner.oneLine(e));
            return ExitCodes.FAILED;
        }
    }
}
