package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.feedbackharmonizer.schema.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rerun reloads exactly what it names, replaces what those files contributed, and twice is the same as once. */
class RerunTest {
    static final String AS_OF = "2025-11-25";

    @Test
    void rerunningAnAgencyTwiceLeavesTheStoreAndOutputsAsTheFirstRunLeftThem(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        assertThat(s.run("run", "--as-of", AS_OF)).isZero();
        String dump = s.dump();
        byte[] feedback = Files.readAllBytes(s.output.resolve("feedback.csv"));
        byte[] rejects = Files.readAllBytes(s.output.resolve("rejects.csv"));

        assertThat(s.run("rerun", "--agency", "TX-DALLAS", "--as-of", AS_OF)).isZero();
        assertThat(s.summary().get("files")).hasSize(2);
        assertThat(s.run("rerun", "--agency", "TX-DALLAS", "--as-of", AS_OF)).isZero();

        assertThat(s.dump()).isEqualTo(dump);
        assertThat(Files.readAllBytes(s.output.resolve("feedback.csv"))).isEqualTo(feedback);
        assertThat(Files.readAllBytes(s.output.resolve("rejects.csv"))).isEqualTo(rejects);
    }

    @Test
    void rerunFindsFilesThatWereMovedToTheArchive(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp, 2, "inbox:\n  archive_mode: move\n");
        assertThat(s.run("run", "--as-of", AS_OF)).isZero();
        assertThat(s.input.resolve("dallas/dallas-outcomes-2025-10-31.xlsx")).doesNotExist();
        byte[] feedback = Files.readAllBytes(s.output.resolve("feedback.csv"));

        assertThat(s.run(
                        "rerun",
                        "--agency",
                        "TX-DALLAS",
                        "--file",
                        "dallas-outcomes-2025-10-31.xlsx",
                        "--as-of",
                        AS_OF))
                .isZero();

