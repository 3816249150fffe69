package org.feedbackharmonizer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ObservationBatchTest {

    @Test
    void givesBackEveryObservationItWasGivenInOrderBatchAfterBatch() {
        Random random = new Random(7);
        ObservationBatch batch = new ObservationBatch();
        List<StoredObservation> given = new ArrayList<>();
        List<byte[]> blobs = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            StoredObservation o = new StoredObservation(LatestObservationsTest.record(random), i);
            given.add(o);
            batch.add(o.record(), o.sequence());
            if (batch.size() == 1_999 || i == 4_999) { // an odd size and a short last batch
                counts.add(batch.size());
                blobs.add(batch.seal());
            }
        }
        batch.close();

        List<StoredObservation> back = new ArrayList<>();
        for (int b = 0; b < blobs.size(); b++) {
            ObservationBatch.forEach(blobs.get(b), counts.get(b), back::add);
        }

        assertThat(counts).containsExactly(1_999, 1_999, 1_002);
        assertThat(back).isEqualTo(given); // nulls (received month, reason, days) included: the records compare all
        assertThat(given).anyMatch(o -> o.record().receivedMonth() == null);
        assertThat(given).anyMatch(o -> o.record().notActionableReason() != null);
    }

    @Test
    void refusesABlobOfAnotherFormatInsteadOfMisreadingIt() {
        ObservationBatch batch = new ObservationBatch();
        batch.add(LatestObservationsTest.record(new Random(1)), 0);
        byte[] blob = batch.seal();
        batch.close();
        blob[0] = 2;

        assertThatThrownBy(() -> ObservationBatch.forEach(blob, 1, o -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("an observation batch in an unknown format (format 2); this release reads format 1");
    }
}
