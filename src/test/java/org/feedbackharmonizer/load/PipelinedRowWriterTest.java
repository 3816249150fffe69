package org.feedbackharmonizer.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.feedbackharmonizer.mapping.Reject;
import org.feedbackharmonizer.mapping.RejectReason;
import org.feedbackharmonizer.mapping.SourceRef;
import org.feedbackharmonizer.mapping.UnmappedLabels;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.Status;
import org.feedbackharmonizer.schema.VictimBand;
import org.feedbackharmonizer.schema.YesNo;
import org.feedbackharmonizer.store.FeedbackStore;
import org.feedbackharmonizer.store.StoreFailure;
import org.junit.jupiter.api.Test;

class PipelinedRowWriterTest {

    /** Records what reaches it and on which thread; fails on a chosen row. */
    private static final class Recording implements FeedbackStore.RowWriter {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());
        long failOnRow = -1;

        @Override
        public void write(FeedbackRecord record) {
            if (record.sourceRow() == failOnRow) {
                throw new StoreFailure("cannot write", new java.io.IOException("disk full"));
            }
            calls.add("row " + record.sourceRow());
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void reject(Reject reject) {
            calls.add("reject " + reject.source().row());
        }

        @Override
        public void unmapped(UnmappedLabels labels) {
            calls.add("unmapped");
        }

        @Override
        public void flush() {
            calls.add("flush");
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    @Test
    void theStoreGetsEveryCallInOrderOnTheWriterThreadAndFlushWaitsForIt() {
        Recording store = new Recording();
        List<String> expected = new ArrayList<>();
        try (PipelinedRowWriter writer = new PipelinedRowWriter(store, "test-store")) {
            for (int row = 2; row < 5_002; row++) {
                if (row % 97 == 0) {
                    writer.reject(new Reject(new SourceRef("f", "", row), "col", RejectReason.BAD_DATE, "m"));
                    expected.add("reject " + row);
                } else {
                    writer.write(record(row));
                    expected.add("row " + row);
                }
            }
            writer.unmapped(new UnmappedLabels());
            writer.flush();
            expected.add("unmapped");
            expected.add("flush");
            // flush returned: everything before it has reached the store
            assertThat(store.calls).containsExactlyElementsOf(expected);
        }
        expected.add("close");
        assertThat(store.calls).containsExactlyElementsOf(expected);
        assertThat(store.threads).containsOnly("test-store");
    }

    @Test
    void aFailureOfTheStoreSurfacesOnTheReadingThreadAndNothingAfterItIsWritten() {
        Recording store = new Recording();
        store.failOnRow = 1_500;
        PipelinedRowWriter writer = new PipelinedRowWriter(store, "test-store");
        assertThatThrownBy(() -> {
                    for (int row = 2; row < 100_000; row++) {
                        writer.write(record(row));
                    }
                    writer.flush();
                })
                .isInstanceOf(StoreFailure.class)
                .hasMessageContaining("cannot write: IOException");
        writer.close();
        assertThat(store.calls).hasSize(1_500 - 2 + 1).endsWith("row 1499", "close");
    }

    private static FeedbackRecord record(long row) {
        return new FeedbackRecord(
                "k" + row,
                "AG",
                "US-XX",
                "AGR",
                LocalDate.of(2025, 6, 30),
                null,
                Status.OPEN,
                Outcome.UNKNOWN,
                YesNo.UNKNOWN,
                null,
                YesNo.UNKNOWN,
                YesNo.UNKNOWN,
                YesNo.UNKNOWN,
                Conviction.UNKNOWN,
                VictimBand.UNKNOWN,
                AgeBand.UNKNOWN,
                null,
                "f",
                "",
                row);
    }
}
