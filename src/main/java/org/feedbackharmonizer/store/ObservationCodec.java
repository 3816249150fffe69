package org.feedbackharmonizer.store;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.schema.NotActionableReason;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.Status;
import org.feedbackharmonizer.schema.VictimBand;
import org.feedbackharmonizer.schema.YesNo;

/**
 * A stream of observations in which every text but the referral key is written once and then referred to by its
 * number: agency, jurisdiction, agreement, file and sheet repeat on every row of a file, and so do the values'
 * names. Values are written by name (enums) or label (bands), never by ordinal, so that a later release reads
 * what an earlier one stored; the reader resolves each distinct name once. A row then costs one string to write
 * and to read back instead of fourteen. It is the layout of a stored {@link ObservationBatch} (format 2) and of
 * consolidation's temporary sort runs.
 */
final class ObservationCodec {
    private ObservationCodec() {}

    /** Writes one stream; its texts are numbered in the order they first appear. */
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
            text(r.status().name());
            text(r.outcome().name());
            text(r.actionable().name());
            text(r.notActionableReason() == null ? "" : r.notActionableReason().name());
            text(r.searchWarrant().name());
            text(r.arrest().name());
            text(r.charged().name());
            text(r.convicted().name());
            text(r.victimsIdentified().label());
            text(r.subjectAgeBand().label());
            out.writeBoolean(r.daysToClose() != null);
            out.writeInt(r.daysToClose() == null ? 0 : r.daysToClose());
            text(r.sourceFile());
            text(r.sourceSheet());
            out.writeLong(r.sourceRow());
            out.writeLong(sequence);
        }

        /** A text's number, after which a new text follows in full. */
        private void text(String s) throws IOException {
            Integer n = numbers.get(s);
            if (n == null) {
                n = numbers.size();
                numbers.put(s, n);
                writeNumber(n);
                out.writeUTF(s);
            } else {
                writeNumber(n);
            }
        }

        /** 7 bits a byte, low first: one byte for the first 128 texts. */
        private void writeNumber(int n) throws IOException {
            while (n >= 0x80) {
                out.writeByte(n & 0x7F | 0x80);
                n >>>= 7;
            }
            out.writeByte(n);
        }
    }

    /** Reads back what one {@link Writer} wrote, in order. */
    static final class Reader {
        private final DataInput in;
        private final List<String> texts = new ArrayList<>();
        private final Names<Status> statuses = new Names<>(Status::valueOf);
        private final Names<Outcome> outcomes = new Names<>(Outcome::valueOf);
        private final Names<YesNo> yesNo = new Names<>(YesNo::valueOf);
        private final Names<NotActionableReason> reasons =
                new Names<>(s -> s.isEmpty() ? null : NotActionableReason.valueOf(s));
        private final Names<Conviction> convictions = new Names<>(Conviction::valueOf);
        private final Names<VictimBand> victims = new Names<>(VictimBand::ofLabel);
        private final Names<AgeBand> ages = new Names<>(AgeBand::ofLabel);

        Reader(DataInput in) {
            this.in = in;
        }

        /** @throws java.io.EOFException at the end of the stream */
        StoredObservation read() throws IOException {
            String key = in.readUTF();
            String agency = text();
            String jurisdiction = text();
            String agreement = text();
            LocalDate asOf = LocalDate.ofEpochDay(in.readInt());
            int month = in.readInt();
            Status status = statuses.of(number());
            Outcome outcome = outcomes.of(number());
            YesNo actionable = yesNo.of(number());
            NotActionableReason reason = reasons.of(number());
            YesNo searchWarrant = yesNo.of(number());
            YesNo arrest = yesNo.of(number());
            YesNo charged = yesNo.of(number());
            Conviction convicted = convictions.of(number());
            VictimBand victimsIdentified = victims.of(number());
            AgeBand age = ages.of(number());
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
                            reason,
                            searchWarrant,
                            arrest,
                            charged,
                            convicted,
                            victimsIdentified,
                            age,
                            hasDays ? days : null,
                            file,
                            sheet,
                            row),
                    sequence);
        }

        private String text() throws IOException {
            return texts.get(number());
        }

        /** A text's number; a text seen for the first time is read and kept. */
        private int number() throws IOException {
            int n = 0;
            int shift = 0;
            int b;
            do {
                b = in.readUnsignedByte();
                n |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            if (n == texts.size()) {
                texts.add(in.readUTF());
            } else if (n > texts.size()) {
                throw new IOException("text number " + n + " before " + texts.size());
            }
            return n;
        }

        /** The values of one type by the number of their name, each name resolved once. */
        private final class Names<E> {
            private final Function<String, E> resolve;
            private Object[] byNumber = new Object[16];

            Names(Function<String, E> resolve) {
                this.resolve = resolve;
            }

            @SuppressWarnings("unchecked")
            E of(int number) {
                if (number >= byNumber.length) {
                    byNumber = Arrays.copyOf(byNumber, Math.max(number + 1, byNumber.length * 2));
                }
                Object e = byNumber[number];
                if (e == null) {
                    e = resolve.apply(texts.get(number));
                    byNumber[number] = e == null ? NONE : e;
                }
                return e == NONE ? null : (E) e;
            }
        }

        private static final Object NONE = new Object();
    }
}
