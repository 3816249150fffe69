package org.feedbackharmonizer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.sql.DataSource;
import org.feedbackharmonizer.config.AgencyCodes;
import org.feedbackharmonizer.deidentify.KeyFile;
import org.feedbackharmonizer.deidentify.KeyProblem;
import org.feedbackharmonizer.deidentify.SecretKeySource;
import org.feedbackharmonizer.deidentify.SeenReportNumbers;
import org.feedbackharmonizer.load.FileLoadResult;
import org.feedbackharmonizer.load.RunPlan;
import org.feedbackharmonizer.publish.RunMetrics;
import org.feedbackharmonizer.publish.RunSummary;
import org.feedbackharmonizer.store.RunLock;
import org.feedbackharmonizer.store.RunLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs the job once for a command: lock, launch, exit code. Shared by run, rerun and restart. */
final class JobRunner {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    record Request(
            String command,
            CommonOptions options,
            LocalDate asOf,
            String agency,
            String file,
            LocalDate from,
            LocalDate to,
            boolean reload,
            boolean recover) {}

    static int run(Request request) {
        Harmonizer config = Harmonizer.loadOrReport(request.options().config, System.err::println);
        if (config == null) {
            return ExitCodes.USAGE;
        }
        String agency = null;
        if (request.agency() != null) {
            var found = AgencyCodes.find(config.agencies(), request.agency());
            if (found.isEmpty()) {
                System.err.println("harmonizer: "
                        + AgencyCodes.unknown(
                                config.agencies(),
                                request.agency(),
                                request.options().config.resolve("agencies")));
                return ExitCodes.USAGE;
            }
            agency = found.get().code(); // as configured: the run matches it exactly from here on
        }
        SecretKeySource key;
        try {
            key = KeyFile.resolve(config.settings().keyFile(), System.getenv());
        } catch (KeyProblem e) {
            System.err.println("harmonizer: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Path output = request.options().output.toAbsolutePath();
        if (key.file().isPresent() && key.file().get().toAbsolutePath().startsWith(output)) {
            System.err.println("harmonizer: the key file must not be inside the output folder " + output
                    + "; set key_file in harmonizer.yml");
            return ExitCodes.USAGE;
        }
        // Milliseconds: two commands of one process (or a quick script) within a second are two runs.
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS")) + "-"
                + ProcessHandle.current().pid();
        RunPlan plan = new RunPlan(
                runId,
                request.command(),
                config.settings(),
                config.agencies(),
                config.ledger(),
                request.options().input.toAbsolutePath(),
                output,
                request.asOf() == null ? LocalDate.now() : request.asOf(),
                agency,
                request.file(),
                request.from(),
                request.to(),
                request.reload(),
                key.pseudonymizer(),
                key.fingerprint(),
                new SeenReportNumbers(),
                RunPlan.newResults());
        RunMetrics metrics = new RunMetrics();
        Instant started = Instant.now();
        ConfigurableApplicationContext context;
        try {
            context = StoreContext.start(config.settings(), plan, metrics);
        } catch (RuntimeException e) {
            key.creationNotice().ifPresent(n -> System.err.println("harmonizer: " + n));
            System.err.println("harmonizer: the run failed: " + oneLine(e));
            log.debug("run failure", e);
            return ExitCodes.FAILED;
        }
        try (ConfigurableApplicationContext ctx = context) {
            // Logged only now: before the context starts, logging is not yet configured (plain or JSON).
            key.creationNotice().ifPresent(n -> log.warn("{}", n));
            DataSource ds = ctx.getBean(DataSource.class);
            RunLock lock = new RunLock(ds);
            RunLog runLog = new RunLog(ds);
            boolean staleLock = lock.holder().filter(RunLock.Holder::isStale).isPresent();
            if (request.recover() || staleLock) {
                // A plain run after a crash finishes what the dead run left undone, as restart would.
                int code = recover(ctx, lock, runLog, request.recover());
                if (code != ExitCodes.OK) {
                    return code;
                }
            }
            var holder = lock.acquire(runId);
            if (holder.isPresent()) {
                String stale = holder.get().isStale()
                        ? " It looks stale (its process is gone): run 'harmonizer" + " restart' to clear it."
                        : " Wait for it to finish.";
                System.err.println(
                        "harmonizer: another run is active: " + holder.get().describe() + "." + stale);
                return ExitCodes.BUSY;
            }
            runLog.started(runId, request.command());
            int exit = ExitCodes.FAILED;
            JobExecution execution = null;
            try {
                JobOperator operator = ctx.getBean(JobOperator.class);
                Job job = ctx.getBean(Job.class);
                execution = operator.start(
                        job,
                        new JobParametersBuilder()
                                .addString("run.id", runId)
                                .addString("command", request.command())
                                .addString("as.of", plan.asOf().toString())
                                .toJobParameters());
                if (execution == null) {
                    throw new IllegalStateException("the job did not start");
                } else if (execution.getStatus() == BatchStatus.COMPLETED) {
                    exit = RunSummary.exitCode(plan);
                } else {
                    for (Throwable t : execution.getAllFailureExceptions()) {
                        System.err.println("harmonizer: the job failed: " + oneLine(t));
                        log.debug("job failure", t);
                    }
                }
            } catch (org.springframework.batch.core.job.JobExecutionException e) {
                System.err.println("harmonizer: the job could not start: " + oneLine(e));
            } finally {
                List<FileLoadResult> results = plan.results();
                int loaded =
                        (int) results.stream().filter(FileLoadResult::loaded).count();
                java.util.Map<String, RunLog.AgencyEntry> perAgency = new java.util.TreeMap<>();
                for (FileLoadResult r : results) {
                    perAgency.merge(
                            r.agencyCode(),
                            new RunLog.AgencyEntry(
                                    r.agencyCode(),
                                    r.loaded() ? 1 : 0,
                                    r.loaded() ? 0 : 1,
                                    r.counts().rowsWritten(),
                                    r.counts().rowsRejected()),
                            (a, b) -> new RunLog.AgencyEntry(
                                    a.agencyCode(),
                                    a.filesLoaded() + b.filesLoaded(),
                                    a.filesQuarantined() + b.filesQuarantined(),
                                    a.rowsWritten() + b.rowsWritten(),
                                    a.rowsRejected() + b.rowsRejected()));
                }
                runLog.agencies(runId, List.copyOf(perAgency.values()));
                runLog.finished(
                        runId,
                        exit,
                        exit == ExitCodes.FAILED ? "FAILED" : "COMPLETED",
                        loaded,
                        results.size() - loaded,
                        results.stream()
                                .mapToLong(r -> r.counts().rowsWritten())
                                .sum(),
                        results.stream()
                                .mapToLong(r -> r.counts().rowsRejected())
                                .sum(),
                        execution == null ? null : execution.getId());
                lock.release(runId);
                report(
                        metrics,
                        plan,
                        ds,
                        exit,
                        started,
                        output,
                        config.settings().pushgateway());
            }
            log.info("run {} finished with exit code {}", runId, exit);
            return exit;
        } catch (RuntimeException e) {
            System.err.println("harmonizer: the run failed: " + oneLine(e));
            log.debug("run failure", e);
            return ExitCodes.FAILED;
        }
    }

    /**
     * Writes metrics.prom into the output folder (after the publish, atomically; see {@link RunMetrics}) and
     * pushes to the Pushgateway when one is configured. A metrics problem is logged, never fails the run.
     */
    private static void report(
            RunMetrics metrics, RunPlan plan, DataSource ds, int exit, Instant started, Path output, String push) {
        try {
            metrics.files(plan.results());
            metrics.coverage(ds);
            metrics.finished(exit, started, Instant.now());
            metrics.write(output);
        } catch (IOException | RuntimeException e) {
            log.warn("could not write {}: {}", RunMetrics.FILE_NAME, oneLine(e));
        }
        if (push != null && !push.isBlank()) {
            try {
                metrics.push(push);
            } catch (IOException | RuntimeException e) {
                log.warn("could not push metrics to {}: {}", push, oneLine(e));
            }
        }
    }

    /** After a crash: clear a stale lock, mark dead executions failed. Files left half-loaded are redone. */
    private static int recover(
            ConfigurableApplicationContext ctx, RunLock lock, RunLog runLog, boolean restartCommand) {
        var holder = lock.holder();
        if (holder.isPresent()) {
            if (!holder.get().isStale()) {
                System.err.println("harmonizer: a run is active, nothing to restart: "
                        + holder.get().describe());
                return ExitCodes.BUSY;
            }
            lock.clear(holder.get());
            log.warn(
                    "cleared the stale lock of {}: its process is gone",
                    holder.get().describe());
        }
        JobRepository jobs = ctx.getBean(JobRepository.class);
        JobOperator operator = ctx.getBean(JobOperator.class);
        int recovered = 0;
        for (JobExecution e :
                jobs.findRunningJobExecutions(org.feedbackharmonizer.job.HarmonizerJobConfiguration.JOB_NAME)) {
            operator.recover(e);
            recovered++;
        }
        int interrupted = runLog.markInterrupted();
        if (restartCommand && holder.isEmpty() && recovered == 0 && interrupted == 0) {
            log.info("nothing to restart: no interrupted run; loading whatever is still pending");
        }
        return ExitCodes.OK;
    }

    static String oneLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (root != t && root.getMessage() != null && !m.contains(root.getMessage())) {
            m += " (" + root.getMessage() + ")";
        }
        return m.lines().findFirst().orElse(m);
    }
}