        String summary = Files.readString(s.output.resolve("run-summary.json"));
        assertThat(summary).contains("\"file\" : \"dallas/dallas-outcomes-2025-10-31.xlsx\"");
        assertThat(summary).doesNotContain("dallas-outcomes-2025-08-31.xlsx");
        assertThat(Files.readAllBytes(s.output.resolve("feedback.csv"))).isEqualTo(feedback);
    }

    @Test
    void rerunWithFileOrDateRangeReloadsOnlyThoseFiles(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        assertThat(s.run("run", "--as-of", AS_OF)).isZero();
        String dump = s.dump();

        assertThat(s.run("rerun", "--agency", "TX-DALLAS", "--file", "dallas-outcomes-2025-08-31.xlsx"))
                .isZero();
        assertThat(s.summary().get("files")).hasSize(1);
        assertThat(s.summary().get("files").get(0).get("file").asString())
                .isEqualTo("dallas/dallas-outcomes-2025-08-31.xlsx");

        assertThat(s.run("rerun", "--agency", "TX-DALLAS", "--from", "2025-10-01", "--to", "2025-10-31"))
                .isZero();
        assertThat(s.summary().get("files")).hasSize(1);
        assertThat(s.summary().get("files").get(0).get("file").asString())
                .isEqualTo("dallas/dallas-outcomes-2025-10-31.xlsx");
        assertThat(s.dump()).isEqualTo(dump);
    }

    @Test
    void rerunTakesTheAgencyCodeTrimmedAndInAnyCase(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        assertThat(s.run("run", "--as-of", AS_OF)).isZero();
        assertThat(s.run("rerun", "--agency", "TX-DALLAS", "--as-of", AS_OF)).isZero();
        String dump = s.dump();
        byte[] feedback = Files.readAllBytes(s.output.resolve("feedback.csv"));

        assertThat(s.run("rerun", "--agency", " tx-dallas ", "--as-of", AS_OF)).isZero();

        assertThat(s.summary()
                        .get("files")
                        .valueStream()
                        .map(f ->
                                f.get("agency").asString() + " " + f.get("file").asString())
                        .toList())
                .containsExactly(
                        "TX-DALLAS dallas/dallas-outcomes-2025-08-31.xlsx",
                        "TX-DALLAS dallas/dallas-outcomes-2025-10-31.xlsx");
        assertThat(s.dump()).isEqualTo(dump);
        assertThat(Files.readAllBytes(s.output.resolve("feedback.csv"))).isEqualTo(feedback);
    }

    @Test
    void anUnknownAgencyGetsTheSameOneLineFromRerunAndPreview(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        String expected = "harmonizer: no agency 'TX-DALAS' in " + s.config.resolve("agencies")
                + "; configured: AZ-PHX, FL-MIAMI, GA-GBI, NV-LVMPD, OH-ICAC, TX-DALLAS, WA-SEATTLE\n";

        SampleRun.Result rerun = s.runCapturing("rerun", "--agency", "TX-DALAS", "--as-of", AS_OF);
        SampleRun.Result preview = s.runCapturing(
                "preview",
                "--agency",
                "TX-DALAS",
                s.input.resolve("dallas/dallas-outcomes-2025-10-31.xlsx").toString());

        assertThat(rerun.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(preview.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(preview.err()).isEqualTo(rerun.err());
        assertThat(rerun.err()).isEqualTo(expected);
        assertThat(s.data.resolve("harmonizer.mv.db")).doesNotExist();
    }

    @Test
    void aRerunAfterAMappingChangeChangesOnlyThatAgencysRows(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        assertThat(s.run("run", "--as-of", AS_OF)).isZero();
        List<CSVRecord> feedbackBefore = NightlyRunTest.csv(s.output.resolve("feedback.csv"));
        List<CSVRecord> rejectsBefore = NightlyRunTest.csv(s.output.resolve("rejects.csv"));
        Path dallas = s.config.resolve("agencies/TX-DALLAS.yml");
        String yml = Files.readString(dallas);
        String arrest = "      \"/(?i)^arrested/\": ARREST\n";
        assertThat(yml).contains(arrest);
        Files.writeString(dallas, yml.replace(arrest, ""));

        assertThat(s.run("rerun", "--agency", "TX-DALLAS", "--as-of", AS_OF)).isZero();

        List<CSVRecord> feedbackAfter = NightlyRunTest.csv(s.output.resolve("feedback.csv"));
        List<CSVRecord> rejectsAfter = NightlyRunTest.csv(s.output.resolve("rejects.csv"));
        assertThat(rows(feedbackAfter, r -> !r.get("agency_code").equals("TX-DALLAS")))
                .isEqualTo(rows(feedbackBefore, r -> !r.get("agency_code").equals("TX-DALLAS")));
        Set<String> dallasFiles = Set.copyOf(
                List.of(s.query("SELECT LISTAGG(file_id, ',') FROM source_file WHERE agency_code = 'TX-DALLAS'")
                        .split(",")));
        String fileIdColumn = rejectsAfter.isEmpty()
                ? "file_id"
                : rejectsAfter.get(0).getParser().getHeaderNames().get(0);
        assertThat(rows(rejectsAfter, r -> !dallasFiles.contains(r.get(fileIdColumn))))
                .isEqualTo(rows(rejectsBefore, r -> !dallasFiles.contains(r.get(fileIdColumn))));
        long dallasRejectsBefore = rejectsBefore.stream()
                .filter(r -> dallasFiles.contains(r.get(fileIdColumn)))
                .count();
        long dallasRejectsAfter = rejectsAfter.stream()
                .filter(r -> dallasFiles.contains(r.get(fileIdColumn)))
                .count();
        assertThat(dallasRejectsAfter).isGreaterThan(dallasRejectsBefore);
        assertThat(feedbackAfter.size()).isLessThan(feedbackBefore.size());
        // no leftovers: every Dallas row in the store is from this rerun's mapping
        assertThat(s.observations())
                .filteredOn(o -> o.record().agencyCode().equals("TX-DALLAS"))
                .isNotEmpty()
                .noneMatch(o -> o.record().outcome() == Outcome.ARREST);
    }

    private static String rows(List<CSVRecord> records, java.util.function.Predicate<CSVRecord> keep) {
        return records.stream()
                .filter(keep)
                .map(r -> String.join(",", r.values()))
                .collect(Collectors.joining("\n"));
    }
}
