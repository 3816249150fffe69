package org.feedbackharmonizer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.schema.NotActionableReason;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.Status;
import org.feedbackharmonizer.schema.VictimBand;
import org.feedbackharmonizer.schema.YesNo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatestObservationsTest {

    @ParameterizedTest(name = "runs of {0}")
    @ValueSource(ints = {1, 7, 100, 10_000})
    void keepsTheLatestObservationOfEveryReferralInReferralOrderWhateverTheRunSize(int runSize) {
        Random random = new Random(runSize);
        List<StoredObservation> all = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            all.add(new StoredObservation(record(random), i)); // (file, row) is unique in the store
        }
        // The reference: per referral the greatest (as-of date, sequence, file), by brute force.
        TreeMap<String, StoredObservation> expected = new TreeMap<>();
        for (StoredObservation o : all) {
            expected.merge(
                    o.record().referralKey(), o, (a, b) -> LatestObservations.LATEST_FIRST.compare(a, b) <= 0 ? a : b);
        }

        List<FeedbackRecord> latest = new ArrayList<>();
        try (LatestObservations sort = new LatestObservations(runSize)) {
            all.forEach(o -> sort.add(o.record(), o.sequence()));
            sort.drainTo(latest::add);
        }

        assertThat(latest)
                .containsExactlyElementsOf(expected.values().stream()
                        .map(StoredObservation::record)
                        .toList());
    }

    @Test
    void aLaterAsOfDateWinsThenALaterRowThenTheGreaterFileId() {
        FeedbackRecord june = with("k1", LocalDate.of(2025, 6, 30), "f-a", 9);
        FeedbackRecord july = with("k1", LocalDate.of(2025, 7, 31), "f-a", 1);
        FeedbackRecord row3 = with("k2", LocalDate.of(2025, 7, 31), "f-a", 3);
        FeedbackRecord row4 = with("k2", LocalDate.of(2025, 7, 31), "f-a", 4);
        FeedbackRecord fileA = with("k3", LocalDate.of(2025, 7, 31), "f-a", 4);
        FeedbackRecord fileB = with("k3", LocalDate.of(2025, 7, 31), "f-b", 4);

        List<FeedbackRecord> latest = new ArrayList<>();
        try (LatestObservations sort = new LatestObservations(2)) {
            sort.add(july, 1);
            sort.add(fileB, 4);
            sort.add(row4, 4);
            sort.add(june, 9);
            sort.add(fileA, 4);
            sort.add(row3, 3);
            sort.drainTo(latest::add);
        }

        assertThat(latest).containsExactly(july, row4, fileB);
    }

    @Test
    void everyFieldSurvivesTheTemporaryFileAndTheFilesAreGoneAfterwards() throws Exception {
        Random random = new Random(42);
        List<FeedbackRecord> records = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            records.add(record(random));
        }
        List<FeedbackRecord> latest = new ArrayList<>();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = sortFolders(tmp);
        try (LatestObservations sort = new LatestObservations(16)) {
            // distinct keys: nothing is dropped, so every record must come back equal to itself
            for (int i = 0; i < records.size(); i++) {
                FeedbackRecord r = records.get(i);
                sort.add(with(r, String.format("%04d", i)), i);
            }
            assertThat(sortFolders(tmp)).hasSizeGreaterThan(before.size());
            sort.drainTo(latest::add);
        }
        assertThat(sortFolders(tmp)).isEqualTo(before);
        for (int i = 0; i < records.size(); i++) {
            assertThat(latest.get(i)).isEqualTo(with(records.get(i), String.format("%04d", i)));
        }
    }

    private static List<Path> sortFolders(Path tmp) throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("harmonizer-latest-"))
                    .sorted()
                    .toList();
        }
    }

    static FeedbackRecord record(Random random) {
        boolean closed = random.nextBoolean();
        YesNo actionable = pick(random, YesNo.values());
        return new FeedbackRecord(
                "key" + random.nextInt(400),
                "AG",
                "US-" + random.nextInt(3),
                "AGR-1",
                LocalDate.of(2025, 1 + random.nextInt(3), 28),
                random.nextInt(4) == 0 ? null : YearMonth.of(2024, 1 + random.nextInt(12)),
                closed ? Status.CLOSED : Status.OPEN,
                pick(random, Outcome.values()),
                actionable,
                actionable == YesNo.NO ? pick(random, NotActionableReason.values()) : null,
                pick(random, YesNo.values()),
                pick(random, YesNo.values()),
                pick(random, YesNo.values()),
                pick(random, Conviction.values()),
                pick(random, VictimBand.values()),
                pick(random, AgeBand.values()),
                closed ? random.nextInt(400) : null,
                "file" + random.nextInt(3),
                random.nextBoolean() ? "" : "sheet " + (1 + random.nextInt(3)),
                2 + random.nextInt(100_000));
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static FeedbackRecord with(String key, LocalDate asOf, String file, long row) {
        return copy(record(new Random(row)), key, asOf, file, row);
    }

    private static FeedbackRecord with(FeedbackRecord r, String key) {
        return copy(r, key, r.asOfDate(), r.sourceFile(), r.sourceRow());
    }

    private static FeedbackRecord copy(FeedbackRecord r, String key, LocalDate asOf, String file, long row) {
        return new FeedbackRecord(
                key,
                r.agencyCode(),
                r.jurisdictionCode(),
                r.agreementId(),
                asOf,
                r.receivedMonth(),
                r.status(),
                r.outcome(),
                r.actionable(),
                r.notActionableReason(),
                r.searchWarrant(),
                r.arrest(),
                r.charged(),
                r.convicted(),
                r.victimsIdentified(),
                r.subjectAgeBand(),
                r.daysToClose(),
                file,
                r.sourceSheet(),
                row);
    }
}
