package org.feedbackharmonizer.store;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.schema.NotActionableReason;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.Status;
import org.feedbackharmonizer.schema.VictimBand;
import org.feedbackharmonizer.schema.YesNo;

/**
 * Consecutive observations of one file in one deflated blob: the history is kept as one database row per batch,
 * not one per observation. Nobody queries the history row by row (consolidation reads a file's observations in
 * order, a rerun deletes them by file), and an H2 row costs three B-tree writes (insert, commit, store) where a
 * batch of 2,000 costs the same three once (docs/scaling.md).
 *
 * <p>Values are written by name, never by ordinal, so that a later release reads what an earlier one stored.
 * Format 2 ({@link ObservationCodec}) writes each distinct text of a batch once; format 1, every text on every row,
 * is still read.
 */
final class ObservationBatch {
    /** The first byte of every blob; a later layout gets a new number and this class reads all of them. */
    private static final int FORMAT = 2;

    private static final int FORMAT_1 = 1;

    private final ByteArrayOutputStream raw = new ByteArrayOutputStream(1 << 18);
    private final DataOutputStream out = new DataOutputStream(raw);
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private ObservationCodec.Writer writer = new ObservationCodec.Writer(out);
    private int size;

    void add(FeedbackRecord r, long sequence) {
        try {
            writer.write(r, sequence);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        size++;
    }

    int size() {
        return size;
    }

    /** The blob of the observations added since the last call, which starts the next batch. */
    byte[] seal() {
        ByteArrayOutputStream blob = new ByteArrayOutputStream(raw.size() / 4 + 64);
        blob.write(FORMAT);
        deflater.reset();
        try (DeflaterOutputStream z = new DeflaterOutputStream(blob, deflater, 1 << 16)) {
            raw.writeTo(z);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        raw.reset();
        writer = new ObservationCodec.Writer(out); // every blob is read on its own
        size = 0;
        return blob.toByteArray();
    }

    /** Frees the deflater's native memory. */
    void close() {
        deflater.end();
    }

    /** Hands every observation of a blob to {@code sink}, in the order they were added. */
    static void forEach(byte[] blob, int count, Consumer<StoredObservation> sink) {
        if (blob.length == 0 || (blob[0] != FORMAT && blob[0] != FORMAT_1)) {
            throw new IllegalStateException("an observation batch in an unknown format ("
                    + (blob.length == 0 ? "empty" : "format " + blob[0]) + "); this release reads formats "
                    + FORMAT_1 + " and " + FORMAT);
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new InflaterInputStream(new ByteArrayInputStream(blob, 1, blob.length - 1)), 1 << 16))) {
            ObservationCodec.Reader reader = blob[0] == FORMAT ? new ObservationCodec.Reader(in) : null;
            for (int i = 0; i < count; i++) {
                sink.accept(reader != null ? reader.read() : readFormat1(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an observation batch is damaged: " + e.getMessage(), e);
        }
    }

    /** One observation in format 1, which earlier releases stored; tests write it to check it is still read. */
    static void writeFormat1(DataOutput out, FeedbackRecord r, long sequence) throws IOException {
        out.writeUTF(r.referralKey());
        out.writeUTF(r.agencyCode());
        out.writeUTF(r.jurisdictionCode());
        out.writeUTF(r.agreementId());
        out.writeLong(r.asOfDate().toEpochDay());
        out.writeInt(
                r.receivedMonth() == null
                        ? -1
                        : r.receivedMonth().getYear() * 12 + r.receivedMonth().getMonthValue() - 1);
        out.writeUTF(r.status().name());
        out.writeUTF(r.outcome().name());
        out.writeUTF(r.actionable().name());
        out.writeUTF(
                r.notActionableReason() == null ? "" : r.notActionableReason().name());
        out.writeUTF(r.searchWarrant().name());
        out.writeUTF(r.arrest().name());
        out.writeUTF(r.charged().name());
        out.writeUTF(r.convicted().name());
        out.writeUTF(r.victimsIdentified().label());
        out.writeUTF(r.subjectAgeBand().label());
        out.writeBoolean(r.daysToClose() != null);
        out.writeInt(r.daysToClose() == null ? 0 : r.daysToClose());
        out.writeUTF(r.sourceFile());
        out.writeUTF(r.sourceSheet());
        out.writeLong(r.sourceRow());
        out.writeLong(sequence);
    }

    private static StoredObservation readFormat1(DataInput in) throws IOException {
        String key = in.readUTF();
        String agency = in.readUTF();
        String jurisdiction = in.readUTF();
        String agreement = in.readUTF();
        LocalDate asOf = LocalDate.ofEpochDay(in.readLong());
        int month = in.readInt();
        Status status = Status.valueOf(in.readUTF());
        Outcome outcome = Outcome.valueOf(in.readUTF());
        YesNo actionable = YesNo.valueOf(in.readUTF());
        String reason = in.readUTF();
        YesNo searchWarrant = YesNo.valueOf(in.readUTF());
        YesNo arrest = YesNo.valueOf(in.readUTF());
        YesNo charged = YesNo.valueOf(in.readUTF());
        Conviction convicted = Conviction.valueOf(in.readUTF());
        VictimBand victims = VictimBand.ofLabel(in.readUTF());
        AgeBand age = AgeBand.ofLabel(in.readUTF());
        boolean hasDays = in.readBoolean();
        int days = in.readInt();
        String file = in.readUTF();
        String sheet = in.readUTF();
        long row = in.readLong();
        long sequence = in.readLong();
        return new StoredObservation(
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
                        reason.isEmpty() ? null : NotActionableReason.valueOf(reason),
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
