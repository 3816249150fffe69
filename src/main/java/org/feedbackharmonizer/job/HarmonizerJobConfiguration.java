package org.feedbackharmonizer.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.feedbackharmonizer.ingest.AgencyFileReader;
import org.feedbackharmonizer.ingest.InboxFile;
import org.feedbackharmonizer.ingest.ReadLimits;
import org.feedbackharmonizer.load.ConfigChanges;
import org.feedbackharmonizer.load.FileLoadResult;
import org.feedbackharmonizer.load.FileLoader;
import org.feedbackharmonizer.load.InboxArchive;
import org.feedbackharmonizer.load.PendingFiles;
import org.feedbackharmonizer.load.RunPlan;
import org.feedbackharmonizer.publish.Publisher;
import org.feedbackharmonizer.publish.RunMetrics;
import org.feedbackharmonizer.store.FeedbackStore;
import org.feedbackharmonizer.store.JdbcFeedbackStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job: load the ledger, load every pending file as its own partition (in parallel, one per core),
 * rebuild the current feedback, publish. The steps only wire; the work is in plain classes.
 */
@Configuration
@EnableBatchProcessing
@EnableJdbcJobRepository
public class HarmonizerJobConfiguration {
    private static final Logger log = LoggerFactory.getLogger(HarmonizerJobConfiguration.class);
    public static final String JOB_NAME = "harmonize";

    /**
     * Spring Batch 6 observes jobs and steps through the context's ObservationRegistry (its
     * BatchObservabilityBeanPostProcessor hands it to every job and step); meters go to the run's registry, so
     * {@code spring_batch_job_*} and {@code spring_batch_step_*} timers end up in metrics.prom.
     */
    @Bean
    ObservationRegistry observationRegistry(MeterRegistry meterRegistry) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
        return registry;
    }

    /** The one migration written in Java (it writes blobs); Spring Boot hands JavaMigration beans to Flyway. */
    @Bean
    org.flywaydb.core.api.migration.JavaMigration historyIntoBatches() {
        return new org.feedbackharmonizer.store.V7__HistoryIntoBatches();
    }

    @Bean
    FeedbackStore feedbackStore(DataSource dataSource) {
        return new JdbcFeedbackStore(dataSource);
    }

    @Bean
    Job harmonizeJob(JobRepository jobs, Step ledgerStep, Step loadStep, Step consolidateStep, Step publishStep) {
        return new JobBuilder(JOB_NAME, jobs)
                .start(ledgerStep)
                .next(loadStep)
                .next(consolidateStep)
                .next(publishStep)
                .build();
    }

    @Bean
    Step ledgerStep(JobRepository jobs, PlatformTransactionManager tx, RunPlan plan, LedgerStep ledger) {
        return new StepBuilder("ledger", jobs)
                .tasklet(
                        (contribution, chunk) -> {
                            ledger.load(plan);
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .build();
    }

    @Bean
    LedgerStep ledgerStepWork(DataSource dataSource) {
        return new LedgerStep(dataSource);
    }

    @Bean
    Step loadStep(JobRepository jobs, RunPlan plan, FeedbackStore store, Step loadFileStep) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("load-");
        executor.setConcurrencyLimit(Math.max(1, plan.settings().threads()));
        return new StepBuilder("load", jobs)
                .partitioner("loadFile", partitioner(plan, store))
                .step(loadFileStep)
                .taskExecutor(executor)
                .gridSize(plan.settings().threads())
                .build();
    }

    /** One partition per pending file, named by file id so that the job repository shows which file it was. */
    private static Partitioner partitioner(RunPlan plan, FeedbackStore store) {
        return gridSize -> {
            List<InboxFile> files;
            try {
                files = new PendingFiles(store).find(plan);
                ConfigChanges.warn(plan, store);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot scan the input folder: " + e.getMessage(), e);
            }
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (InboxFile f : files) {
                ExecutionContext ctx = new ExecutionContext();
                ctx.putString("agency", f.agencyCode());
                ctx.putString("path", f.path().toString());
                ctx.putString("name", f.name());
                ctx.putString("sha256", f.sha256());
                ctx.putString("fileId", f.fileId());
                partitions.put("file-" + f.fileId(), ctx);
            }
            log.info("{} file(s) to load", files.size());
            return partitions;
        };
    }

    @Bean
    Step loadFileStep(JobRepository jobs, RunPlan plan, FeedbackStore store) {
        InboxArchive archive = new InboxArchive(
                plan.settings().archiveDir(),
                plan.settings().quarantineDir(),
                plan.settings().archiveMode());
        FileLoader loader = new FileLoader(store, new AgencyFileReader(ReadLimits.DEFAULT), plan::referralKey, archive);
        return new StepBuilder("loadFile", jobs)
                .tasklet(
                        (contribution, chunk) -> {
                            ExecutionContext ctx =
                                    chunk.getStepContext().getStepExecution().getExecutionContext();
                            InboxFile file = new InboxFile(
                                    ctx.getString("agency"),
                                    Path.of(ctx.getString("path")),
                                    ctx.getString("name"),
                                    ctx.getString("sha256"),
                                    ctx.getString("fileId"));
                            FileProgressLog progress = new FileProgressLog(file.name());
                            FileLoadResult result = loader.load(
                                    file,
                                    plan.agency(file.agencyCode()).layoutFor(Path.of(file.name())),
                                    plan.runId(),
                                    progress);
                            plan.results().add(result);
                            progress.done(result);
                            contribution.incrementWriteCount(result.counts().rowsWritten());
                            contribution.incrementFilterCount(result.counts().rowsSkipped());
                            contribution.incrementProcessSkipCount(
                                    result.counts().rowsRejected());
                            // StepContribution has no incrementReadCount(long); one call per row was a loop of
                            // a million calls for a million rows. The contribution adds to what is set here.
                            var stepExecution = chunk.getStepContext().getStepExecution();
                            stepExecution.setReadCount(stepExecution.getReadCount()
                                    + result.counts().rowsRead());
                            if (!result.loaded()) {
                                contribution.setExitStatus(
                                        new org.springframework.batch.core.ExitStatus("QUARANTINED"));
                            }
                            return RepeatStatus.FINISHED;
                            // The loader commits in batches on its own connection: no transaction around the whole
                            // file.
                        },
                        new ResourcelessTransactionManager())
                .build();
    }

    @Bean
    Step consolidateStep(JobRepository jobs, RunPlan plan, FeedbackStore store) {
        return new StepBuilder("consolidate", jobs)
                .tasklet(
                        (contribution, chunk) -> {
                            store.consolidate(plan.settings().threads());
                            return RepeatStatus.FINISHED;
                        },
                        new ResourcelessTransactionManager())
                .build();
    }

    @Bean
    Step publishStep(
            JobRepository jobs,
            PlatformTransactionManager tx,
            RunPlan plan,
            FeedbackStore store,
            DataSource dataSource,
            RunMetrics metrics) {
        return new StepBuilder("publish", jobs)
                .tasklet(
                        (contribution, chunk) -> {
                            new Publisher(store, dataSource, metrics).publish(plan);
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .build();
    }
}
