package org.feedbackharmonizer.deidentify;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SmallCellSuppressorProperties {
    private final SmallCellSuppressor suppressor = new SmallCellSuppressor();

    @Property(tries = 500)
    void everyRowAndColumnWithAWithheldValueHasAtLeastTwo(@ForAll("tables") long[][] counts) {
        SmallCellSuppressorTest.assertEveryLineHasNoneOrAtLeastTwo(suppressor.suppressTable(counts));
    }

    @Property(tries = 500)
    void onlySmallCountsArePrimaryAndEverythingElseWithheldIsAComplement(@ForAll("tables") long[][] counts) {
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

    @Property(tries = 500)
    void noWithheldValueCanBeRecoveredFromTheTable(@ForAll("tables") long[][] counts) {
        SmallCellSuppressorTest.assertNoWithheldValueCanBeRecovered(suppressor.suppressTable(counts));
    }

    @Property(tries = 300)
    void aListHasNoneOrAtLeastTwoWithheld(@ForAll("lists") long[] counts) {
        SuppressedList list = suppressor.suppressList(counts);
        int n = 0;
        for (int i = 0; i <= list.size(); i++) {
            n += list.isSuppressed(i) ? 1 : 0;
            long v = list.count(i);
            assertThat(list.reason(i) == Suppression.PRIMARY).isEqualTo(v >= 1 && v <= 10);
        }
        assertThat(n).isNotEqualTo(1);
    }

    @Provide
    Arbitrary<long[][]> tables() {
        return Arbitraries.integers().between(1, 6).flatMap(rows -> Arbitraries.integers()
                .between(1, 6)
                .flatMap(columns -> count().array(long[].class)
                        .ofSize(columns)
                        .array(long[][].class)
                        .ofSize(rows)));
    }

    @Provide
    Arbitrary<long[]> lists() {
        return count().array(long[].class).ofMinSize(1).ofMaxSize(10);
    }

    /** Zeros, small counts and large ones in about equal measure, so suppression patterns are varied. */
    private static Arbitrary<Long> count() {
        return Arbitraries.oneOf(
                Arbitraries.just(0L), Arbitraries.longs().between(1, 10), Arbitraries.longs().between(11, 200));
    }
}
