package org.feedbackharmonizer.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.ingest.FileRefused;
import org.feedbackharmonizer.ingest.ReadLimits;
import org.feedbackharmonizer.ingest.TableReader;
import org.feedbackharmonizer.ingest.TableReaders;
import org.feedbackharmonizer.ingest.TextOptions;

/**
 * The floor the job is measured against: the same readers the job uses read every record of every sheet and
 * touch every cell's text, nothing else. Files are read on as many threads as the job uses.
 */
public final class RawParse {
    private RawParse() {}

    /** Seconds one file took to read, and what was read (so the JIT cannot drop the work). */
    public record FileTime(BenchCorpus.GeneratedFile file, double seconds, long records, long chars) {}

    public static List<FileTime> run(List<BenchCorpus.GeneratedFile> files, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<FileTime>> futures =
                    files.stream().map(f -> pool.submit(() -> read(f))).toList();
            List<FileTime> out = new java.util.ArrayList<>();
            for (Future<FileTime> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    static FileTime read(BenchCorpus.GeneratedFile f) throws FileRefused {
        return read(f, new TableReaders(TextOptions.CSV, ReadLimits.DEFAULT).readerFor(f.path(), f.format()));
    }

    /** Seconds per reader for the XLSX files, read one after another, each reader twice in turn, best taken. */
    public record ReaderComparison(long rows, double fastexcelSeconds, double poiSeconds) {}

    /** Does fastexcel-reader beat POI's event API? Both read the same XLSX files on one thread, alternately. */
    public static ReaderComparison compareXlsxReaders(List<BenchCorpus.GeneratedFile> files) throws FileRefused {
        long rows = 0;
        double fast = 0;
        double poi = 0;
        for (BenchCorpus.GeneratedFile f : files) {
            if (f.format() != org.feedbackharmonizer.ingest.FileFormat.XLSX) {
                continue;
            }
            double bestFast = Double.MAX_VALUE;
            double bestPoi = Double.MAX_VALUE;
            for (int round = 0; round < 2; round++) {
                bestFast = Math.min(
                        bestFast,
                        read(f, new org.feedbackharmonizer.ingest.XlsxTableReader(ReadLimits.DEFAULT))
                                .seconds());
                bestPoi = Math.min(
                        bestPoi,
                        read(f, new org.feedbackharmonizer.ingest.PoiEventXlsxReader(ReadLimits.DEFAULT))
                                .seconds());
            }
            rows += f.rows();
            fast += bestFast;
            poi += bestPoi;
        }
        return new ReaderComparison(rows, fast, poi);
    }

    static FileTime read(BenchCorpus.GeneratedFile f, TableReader reader) throws FileRefused {
        long started = System.nanoTime();
        long[] counts = new long[2];
        reader.read(f.path(), s -> true, r -> {
            counts[0]++;
            for (CellValue c : r.cells()) {
                counts[1] += c.text().length();
            }
        });
        return new FileTime(f, (System.nanoTime() - started) / 1e9, counts[0], counts[1]);
    }
}
