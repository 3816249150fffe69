package org.feedbackharmonizer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteSearchTest {
    private static final byte[] NEEDLE = "hidden".getBytes(StandardCharsets.US_ASCII);

    /** Bytes of the needle and of sheet XML, so that near misses ("hiden", "hidd") are common. */
    private static final String ALPHABET = "hiden <row r=1>";

    @Test
    void findsTheNeedleWhereverItIsAsANaiveSearchDoesAcrossEveryChunkBoundary() throws Exception {
        Random random = new Random(5);
        for (int trial = 0; trial < 2_000; trial++) {
            int size = random.nextInt(trial < 1_000 ? 40 : 200_000);
            byte[] hay = new byte[size];
            for (int i = 0; i < size; i++) {
                hay[i] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            if (size >= NEEDLE.length && random.nextBoolean()) {
                System.arraycopy(NEEDLE, 0, hay, random.nextInt(size - NEEDLE.length + 1), NEEDLE.length);
            }
            int readSize = 1 + random.nextInt(trial % 2 == 0 ? 7 : 70_000); // small reads: many chunk boundaries

            assertThat(ByteSearch.contains(trickle(hay, readSize), NEEDLE))
                    .as("trial %d, %d bytes read %d at a time", trial, size, readSize)
                    .isEqualTo(naive(hay));
        }
    }

    /** A stream that hands out at most {@code most} bytes a read, as an inflater does. */
    private static InputStream trickle(byte[] bytes, int most) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, most));
            }
        };
    }

    private static boolean naive(byte[] hay) {
        outer:
        for (int i = 0; i + NEEDLE.length <= hay.length; i++) {
            for (int j = 0; j < NEEDLE.length; j++) {
                if (hay[i + j] != NEEDLE[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
