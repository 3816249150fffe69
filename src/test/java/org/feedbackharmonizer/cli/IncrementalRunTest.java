package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Nightly runs load only what is new, by content; loaded files go to the archive, refused ones to quarantine. */
class IncrementalRunTest {
    static final String AS_OF = "2025-11-25";

    @Test
    void aRenamedFileIsNotLoadedAgain(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        assertThat(s.run("run", "--as-of", AS_OF)).isZero();
        Files.move(
                s.input.resolve("miami/miami-feedback-20250630.csv"),
                s.input.resolve("miami/RESENT-miami-feedback-20250630.csv"));

        assertThat(s.run("run", "--as-of", AS_OF)).isZero();

        assertThat(s.summary().get("files")).isEmpty();
    }

    @Test
    void aFileChangedByOneRowIsLoadedAgainAndItsNewRowIsPublished(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        assertThat(s.run("run", "--as-of", AS_OF)).isZero();
        Path phx = s.input.resolve("phoenix/phx_feedback_2025-10-31.csv");
        String before = Files.readString(phx);
        String row = "201875167,2025-01-03,Open - Subject Identified,";
        assertThat(before).contains(row);
        Files.writeString(phx, before.replace(row, "201875167,2025-01-03,Open - Charges Filed,"));

        assertThat(s.run("run", "--as-of", AS_OF)).isZero();

        JsonNode files = s.summary().get("files");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).get("file").asString()).isEqualTo("phoenix/phx_feedback_2025-10-31.csv");
        String key = s.pseudonymizer().referralKey("201875167");
        CSVRecord current = NightlyRunTest.csv(s.output.resolve("feedback.csv")).stream()
                .filter(r -> r.get("referral_key").equals(key))
                .findFirst()
                .orElseThrow();
        assertThat(current.get("outcome")).isEqualTo("CHARGED");
        // the changed file replaces the old version: one current row per referral, none left from before
        assertThat(NightlyRunTest.csv(s.output.resolve("feedback.csv")).stream()
                        .filter(r -> r.get("agency_code").equals("AZ-PHX")))
                .hasSize(35);
    }

    @Test
    void filesArrivingNightByNightGiveTheSameCurrentFeedbackAsAllAtOnce(@TempDir Path tmp) throws Exception {
        String key = "key_file: " + tmp.resolve("shared-key/pseudonymization.key") + "\n";
        SampleRun nightly = new SampleRun(tmp.resolve("nightly"), key);
        SampleRun once = new SampleRun(tmp.resolve("once"), key);
        List<String> later = List.of(
                "dallas/dallas-outcomes-2025-10-31.xlsx",
                "gbi/GBI_CEACC_Outcomes_Q3-2025.xls",
                "miami/miami-feedback-20250930.csv",
                "seattle/seattle-icac-2025-07.tsv");
        Path held = tmp.resolve("held");
        for (String f : later) {
            Files.createDirectories(held.resolve(f).getParent());
            Files.move(nightly.input.resolve(f), held.resolve(f));
        }
        assertThat(nightly.run("run", "--as-of", AS_OF)).isZero();
        // the next night: each agency's later file, re-sending and updating referrals of the first
        for (String f : later) {
            Files.move(held.resolve(f), nightly.input.resolve(f));
        }
        assertThat(nightly.run("run", "--as-of", AS_OF)).isZero();
        // the night after: Phoenix corrects its file under the same name, one referral withdrawn
        for (SampleRun s : List.of(nightly, once)) {
            withdrawPhoenixReferral(s);
        }
        assertThat(nightly.run("run", "--as-of", AS_OF)).isZero();

        assertThat(once.run("run", "--as-of", AS_OF)).isZero();

        String current = "SELECT COUNT(*) FROM feedback";
        assertThat(nightly.query(current)).isEqualTo(once.query(current)).isEqualTo("243");
        assertThat(Files.readString(nightly.output.resolve("feedback.csv")))
                .isEqualTo(Files.readString(once.output.resolve("feedback.csv")));
    }

    /** Phoenix's file, resent under its name without the row of referral 201875167. */
    private static void withdrawPhoenixReferral(SampleRun s) throws IOException {
        Path phx = s.input.resolve("phoenix/phx_feedback_2025-10-31.csv");
        String row = Files.readAllLines(phx).stream()
                .filter(l -> l.startsWith("201875167,"))
                .findFirst()
                .orElseThrow();
        Files.writeString(phx, Files.readString(phx).replace(row + "\n", "").replace(row + "\r\n", ""));
    }

    @Test
    void aCorrectedFileUnderTheSameNameWithdrawsWhatTheEarlierVersionSaid(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        assertThat(s.run("run", "--as-of", AS_OF)).isZero();
        withdrawPhoenixReferral(s); // the agency resends the file without one referral it had reported by mistake

        assertThat(s.run("run", "--as-of", AS_OF)).isZero();

        String key = s.pseudonymizer().referralKey("201875167");
        List<CSVRecord> feedback = NightlyRunTest.csv(s.output.resolve("feedback.csv"));
        assertThat(feedback).noneMatch(r -> r.get("referral_key").equals(key));
        assertThat(feedback.stream().filter(r -> r.get("agency_code").equals("AZ-PHX")))
                .hasSize(34);
        assertThat(s.query("SELECT COUNT(*) FROM source_file WHERE status = 'REPLACED'"))
                .isEqualTo("1");
        // a rerun reloads the version that stands, not the withdrawn one still in the archive
        assertThat(s.run("rerun", "--agency", "AZ-PHX", "--as-of", AS_OF)).isZero();
        assertThat(NightlyRunTest.csv(s.output.resolve("feedback.csv")).stream()
                        .filter(r -> r.get("agency_code").equals("AZ-PHX")))
                .hasSize(34);
    }

    @Test
    void loadedFilesAreCopiedToTheArchiveByFileId(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        assertThat(s.run("run", "--as-of", AS_OF)).isZero();

        for (JsonNode f : s.summary().get("files")) {
            String name = Path.of(f.get("file").asString()).getFileName().toString();
            Path archived = s.data.resolve("archive")
                    .resolve(f.get("agency").asString())
                    .resolve(f.get("file_id").asString() + "-" + name);
            assertThat(archived).exists();
            assertThat(Files.mismatch(archived, s.input.resolve(f.get("file").asString())))
                    .isEqualTo(-1L);
        }
        assertThat(s.summary().get("files")).hasSize(10);
    }

    @Test
    void withArchiveModeMoveLoadedFilesLeaveTheInbox(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        s.settings("inbox:\n  archive_mode: move");

        assertThat(s.run("run", "--as-of", AS_OF)).isZero();

        try (Stream<Path> left = Files.walk(s.input)) {
            assertThat(left.filter(Files::isRegularFile)
                            .map(p -> s.input.relativize(p).toString()))
                    .containsExactlyInAnyOrder(
                            "README.md", "lasvegas/.gitkeep", "ledger/referral-ledger-2025-10-31.csv");
        }
        try (Stream<Path> archived = Files.walk(s.data.resolve("archive"))) {
            assertThat(archived.filter(Files::isRegularFile)).hasSize(10);
        }
        assertThat(s.run("run", "--as-of", AS_OF)).isZero();
        assertThat(NightlyRunTest.csv(s.output.resolve("feedback.csv"))).hasSize(244);
    }

    @Test
    void aCorruptSpreadsheetIsQuarantinedWithItsReasonAndTheOtherFilesLoad(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        Files.write(
                s.input.resolve("dallas/dallas-outcomes-2025-11-30.xlsx"),
                "PK\u0003\u0004 this is not a workbook".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(s.run("run", "--as-of", AS_OF)).isEqualTo(ExitCodes.QUARANTINED);

        JsonNode files = s.summary().get("files");
        assertThat(files).hasSize(11);
        JsonNode bad = Stream.of(files.valueStream().toArray(JsonNode[]::new))
                .filter(f -> f.get("status").asString().equals("QUARANTINED"))
                .findFirst()
                .orElseThrow();
        assertThat(bad.get("file").asString()).isEqualTo("dallas/dallas-outcomes-2025-11-30.xlsx");
        Path quarantined = s.data.resolve("quarantine/TX-DALLAS")
                .resolve(bad.get("file_id").asString() + "-dallas-outcomes-2025-11-30.xlsx");
        assertThat(quarantined).exists();
        assertThat(Path.of(quarantined + ".reason.txt"))
                .content()
                .contains(bad.get("reason_code").asString());
        assertThat(s.summary().get("totals").get("files_loaded").asInt()).isEqualTo(10);
        assertThat(NightlyRunTest.csv(s.output.resolve("feedback.csv"))).hasSize(244);
    }
}
