package org.feedbackharmonizer.deidentify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmallCellSuppressorTest {
    private final SmallCellSuppressor suppressor = new SmallCellSuppressor();

    @Test
    void publishesATableWithNoSmallCountsAsIs() {
        SuppressedTable t = suppressor.suppressTable(new long[][] {{0, 50}, {20, 30}});

        assertThat(t).hasToString("""
                0 | 50 | 50
                20 | 30 | 50
                20 | 80 | 100
                """);
        assertThat(t.display(0, 0)).isEqualTo("0");
        assertThat(t.displayGrandTotal()).isEqualTo("100");
    }

    @Test
    void suppressesOneToTenAndPublishesZeroAndEleven() {
        SuppressedList list = suppressor.suppressList(new long[] {0, 1, 10, 11, 500});
        assertThat(list.reason(0)).isEqualTo(Suppression.NONE);
        assertThat(list.reason(1)).isEqualTo(Suppression.PRIMARY);
        assertThat(list.reason(2)).isEqualTo(Suppression.PRIMARY);
        assertThat(list.reason(3)).isEqualTo(Suppression.NONE);
        assertThat(list.display(1)).isEmpty();
        assertThat(list.display(3)).isEqualTo("11");
    }

    @Test
    void aRowWithASingleSmallCellGetsAComplementInThatRowAndItsColumns() {
        // Without complements, row 0's 3 = 93 - 50 - 40.
        SuppressedTable t = suppressor.suppressTable(new long[][] {
            {50, 3, 40},
            {60, 70, 80},
            {45, 55, 65}
        });

        assertThat(t).hasToString("""
                50 | * | * | 93
                60 | 70 | 80 | 210
                45 | * | * | 165
                155 | 128 | 185 | 468
                """);
        assertThat(t.reason(0, 1)).isEqualTo(Suppression.PRIMARY);
        assertThat(t.reason(0, 2)).isEqualTo(Suppression.COMPLEMENTARY); // smallest non-zero in row 0
        assertThat(t.reason(2, 1)).isEqualTo(Suppression.COMPLEMENTARY); // smallest in column 1
        assertThat(t.reason(2, 2)).isEqualTo(Suppression.COMPLEMENTARY); // smallest in column 2
    }

    @Test
    void aColumnWithASingleSmallCellGetsAComplementInThatColumn() {
        SuppressedTable t = suppressor.suppressTable(new long[][] {
            {50, 60, 45},
            {4, 70, 55},
            {40, 80, 65}
        });

        assertThat(t.reason(1, 0)).isEqualTo(Suppression.PRIMARY);
        assertThat(t.reason(2, 0)).isEqualTo(Suppression.COMPLEMENTARY); // 40 < 50
        assertThat(t.reason(1, 2)).isEqualTo(Suppression.COMPLEMENTARY); // 55 < 70 in row 1
        assertThat(t.reason(2, 2)).isEqualTo(Suppression.COMPLEMENTARY); // 65 closes row 2 and column 2
        assertEveryLineHasNoneOrAtLeastTwo(t);
    }

    @Test
    void aComplementInARowCanForceAComplementInAnotherColumn() {
        // (0,0)=2 is complemented in row 0 by (0,2)=12 (smallest there); column 2 then has one withheld value
        // and takes (1,2)=13; row 1 then needs another: (1,0)=30 is the smallest left there, which also
        // closes column 0.
        SuppressedTable t = suppressor.suppressTable(new long[][] {
            {2, 90, 12},
            {30, 80, 13},
            {40, 70, 99}
        });

        assertThat(t).hasToString("""
                * | 90 | * | 104
                * | 80 | * | 123
                40 | 70 | 99 | 209
                72 | 240 | 124 | 436
                """);
        assertThat(t.reason(0, 0)).isEqualTo(Suppression.PRIMARY);
        assertThat(t.reason(0, 2)).isEqualTo(Suppression.COMPLEMENTARY);
        assertThat(t.reason(1, 2)).isEqualTo(Suppression.COMPLEMENTARY);
        assertThat(t.reason(1, 0)).isEqualTo(Suppression.COMPLEMENTARY);
    }

    @Test
    void aTableOfOnlySmallCountsIsWithheldTotalsAndAll() {
        SuppressedTable t = suppressor.suppressTable(new long[][] {{1, 2}, {3, 4}});

        for (int r = 0; r <= 2; r++) {
            for (int c = 0; c <= 2; c++) {
                assertThat(t.isSuppressed(r, c)).as("(%d,%d)", r, c).isTrue();
                assertThat(t.display(r, c)).isEmpty();
            }
        }
    }

    @Test
    void aSmallRowTotalIsWithheldAndComplementedAmongTheRowTotals() {
        // Row 0 adds up to 5: its total is small, and could be recovered from the grand total and row 1's.
        SuppressedTable t = suppressor.suppressTable(new long[][] {
            {5, 0, 0},
            {40, 30, 20},
            {50, 60, 70}
        });

        assertThat(t.isRowTotalSuppressed(0)).isTrue();
        assertThat(t.reason(0, 0)).isEqualTo(Suppression.PRIMARY);
        assertThat(t.isRowTotalSuppressed(1) || t.isRowTotalSuppressed(2) || t.isGrandTotalSuppressed())
                .isTrue();
        assertThat(t.display(0, 1)).isEqualTo("0");
        assertEveryLineHasNoneOrAtLeastTwo(t);
        assertNoWithheldValueCanBeRecovered(t);
    }

    @Test
    void aWithheldValueThatBridgesTwoGroupsGetsAComplementClosingACycle() {
        // Two 2x2 blocks of small counts, joined by the small (1,2). Every row and column has two or more
        // withheld values, yet (1,2) is determined: the top-left block's rows and columns only meet the rest
        // through it. The cycle rule adds (0,2), the first of the smallest cells that joins the two groups.
        long[][] counts = {
            {3, 4, 100, 100},
            {5, 6, 7, 100},
            {100, 100, 8, 9},
            {100, 100, 2, 3}
        };
        SuppressedTable t = suppressor.suppressTable(counts);

        assertThat(t.reason(1, 2)).isEqualTo(Suppression.PRIMARY);
        assertThat(t.reason(0, 2)).isEqualTo(Suppression.COMPLEMENTARY);
        assertThat(t.isRowTotalSuppressed(0)).isFalse();
        assertNoWithheldValueCanBeRecovered(t);
    }

    @Test
    void everyWithheldValueInTheseTablesHasAConsistentAlternative() {
        long[][][] tables = {
            {{50, 3, 40}, {60, 70, 80}, {45, 55, 65}},
            {{2, 90, 12}, {30, 80, 13}, {40, 70, 99}},
            {{1, 2}, {3, 4}},
            {{0, 0, 7}, {0, 12, 0}, {15, 0, 0}},
            {{11, 0}, {0, 1}}
        };
        for (long[][] table : tables) {
            SuppressedTable t = suppressor.suppressTable(table);
            assertEveryLineHasNoneOrAtLeastTwo(t);
            assertNoWithheldValueCanBeRecovered(t);
        }
    }

    @Test
    void aListWithOneSmallCountWithholdsTheNextSmallestToo() {
        SuppressedList list = suppressor.suppressList(new long[] {120, 4, 60, 0, 75});

        assertThat(list.reason(1)).isEqualTo(Suppression.PRIMARY);
        assertThat(list.reason(2)).isEqualTo(Suppression.COMPLEMENTARY);
        assertThat(list.reason(3)).isEqualTo(Suppression.NONE); // a zero is no protection
        assertThat(list.isTotalSuppressed()).isFalse();
        assertThat(list.displayTotal()).isEqualTo("259");
    }

    @Test
    void aListWhoseOnlyOtherCountsAreZeroWithholdsItsTotal() {
        SuppressedList list = suppressor.suppressList(new long[] {0, 12, 0});
        assertThat(list.isTotalSuppressed()).isFalse();

        SuppressedList withSmall = suppressor.suppressList(new long[] {0, 7, 0});
        assertThat(withSmall.isSuppressed(1)).isTrue();
        assertThat(withSmall.isTotalSuppressed()).isTrue(); // 7 is small itself

        SuppressedList withLargeTotal = new SmallCellSuppressor(5).suppressList(new long[] {0, 3, 0, 9});
        assertThat(withLargeTotal.reason(1)).isEqualTo(Suppression.PRIMARY);
        assertThat(withLargeTotal.reason(3)).isEqualTo(Suppression.COMPLEMENTARY);
        assertThat(withLargeTotal.isTotalSuppressed()).isFalse();
    }

    @Test
    void aListWithTwoSmallCountsNeedsNoComplement() {
        SuppressedList list = suppressor.suppressList(new long[] {3, 40, 5});
        assertThat(list.reason(1)).isEqualTo(Suppression.NONE);
        assertThat(list.isTotalSuppressed()).isFalse();
    }

    @Test
    void tieBreaksByPosition() {
        SuppressedList list = suppressor.suppressList(new long[] {20, 4, 20});
        assertThat(list.reason(0)).isEqualTo(Suppression.COMPLEMENTARY);
        assertThat(list.reason(2)).isEqualTo(Suppression.NONE);
    }

    @Test
    void thresholdIsConfigurable() {
        SuppressedList list = new SmallCellSuppressor(5).suppressList(new long[] {4, 5, 30});
        assertThat(list.reason(0)).isEqualTo(Suppression.PRIMARY);
        assertThat(list.reason(1)).isEqualTo(Suppression.COMPLEMENTARY);
    }

    @Test
    void refusesNegativeAndRaggedInput() {
        assertThatThrownBy(() -> suppressor.suppressTable(new long[][] {{1, -1}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> suppressor.suppressTable(new long[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> suppressor.suppressTable(new long[0][0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> suppressor.suppressList(new long[] {-3})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmallCellSuppressor(0)).isInstanceOf(IllegalArgumentException.class);
    }

    static void assertEveryLineHasNoneOrAtLeastTwo(SuppressedTable t) {
        for (int r = 0; r <= t.rows(); r++) {
            int n = 0;
            for (int c = 0; c <= t.columns(); c++) {
                n += t.isSuppressed(r, c) ? 1 : 0;
            }
            assertThat(n).as("withheld values in row %d of%n%s", r, t).isNotEqualTo(1);
        }
        for (int c = 0; c <= t.columns(); c++) {
            int n = 0;
            for (int r = 0; r <= t.rows(); r++) {
                n += t.isSuppressed(r, c) ? 1 : 0;
            }
            assertThat(n).as("withheld values in column %d of%n%s", c, t).isNotEqualTo(1);
        }
    }

    static void assertNoWithheldValueCanBeRecovered(SuppressedTable t) {
        for (int r = 0; r <= t.rows(); r++) {
            for (int c = 0; c <= t.columns(); c++) {
                if (t.isSuppressed(r, c)) {
                    long[][] alt = RecoveryCheck.alternativeFor(t, r, c);
                    assertThat(alt).as("another table consistent with%n%s at (%d,%d)", t, r, c).isNotNull();
                    assertThat(alt[r][c]).isNotEqualTo(t.count(r, c));
                }
            }
        }
    }
}
