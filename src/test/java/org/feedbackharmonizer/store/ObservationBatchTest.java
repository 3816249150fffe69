package org.feedbackharmonizer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
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
        blob[0] = 3;

        assertThatThrownBy(() -> ObservationBatch.forEach(blob, 1, o -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("an observation batch in an unknown format (format 3); this release reads formats 1 and 2");
    }

    @Test
    void writesEachRepeatedTextOnceAndStillReadsTheFormatEarlierReleasesStored() throws Exception {
        Random random = new Random(11);
        List<StoredObservation> given = new ArrayList<>();
        ByteArrayOutputStream format1 = new ByteArrayOutputStream();
        format1.write(1);
        ObservationBatch batch = new ObservationBatch();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(format1))) {
            for (int i = 0; i < 300; i++) {
                StoredObservation o = new StoredObservation(LatestObservationsTest.record(random), i);
                given.add(o);
                ObservationBatch.writeFormat1(out, o.record(), o.sequence());
                batch.add(o.record(), o.sequence());
            }
        }
        byte[] format2 = batch.seal();
        batch.close();

        List<StoredObservation> fromFormat1 = new ArrayList<>();
        ObservationBatch.forEach(format1.toByteArray(), given.size(), fromFormat1::add);
        List<StoredObservation> fromFormat2 = new ArrayList<>();
        ObservationBatch.forEach(format2, given.size(), fromFormat2::add);

        assertThat(format2[0]).isEqualTo((byte) 2);
        assertThat(fromFormat1).isEqualTo(given);
        assertThat(fromFormat2).isEqualTo(given);
        assertThat(inflatedSize(format2)).isLessThan(inflatedSize(format1.toByteArray()) / 2);
    }

    private static int inflatedSize(byte[] blob) throws Exception {
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(blob, 1, blob.length - 1))) {
            return in.readAllBytes().length;
        }
    }
}
