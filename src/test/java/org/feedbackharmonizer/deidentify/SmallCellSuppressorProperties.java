package org.feedbackharmonizer.deidentify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Properties of suppression over many random tables and lists (seeded, so a failure names a table and can be
 * run again): zeros, small counts and large ones in about equal measure, so suppression patterns are varied.
 */
class SmallCellSuppressorProperties {
    private final SmallCellSuppressor suppressor = new SmallCellSuppressor();

    @Test
    void everyRowAndColumnWithAWithheldValueHasAtLeastTwo() {
        forEachTable(
                counts -> SmallCellSuppressorTest.assertEveryLineHasNoneOrAtLeastTwo(suppressor.suppressTable(counts)));
    }

    @Test
    void onlySmallCountsArePrimaryAndEverythingElseWithheldIsAComplement() {
        forEachTable(this::onlySmallCountsArePrimary);
    }

    private void onlySmallCountsArePrimary(long[][] counts) {
        SuppressedTable t = suppressor.suppressTable(counts);
        for (int r = 0; r <= t.rows(); r++) {
            for (int c = 0; c <= t.columns(); c++) {
                long v = t.count(r, c);
                boolean small = v >= 1 && v <= 10;
                if (small) {
                    assertThat(t.reason(r, c)).isEqualTo(Suppression.PRIMARY);
                } else {
                    assertThat(t.reason(r, c)).isIn(Suppression.NONE, Suppression.COMPLEMENTARY);
                }
            }
        }
    }

    @Test
    void noWithheldValueCanBeRecoveredFromTheTable() {
        forEachTable(counts ->
                SmallCellSuppressorTest.assertNoWithheldValueCanBeRecovered(suppressor.suppressTable(counts)));
    }

    @Test
    void aListHasNoneOrAtLeastTwoWithheld() {
        Random random = new Random(20_251_127);
        for (int i = 0; i < 300; i++) {
            long[] l = new long[1 + random.nextInt(10)];
            for (int k = 0; k < l.length; k++) {
                l[k] = count(random);
            }
            try {
                listHasNoneOrAtLeastTwoWithheld(l);
            } catch (AssertionError e) {
                throw new AssertionError("list " + Arrays.toString(l) + ": " + e.getMessage(), e);
            }
        }
    }

    private void listHasNoneOrAtLeastTwoWithheld(long[] counts) {
        SuppressedList list = suppressor.suppressList(counts);
        int n = 0;
        for (int i = 0; i <= list.size(); i++) {
            n += list.isSuppressed(i) ? 1 : 0;
            long v = list.count(i);
            assertThat(list.reason(i) == Suppression.PRIMARY).isEqualTo(v >= 1 && v <= 10);
        }
        assertThat(n).isNotEqualTo(1);
    }

    /** Checks 500 tables of 1-6 rows and 1-6 columns; a failure names its table. */
    private static void forEachTable(Consumer<long[][]> check) {
        Random random = new Random(20_251_126);
        for (int i = 0; i < 500; i++) {
            long[][] t = new long[1 + random.nextInt(6)][];
            int columns = 1 + random.nextInt(6);
            for (int r = 0; r < t.length; r++) {
                t[r] = new long[columns];
                for (int c = 0; c < columns; c++) {
                    t[r][c] = count(random);
                }
            }
            try {
                check.accept(t);
            } catch (AssertionError e) {
                throw new AssertionError("table " + Arrays.deepToString(t) + ": " + e.getMessage(), e);
            }
        }
    }

    private static long count(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(10);
            default -> 11 + random.nextInt(190);
        };
    }
}
