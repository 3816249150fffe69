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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.schema.NotActionableReason;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.Status;
import org.feedbackharmonizer.schema.VictimBand;
import org.feedbackharmonizer.schema.YesNo;

/**
 * Of observations offered in any order, keeps the latest per referral and hands them on in referral order, in
 * bounded memory: sorted runs of at most {@code runSize} observations spill to a temporary folder and are
 * merged. H2 can sort a large result on disk as well, but took 30 s for 500,000 observations where this takes
 * a few (docs/scaling.md); the spilled rows are the store's own de-identified rows and are deleted at close.
 */
final class LatestObservations implements AutoCloseable {

    /** A stored observation and its position in its file, which breaks a tie of as-of dates. */
    record Observation(FeedbackRecord record, long sequence) {}

    /** Referral, then latest first: as-of date, then later row, then file id, all descending. */
    static final Comparator<Observation> LATEST_FIRST = (a, b) -> {
        int c = a.record.referralKey().compareTo(b.record.referralKey());
        if (c != 0) {
            return c;
        }
        c = b.record.asOfDate().compareTo(a.record.asOfDate());
        if (c != 0) {
            return c;
        }
        c = Long.compare(b.sequence, a.sequence);
        return c != 0 ? c : b.record.sourceFile().compareTo(a.record.sourceFile());
    };

    private static final Status[] STATUS = Status.values();
    private static final Outcome[] OUTCOME = Outcome.values();
    private static final YesNo[] YES_NO = YesNo.values();
    private static final NotActionableReason[] REASON = NotActionableReason.values();
    private static final Conviction[] CONVICTION = Conviction.values();
    private static final VictimBand[] VICTIMS = VictimBand.values();
    private static final AgeBand[] AGE = AgeBand.values();

    private final int runSize;
    private final List<Observation> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private Path folder;

    LatestObservations(int runSize) {
        this.runSize = runSize;
    }

    void add(FeedbackRecord record, long sequence) {
        buffer.add(new Observation(record, sequence));
        if (buffer.size() >= runSize) {
            spill();
        }
    }

    /** Hands the latest observation of every referral to {@code sink}, in referral order. */
    void drainTo(Consumer<FeedbackRecord> sink) {
        if (runs.isEmpty()) {
            latestOf(buffer).forEach(o -> sink.accept(o.record));
            buffer.clear();
            return;
        }
        if (!buffer.isEmpty()) {
            spill();
        }
        merge(sink);
    }

    private static List<Observation> latestOf(List<Observation> observations) {
        observations.sort(LATEST_FIRST);
        List<Observation> latest = new ArrayList<>(observations.size());
        String last = null;
        for (Observation o : observations) {
            if (!o.record.referralKey().equals(last)) {
                latest.add(o);
                last = o.record.referralKey();
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
                for (Observation o : latestOf(buffer)) {
                    write(out, o);
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
                Observation o = cursor.head;
                if (!o.record.referralKey().equals(last)) {
                    sink.accept(o.record);
                    last = o.record.referralKey();
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
        private final int index;
        private Observation head;

        RunCursor(Path run, int index) throws IOException {
            this.index = index;
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
        }

        boolean advance() throws IOException {
            try {
                head = read(in);
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

    // The spill format lives only as long as one rebuild in one process, so enum ordinals are safe to write.
    static void write(DataOutputStream out, Observation o) throws IOException {
        FeedbackRecord r = o.record;
        out.writeUTF(r.referralKey());
        out.writeUTF(r.agencyCode());
        out.writeUTF(r.jurisdictionCode());
        out.writeUTF(r.agreementId());
        out.writeLong(r.asOfDate().toEpochDay());
        out.writeInt(
                r.receivedMonth() == null
                        ? -1
                        : r.receivedMonth().getYear() * 12 + r.receivedMonth().getMonthValue() - 1);
        out.writeByte(r.status().ordinal());
        out.writeByte(r.outcome().ordinal());
        out.writeByte(r.actionable().ordinal());
        out.writeByte(
                r.notActionableReason() == null ? -1 : r.notActionableReason().ordinal());
        out.writeByte(r.searchWarrant().ordinal());
        out.writeByte(r.arrest().ordinal());
        out.writeByte(r.charged().ordinal());
        out.writeByte(r.convicted().ordinal());
        out.writeByte(r.victimsIdentified().ordinal());
        out.writeByte(r.subjectAgeBand().ordinal());
        out.writeBoolean(r.daysToClose() != null);
        out.writeInt(r.daysToClose() == null ? 0 : r.daysToClose());
        out.writeUTF(r.sourceFile());
        out.writeUTF(r.sourceSheet());
        out.writeLong(r.sourceRow());
        out.writeLong(o.sequence);
    }

    static Observation read(DataInputStream in) throws IOException {
        String key = in.readUTF();
        String agency = in.readUTF();
        String jurisdiction = in.readUTF();
        String agreement = in.readUTF();
        LocalDate asOf = LocalDate.ofEpochDay(in.readLong());
        int month = in.readInt();
        Status status = STATUS[in.readByte()];
        Outcome outcome = OUTCOME[in.readByte()];
        YesNo actionable = YES_NO[in.readByte()];
        byte reason = in.readByte();
        YesNo searchWarrant = YES_NO[in.readByte()];
        YesNo arrest = YES_NO[in.readByte()];
        YesNo charged = YES_NO[in.readByte()];
        Conviction convicted = CONVICTION[in.readByte()];
        VictimBand victims = VICTIMS[in.readByte()];
        AgeBand age = AGE[in.readByte()];
        boolean hasDays = in.readBoolean();
        int days = in.readInt();
        String file = in.readUTF();
        String sheet = in.readUTF();
        long row = in.readLong();
        long sequence = in.readLong();
        return new Observation(
                new FeedbackRecord(
                        key,
                        agency,
                        jurisdiction,
                        agreement,
                        asOf,
                        month < 0 ? null : YearMonth.of(month / 12, month % 12 + 1),
                        status,
                        outcome,
                        actionable,
                        reason < 0 ? null : REASON[reason],
                        searchWarrant,
                        arrest,
                        charged,
                        convicted,
                        victims,
                        age,
                        hasDays ? days : null,
                        file,
                        sheet,
                        row),
                sequence);
    }
}
