package org.feedbackharmonizer.store;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.schema.NotActionableReason;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.Status;
import org.feedbackharmonizer.schema.VictimBand;
import org.feedbackharmonizer.schema.YesNo;

/**
 * The layout of consolidation's temporary sort files, which live only while one process rebuilds an agency: enums
 * by ordinal and the few texts that repeat on every row (agency, jurisdiction, agreement, file, sheet) by their
 * number in the file, so that the runs are written and read back with one string a row (the referral key) where
 * {@link ObservationBatch}'s stored layout, kept readable across releases, spends fourteen. Never stored.
 */
final class SortRunCodec {
    private static final Status[] STATUSES = Status.values();
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final YesNo[] YES_NO = YesNo.values();
    private static final NotActionableReason[] REASONS = NotActionableReason.values();
    private static final Conviction[] CONVICTIONS = Conviction.values();
    private static final VictimBand[] VICTIMS = VictimBand.values();
    private static final AgeBand[] AGES = AgeBand.values();

    private SortRunCodec() {}

    /** Writes one sort run; its texts are numbered in the order they first appear. */
    static final class Writer {
        private final DataOutput out;
        private final Map<String, Integer> numbers = new HashMap<>();

        Writer(DataOutput out) {
            this.out = out;
        }

        void write(FeedbackRecord r, long sequence) throws IOException {
            out.writeUTF(r.referralKey());
            text(r.agencyCode());
            text(r.jurisdictionCode());
            text(r.agreementId());
            out.writeInt((int) r.asOfDate().toEpochDay());
            YearMonth m = r.receivedMonth();
            out.writeInt(m == null ? -1 : m.getYear() * 12 + m.getMonthValue() - 1);
            out.writeByte(r.status().ordinal());
            out.writeByte(r.outcome().ordinal());
            out.writeByte(r.actionable().ordinal());
            out.writeByte(
                    r.notActionableReason() == null
                            ? 0
                            : r.notActionableReason().ordinal() + 1);
            out.writeByte(r.searchWarrant().ordinal());
            out.writeByte(r.arrest().ordinal());
            out.writeByte(r.charged().ordinal());
            out.writeByte(r.convicted().ordinal());
            out.writeByte(r.victimsIdentified().ordinal());
            out.writeByte(r.subjectAgeBand().ordinal());
            out.writeBoolean(r.daysToClose() != null);
            out.writeInt(r.daysToClose() == null ? 0 : r.daysToClose());
            text(r.sourceFile());
            text(r.sourceSheet());
            out.writeLong(r.sourceRow());
            out.writeLong(sequence);
        }

        /** A text's number, preceded the first time by the text itself (number -1 means "new, read it"). */
        private void text(String s) throws IOException {
            Integer n = numbers.get(s);
            if (n != null) {
                out.writeInt(n);
                return;
            }
            numbers.put(s, numbers.size());
            out.writeInt(-1);
            out.writeUTF(s);
        }
    }

    /** Reads back what one {@link Writer} wrote, in order. */
    static final class Reader {
        private final DataInput in;
        private final List<String> texts = new ArrayList<>();

        Reader(DataInput in) {
            this.in = in;
        }

        /** @throws java.io.EOFException at the end of the run */
        StoredObservation read() throws IOException {
            String key = in.readUTF();
            String agency = text();
            String jurisdiction = text();
            String agreement = text();
            LocalDate asOf = LocalDate.ofEpochDay(in.readInt());
            int month = in.readInt();
            Status status = STATUSES[in.readByte()];
            Outcome outcome = OUTCOMES[in.readByte()];
            YesNo actionable = YES_NO[in.readByte()];
            int reason = in.readByte();
            YesNo searchWarrant = YES_NO[in.readByte()];
            YesNo arrest = YES_NO[in.readByte()];
            YesNo charged = YES_NO[in.readByte()];
            Conviction convicted = CONVICTIONS[in.readByte()];
            VictimBand victims = VICTIMS[in.readByte()];
            AgeBand age = AGES[in.readByte()];
            boolean hasDays = in.readBoolean();
            int days = in.readInt();
            String file = text();
            String sheet = text();
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
                            reason == 0 ? null : REASONS[reason - 1],
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

        private String text() throws IOException {
            int n = in.readInt();
            if (n >= 0) {
                return texts.get(n);
            }
            String s = in.readUTF();
            texts.add(s);
            return s;
        }
    }
}
