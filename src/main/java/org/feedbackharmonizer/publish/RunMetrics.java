package org.feedbackharmonizer.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.feedbackharmonizer.deidentify.OutputGuard;
import org.feedbackharmonizer.load.FileLoadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The run's metrics, for Prometheus: rows per agency and file, file durations, quarantined files, coverage per
 * jurisdiction and the last run's outcome (node_exporter textfile-collector convention for batch jobs).
 *
 * <p>Labels are agency codes, file ids (a prefix of the file's SHA-256, never its name, which can carry a
 * person's name), reason codes and jurisdiction codes. Codes come from the configs and the ledger, where a
 * steward could type something personal; a code that shows one of the output guard's patterns is left out of
 * the labels (and said so in a warning, without the code), so that a run whose publish the guard refused for it
 * does not hand it to the Pushgateway. It is written after the publish, straight into the output folder, through
 * a temporary file and a rename so that a collector never reads half a file; it is written for failed runs too,
 * since that is when it matters.
 */
public final class RunMetrics {
    private static final Logger log = LoggerFactory.getLogger(RunMetrics.class);
    public static final String FILE_NAME = "metrics.prom";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Double> coverage = new TreeMap<>();
    private final Map<String, Double> feedbackRows = new TreeMap<>();
    /** True once the publish counted the current rows as it exported them. */
    private boolean feedbackRowsKnown;

    private double exitCode = Double.NaN;
    private double finishedAt = Double.NaN;
    private double durationSeconds = Double.NaN;

    /** The registry Spring Batch's observations and this class's meters share. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Rows and duration of every file the run tried, and the files it quarantined. */
    public void files(List<FileLoadResult> results) {
        for (FileLoadResult r : results) {
            String agency = r.agencyCode();
            String fileId = r.fileId();
            if (!mayLabel("an agency code", agency)) {
                continue;
            }
            if (!r.loaded()) {
                Counter.builder("harmonizer.files.quarantined")
                        .description("Files refused and moved to quarantine")
                        .tag("agency", agency)
                        .tag("reason", r.refusalCode())
                        .register(registry)
                        .increment();
            }
            rows("read", agency, fileId, r.counts().rowsRead());
            rows("written", agency, fileId, r.counts().rowsWritten());
            rows("rejected", agency, fileId, r.counts().rowsRejected());
            rows("skipped", agency, fileId, r.counts().rowsSkipped());
            Timer.builder("harmonizer.file.duration")
                    .description("Time to load one file")
                    .tag("agency", agency)
                    .tag("file_id", fileId)
                    .register(registry)
                    .record(Duration.ofNanos((long) (r.seconds() * 1e9)));
        }
    }

    private void rows(String what, String agency, String fileId, long n) {
        Counter.builder("harmonizer.rows." + what)
                .description("Data rows " + what + ", per agency and file")
                .tag("agency", agency)
                .tag("file_id", fileId)
                .register(registry)
                .increment(n);
    }

    /**
     * Coverage per jurisdiction (referrals of the ledger with feedback / referrals sent, over all months) from
     * coverage_month, and the current feedback rows per jurisdiction.
     */
    public void coverage(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.query(
                "SELECT jurisdiction_code, SUM(referrals_with_feedback), SUM(referrals_sent) FROM coverage_month"
                        + " GROUP BY jurisdiction_code",
                rs -> {
                    long sent = rs.getLong(3);
                    if (sent > 0) {
                        coverage.put(rs.getString(1), rs.getLong(2) / (double) sent);
                    }
                });
        if (!feedbackRowsKnown) { // the publish did not get that far: count them (a scan of the whole table)
            jdbc.query("SELECT jurisdiction_code, COUNT(*) FROM feedback GROUP BY jurisdiction_code", rs -> {
                feedbackRows.put(rs.getString(1), (double) rs.getLong(2));
            });
        }
        coverage.keySet().removeIf(j -> !mayLabel("a jurisdiction", j));
        feedbackRows.keySet().removeIf(j -> !mayLabel("a jurisdiction", j));
        coverage.forEach((j, v) -> Gauge.builder("harmonizer.coverage.ratio", coverage, m -> m.get(j))
                .description("Referrals sent with feedback / referrals sent, per jurisdiction")
                .tag("jurisdiction", j)
                .register(registry));
        feedbackRows.forEach((j, v) -> Gauge.builder("harmonizer.feedback.rows", feedbackRows, m -> m.get(j))
                .description("Current feedback rows (one per referral per agency), per jurisdiction")
                .tag("jurisdiction", j)
                .register(registry));
    }

    /** Whether a code may be a label; warns of one that may not, without saying it. */
    private static boolean mayLabel(String what, String code) {
        if (!OutputGuard.showsPersonalPattern(code)) {
            return true;
        }
        log.warn(
                "left {} out of {}: it looks like personal data (an e-mail, phone, address...); check the agency"
                        + " codes and jurisdictions in config/agencies and the ledger",
                what,
                FILE_NAME);
        return false;
    }

    /** The current feedback rows per jurisdiction, as the publish exported them. */
    public void feedbackRows(Map<String, Long> rowsByJurisdiction) {
        feedbackRows.clear();
        rowsByJurisdiction.forEach((j, n) -> feedbackRows.put(j, (double) n));
        feedbackRowsKnown = true;
    }

    /** The outcome of the run, for alerting on a run that failed or did not happen. */
    public void finished(int exit, Instant started, Instant finished) {
        exitCode = exit;
        finishedAt = finished.toEpochMilli() / 1000.0;
        durationSeconds = Duration.between(started, finished).toMillis() / 1000.0;
        Gauge.builder("harmonizer.last.run.exit.code", this, m -> m.exitCode)
                .description("Exit code of the last run (0 ok, 2 quarantined files, 1 failed)")
                .register(registry);
        Gauge.builder("harmonizer.last.run.timestamp.seconds", this, m -> m.finishedAt)
                .description("When the last run finished, seconds since the epoch")
                .register(registry);
        Gauge.builder("harmonizer.last.run.duration.seconds", this, m -> m.durationSeconds)
                .description("How long the last run took")
                .register(registry);
    }

    /** Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** Writes {@value #FILE_NAME} into {@code outputDir}: a temporary file, then an atomic rename. */
    public Path write(Path outputDir) throws IOException {
        Files.createDirectories(outputDir);
        Path tmp = Files.createTempFile(outputDir, "." + FILE_NAME + ".", ".tmp");
        try {
            Files.writeString(tmp, scrape(), StandardCharsets.UTF_8);
            return Files.move(
                    tmp,
                    outputDir.resolve(FILE_NAME),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Pushes every metric to a Pushgateway at {@code hostPort} under job "harmonizer". */
    public void push(String hostPort) throws IOException {
        PushGateway.builder()
                .address(hostPort)
                .job("harmonizer")
                .registry(registry.getPrometheusRegistry())
                .build()
                .push();
    }
}
