package org.feedbackharmonizer.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.feedbackharmonizer.schema.FeedbackRecord;

/**
 * Of observations offered in any order, keeps the latest per referral and hands them on in referral order, in
 * bounded memory: sorted runs of at most {@code runSize} observations spill to a temporary folder and are
 * merged. H2 can sort a large result on disk as well, but took 30 s for 500,000 observations where this takes
 * a few (docs/scaling.md); the spilled rows are the store's own de-identified rows and are deleted at close.
 */
final class LatestObservations implements AutoCloseable {

    /**
     * Referral, then latest first: as-of date, then sequence (the later row, or the earlier in a file whose first
     * row wins, whose sequences are negative: StoredObservation), then file id, all descending.
     */
    static final Comparator<StoredObservation> LATEST_FIRST = (a, b) -> {
        int c = a.record().referralKey().compareTo(b.record().referralKey());
        if (c != 0) {
            return c;
        }
        c = b.record().asOfDate().compareTo(a.record().asOfDate());
        if (c != 0) {
            return c;
        }
        c = Long.compare(b.sequence(), a.sequence());
        return c != 0 ? c : b.record().sourceFile().compareTo(a.record().sourceFile());
    };

    private final int runSize;
    private final List<StoredObservation> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private Path folder;

    LatestObservations(int runSize) {
        this.runSize = runSize;
    }

    void add(FeedbackRecord record, long sequence) {
        buffer.add(new StoredObservation(record, sequence));
        if (buffer.size() >= runSize) {
            spill();
        }
    }

    /** Hands the latest observation of every referral to {@code sink}, in referral order. */
    void drainTo(Consumer<FeedbackRecord> sink) {
        if (runs.isEmpty()) {
            latestOf(buffer).forEach(o -> sink.accept(o.record()));
            buffer.clear();
            return;
        }
        if (!buffer.isEmpty()) {
            spill();
        }
        merge(sink);
    }

    private static List<StoredObservation> latestOf(List<StoredObservation> observations) {
        observations.sort(LATEST_FIRST);
        List<StoredObservation> latest = new ArrayList<>(observations.size());
        String last = null;
        for (StoredObservation o : observations) {
            if (!o.record().referralKey().equals(last)) {
                latest.add(o);
                last = o.record().referralKey();
            }
        }
        return latest;
    }

    private void spill() {
        try {
            if (folder == null) {
                folder = Files.createTempDirectory("harmonizer-latest-");
            }
            Path run = folder.resolve("run-" + runs.size());
            try (DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                ObservationCodec.Writer writer = new ObservationCodec.Writer(out);
                for (StoredObservation o : latestOf(buffer)) {
                    writer.write(o.record(), o.sequence());
                }
            }
            runs.add(run);
            buffer.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary sort file: " + e.getMessage(), e);
        }
    }

    private void merge(Consumer<FeedbackRecord> sink) {
        List<RunCursor> cursors = new ArrayList<>();
        try {
            // an earlier run first on a full tie, as the stable sort within a run does
            Comparator<RunCursor> order = (x, y) -> {
                int c = LATEST_FIRST.compare(x.head, y.head);
                return c != 0 ? c : Integer.compare(x.index, y.index);
            };
            PriorityQueue<RunCursor> queue = new PriorityQueue<>(Math.max(1, runs.size()), order);
            for (Path run : runs) {
                RunCursor cursor = new RunCursor(run, cursors.size());
                cursors.add(cursor);
                if (cursor.advance()) {
                    queue.add(cursor);
                }
            }
            String last = null;
            while (!queue.isEmpty()) {
                RunCursor cursor = queue.poll();
                StoredObservation o = cursor.head;
                if (!o.record().referralKey().equals(last)) {
                    sink.accept(o.record());
                    last = o.record().referralKey();
                }
                if (cursor.advance()) {
                    queue.add(cursor);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a temporary sort file: " + e.getMessage(), e);
        } finally {
            cursors.forEach(RunCursor::closeQuietly);
        }
    }

    @Override
    public void close() {
        buffer.clear();
        try {
            for (Path run : runs) {
                Files.deleteIfExists(run);
            }
            if (folder != null) {
                Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove a temporary sort file: " + e.getMessage(), e);
        }
    }

    private static final class RunCursor {
        private final DataInputStream in;
        private final ObservationCodec.Reader reader;
        private final int index;
        private StoredObservation head;

        RunCursor(Path run, int index) throws IOException {
            this.index = index;
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
            reader = new ObservationCodec.Reader(in);
        }

        boolean advance() throws IOException {
            try {
                head = reader.read();
                return true;
            } catch (EOFException end) {
                head = null;
                return false;
            }
        }

        void closeQuietly() {
            try {
                in.close();
            } catch (IOException ignored) {
                // a read-only temporary file; close() deletes it
            }
        }
    }
}
