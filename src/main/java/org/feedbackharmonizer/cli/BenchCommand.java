package org.feedbackharmonizer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.feedbackharmonizer.bench.BenchCorpus;
import org.feedbackharmonizer.bench.HeapPeak;
import org.feedbackharmonizer.bench.RawParse;
import org.feedbackharmonizer.ingest.FileFormat;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times the readers alone against the whole job on the same synthetic inbox, in one JVM, and prints rows per
 * second for both, per format, their ratio and the heap's high-water mark. Generation is not timed.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmark: raw parse of a generated corpus vs the full job on it; the last line names ratio=.")
final class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--rows",
            defaultValue = "1000000",
            description = "Data rows to generate (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(
            names = "--work",
            defaultValue = "target/bench",
            description = "Working folder: config, input, output, data (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--threads", description = "Threads for both phases (default: the number of cores).")
    Integer threads;

    @Option(names = "--keep", description = "Reuse the corpus in --work if it is there (default: regenerate).")
    boolean keep;

    @Option(
            names = "--single-xlsx",
            description = "One XLSX file of --rows rows instead of the mixed corpus (proves streaming: run it with"
                    + " -Xmx256m).")
    boolean singleXlsx;

    @Override
    public Integer call() throws Exception {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Path dir = work.toAbsolutePath();
        BenchCorpus corpus = new BenchCorpus(dir);
        long t0 = System.nanoTime();
        List<BenchCorpus.GeneratedFile> files;
        if (keep && Files.exists(dir.resolve("corpus.txt"))) {
            files = readManifest(dir);
        } else {
            FileSystemUtils.deleteRecursively(dir);
            files = singleXlsx ? corpus.generateSingleXlsx(rows) : corpus.generate(rows);
            writeManifest(dir, files);
        }
        long total = files.stream().mapToLong(BenchCorpus.GeneratedFile::rows).sum();
        System.out.printf(
                Locale.ROOT,
                "corpus: %d rows in %d files under %s (%.1f s to generate, not timed); %d thread(s); max heap %.0f MB%n",
                total,
                files.size(),
                dir,
                (System.nanoTime() - t0) / 1e9,
                n,
                HeapPeak.maxMb());
        Files.writeString(
                corpus.config().resolve("harmonizer.yml"),
                "data_dir: " + dir.resolve("data") + "\nthreads: " + n + "\n");

        // (a) raw parse
        HeapPeak rawPeak = HeapPeak.start();
        long a0 = System.nanoTime();
        List<RawParse.FileTime> raw = RawParse.run(files, n);
        double rawSeconds = (System.nanoTime() - a0) / 1e9;
        rawPeak.close();
        double rawHeap = rawPeak.peakMb();

        // (b) the job, end to end, on a fresh data folder
        FileSystemUtils.deleteRecursively(dir.resolve("data"));
        FileSystemUtils.deleteRecursively(dir.resolve("output"));
        HeapPeak jobPeak = HeapPeak.start();
        long b0 = System.nanoTime();
        int exit = HarmonizerCommand.execute(
                "run",
                "--config",
                corpus.config().toString(),
                "--input",
                corpus.input().toString(),
                "--output",
                dir.resolve("output").toString(),
                "--as-of",
                "2025-12-31");
        double jobSeconds = (System.nanoTime() - b0) / 1e9;
        jobPeak.close();
        double jobHeap = jobPeak.peakMb();
        if (exit != ExitCodes.OK) {
            System.out.println("the job exited with " + exit + "; no ratio");
            return ExitCodes.FAILED;
        }
        Map<String, Double> jobFileSeconds = jobFileSeconds(dir.resolve("output/run-summary.json"));

        System.out.println();
        System.out.printf(
                Locale.ROOT, "%-8s %10s %14s %14s %8s%n", "format", "rows", "raw rows/s", "job rows/s", "job/raw");
        for (FileFormat format : List.of(FileFormat.CSV, FileFormat.XLSX, FileFormat.XLS)) {
            long r = 0;
            double rawS = 0;
            double jobS = 0;
            for (RawParse.FileTime t : raw) {
                if (t.file().format() == format) {
                    r += t.file().rows();
                    rawS += t.seconds();
                    jobS += jobFileSeconds.getOrDefault(
                            corpus.input().relativize(t.file().path()).toString(), Double.NaN);
                }
            }
            if (r > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "%-8s %10d %14.0f %14.0f %8.2f   (per thread: rows / sum of per-file seconds)%n",
                        format.name().toLowerCase(Locale.ROOT),
                        r,
                        r / rawS,
                        r / jobS,
                        rawS / jobS);
            }
        }
        double rawRate = total / rawSeconds;
        double jobRate = total / jobSeconds;
        System.out.printf(
                Locale.ROOT,
                "%-8s %10d %14.0f %14.0f %8.2f   (wall clock, %d thread(s): raw %.2f s, job %.2f s)%n",
                "overall",
                total,
                rawRate,
                jobRate,
                jobRate / rawRate,
                n,
                rawSeconds,
                jobSeconds);
        RawParse.ReaderComparison xlsx = RawParse.compareXlsxReaders(files);
        if (xlsx.rows() > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "xlsx readers, one thread, same files, best of 2: fastexcel-reader %.0f rows/s, POI event API"
                            + " %.0f rows/s (fastexcel %.2fx)%n",
                    xlsx.rows() / xlsx.fastexcelSeconds(),
                    xlsx.rows() / xlsx.poiSeconds(),
                    xlsx.poiSeconds() / xlsx.fastexcelSeconds());
        }
        System.out.println("job steps: " + stepSeconds(corpus.config()));
        System.out.printf(
                Locale.ROOT,
                "peak heap: raw %.0f MB, job %.0f MB (heap used sampled every 2 ms, garbage included; max %.0f MB)%n",
                rawHeap,
                jobHeap,
                HeapPeak.maxMb());
        System.out.printf(
                Locale.ROOT,
                "raw_rows_per_s=%.0f job_rows_per_s=%.0f peak_heap_mb=%.0f ratio=%.2f%n",
                rawRate,
                jobRate,
                Math.max(rawHeap, jobHeap),
                jobRate / rawRate);
        return ExitCodes.OK;
    }

    /** The job's own step timings, from Spring Batch's repository in whichever store the bench ran on. */
    private static String stepSeconds(Path config) throws Exception {
        var settings = Harmonizer.load(config).settings();
        StringBuilder out = new StringBuilder();
        try (var c = java.sql.DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT step_name, start_time, end_time FROM batch_step_execution"
                        + " WHERE job_execution_id = (SELECT MAX(job_execution_id) FROM batch_job_execution)"
                        + " AND step_name NOT LIKE 'loadFile%' ORDER BY step_execution_id")) {
            while (rs.next()) {
                double seconds = java.time.Duration.between(
                                        rs.getTimestamp(2).toInstant(),
                                        rs.getTimestamp(3).toInstant())
                                .toMillis()
                        / 1000.0;
                out.append(out.length() == 0 ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%s %.1f s", rs.getString(1), seconds));
            }
        }
        return out.toString();
    }

    private static Map<String, Double> jobFileSeconds(Path summary) {
        JsonNode root = JsonMapper.builder().build().readTree(summary.toFile());
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode f : root.get("files")) {
            out.put(f.get("file").asString(), f.get("seconds").asDouble());
        }
        return out;
    }

    private static void writeManifest(Path dir, List<BenchCorpus.GeneratedFile> files) throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        for (BenchCorpus.GeneratedFile f : files) {
            lines.add(f.agency() + "\t" + f.format() + "\t" + f.rows() + "\t" + f.path());
        }
        Files.write(dir.resolve("corpus.txt"), lines);
    }

    private static List<BenchCorpus.GeneratedFile> readManifest(Path dir) throws java.io.IOException {
        List<BenchCorpus.GeneratedFile> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("corpus.txt"))) {
            String[] p = line.split("\t");
            out.add(new BenchCorpus.GeneratedFile(p[0], FileFormat.valueOf(p[1]), Path.of(p[3]), Long.parseLong(p[2])));
        }
        return out;
    }
}
