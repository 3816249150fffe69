package org.feedbackharmonizer.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.feedbackharmonizer.coverage.Coverage;
import org.feedbackharmonizer.coverage.CoverageCalculator;
import org.feedbackharmonizer.coverage.FeedbackTally;
import org.feedbackharmonizer.deidentify.OutputGuard;
import org.feedbackharmonizer.deidentify.OutputRejected;
import org.feedbackharmonizer.load.RunPlan;
import org.feedbackharmonizer.store.FeedbackStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Writes every output into a staging folder beside the output folder, scans it, and only then moves each file
 * into place, so downstream never sees a half-written file and a failed run leaves the previous outputs alone.
 */
public final class Publisher {
    private static final Logger log = LoggerFactory.getLogger(Publisher.class);
    private final FeedbackStore store;
    private final DataSource dataSource;
    private final RunMetrics metrics;

    /** @param metrics told the published rows per jurisdiction, so that it need not count them again */
    public Publisher(FeedbackStore store, DataSource dataSource, RunMetrics metrics) {
        this.store = store;
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    public void publish(RunPlan plan) throws IOException {
        Path out = plan.outputDir();
        Files.createDirectories(out);
        removeAbandonedStaging(out);
        Path staging = Files.createTempDirectory(out, ".staging-");
        try (BackgroundWork background = new BackgroundWork("publish-background");
                BackgroundWork scanning = new BackgroundWork("publish-scan")) {
            // The feedback export holds this thread for most of the step. The output guard scans its text as it
            // is written, on a second core (it used to parse the finished file again afterwards). Coverage only
            // reads committed tables (it is stored later, in the step's transaction), so it reads the ledger
            // meanwhile and then waits for the export's count of the current rows (the table is read once).
            Future<OutputGuard> guard =
                    background.submit(() -> new OutputGuard(plan.seenNumbers(), PublishedTables.dateColumns()));
            CompletableFuture<FeedbackTally> counted = new CompletableFuture<>();
            Future<Coverage> coverage = background.submit(
                    () -> new CoverageCalculator().calculate(dataSource, plan.agencies(), plan.asOf(), counted::join));
            Path feedbackFile = staging.resolve("feedback.csv");
            TextPipe exported = new TextPipe();
            Writer exportedText = exported.writer();
            Future<Void> feedbackScan = scanning.submit(() -> {
                try (Reader text = exported.reader()) {
                    guard.get().scanCsv(feedbackFile.getFileName().toString(), text);
                }
                return null;
            });
            FeedbackTally tally = new FeedbackTally();
            long feedback;
            try {
                feedback = FeedbackCsv.writeFeedback(store, feedbackFile, tally, exportedText); // streams
            } catch (IOException | RuntimeException e) {
                counted.completeExceptionally(e);
                throw e;
            } finally {
                exportedText.close(); // the scan ends with the export, also when the export failed
            }
            counted.complete(tally);
            metrics.feedbackRows(tally.rowsByJurisdiction());
            long rejects = FeedbackCsv.writeRejects(store, staging.resolve("rejects.csv"));
            RunSummary.write(RunSummary.build(plan, feedback, rejects), staging.resolve("run-summary.json"));
            new CoveragePublisher().publish(dataSource, awaitResult(coverage), plan.settings(), staging);
            guard(awaitResult(guard), staging, feedbackFile, feedbackScan);
            moveIntoPlace(staging, out);
            log.info("published {} feedback rows and {} rejects to {}", feedback, rejects, out);
        } finally {
            FileSystemUtils.deleteRecursively(staging);
        }
    }

    /**
     * A run killed while publishing leaves its staging folder behind; the run lock guarantees no other publish is
     * under way, so whatever staging folder is there now is abandoned.
     */
    private static void removeAbandonedStaging(Path out) throws IOException {
        List<Path> abandoned;
        try (Stream<Path> s = Files.list(out)) {
            abandoned = s.filter(p -> p.getFileName().toString().startsWith(".staging-") && Files.isDirectory(p))
                    .toList();
        }
        for (Path dir : abandoned) {
            log.info("removing the staging folder {} that an interrupted run left behind", dir.getFileName());
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    /**
     * Scans every staged file in name order; the first finding fails the publish and nothing is moved into place.
     * {@code scannedFile} is scanned by {@code itsScan}, whose outcome counts at the file's place in that order.
     */
    private static void guard(OutputGuard guard, Path staging, Path scannedFile, Future<?> itsScan) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(staging)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            try {
                if (f.equals(scannedFile)) {
                    BackgroundWork.await(itsScan);
                } else {
                    scan(guard, f);
                }
            } catch (OutputRejected e) {
                throw new PublishRefused(e.getMessage());
            }
        }
    }

    private static void scan(OutputGuard guard, Path file) throws OutputRejected {
        if (file.getFileName().toString().endsWith(".csv")) {
            guard.scanCsv(file);
        } else {
            guard.scanText(file);
        }
    }

    /** A background result that cannot be a guard's finding. */
    private static <T> T awaitResult(Future<T> task) {
        try {
            return BackgroundWork.await(task);
        } catch (OutputRejected e) {
            throw new IllegalStateException(e);
        }
    }

    private static void moveIntoPlace(Path staging, Path out) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(staging)) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        for (Path f : files) {
            Path target = out.resolve(staging.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.move(f, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
