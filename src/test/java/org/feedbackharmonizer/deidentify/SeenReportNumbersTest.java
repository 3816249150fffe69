package org.feedbackharmonizer.deidentify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SeenReportNumbersTest {

    @Test
    void keepsEveryNumberOnceWhenThreadsAddThemTogether() throws Exception {
        Random random = new Random(11);
        List<String> numbers = new ArrayList<>();
        TreeSet<Long> distinct = new TreeSet<>();
        for (int i = 0; i < 200_000; i++) {
            // a quarter repeat a number already drawn (a referral re-sent), the rest are new
            String n = random.nextInt(4) == 0 && !numbers.isEmpty()
                    ? numbers.get(random.nextInt(numbers.size()))
                    : Long.toString(100_000_000L + (random.nextLong() & 0xFF_FFFF_FFFFL));
            numbers.add(n);
            distinct.add(Long.parseLong(n));
        }
        assertThat(distinct).hasSizeLessThan(numbers.size() - 40_000); // the repeats are there
        SeenReportNumbers seen = new SeenReportNumbers();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int from = t;
                done.add(pool.submit(() -> {
                    for (int i = from; i < numbers.size(); i += 4) {
                        seen.add(numbers.get(i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(seen.sortedNumbers())
                .containsExactly(distinct.stream().mapToLong(Long::longValue).toArray());
    }
}
