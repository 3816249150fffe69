package org.feedbackharmonizer.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.FileSpec;
import org.feedbackharmonizer.config.Settings;
import org.feedbackharmonizer.ingest.Inbox;
import org.feedbackharmonizer.ingest.InboxFile;
import org.feedbackharmonizer.store.FileCounts;
import org.feedbackharmonizer.store.JdbcFeedbackStore;
import org.feedbackharmonizer.store.V7__HistoryIntoBatches;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Which files a rerun picks, and which files it reads to hash them: those its name and agency select, not the whole
 * inbox and archive. The digest is the real SHA-256, recorded on its way.
 */
class PendingFilesTest {
    @TempDir
    Path tmp;

    private Path input;
    private Path archive;
    private JdbcFeedbackStore store;
    private String augustInTheArchive;
    private String juneInTheArchive;
    private final List<String> hashed = new ArrayList<>();

    /**
     * Dallas has two files in the inbox, the August one also in the archive, and a June one that is only in the
     * archive (moved there when it was loaded); Phoenix has one file in the inbox.
     */
    @BeforeEach
    void twoAgenciesWithFilesInTheInboxAndTheArchive() throws IOException {
        input = tmp.resolve("input");
        archive = tmp.resolve("archive");
        String url = "jdbc:h2:file:" + tmp.resolve("store").toAbsolutePath();
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .javaMigrations(new V7__HistoryIntoBatches())
                .load()
                .migrate();
        store = new JdbcFeedbackStore(new DriverManagerDataSource(url, "sa", ""));

        write(input.resolve("dallas/outcomes-2025-08.csv"), "august");
        write(input.resolve("dallas/outcomes-2025-10.csv"), "october");
        write(input.resolve("phoenix/phx-2025-10.csv"), "phoenix");
        augustInTheArchive =
                archived("TX-DALLAS", "dallas/outcomes-2025-08.csv", input.resolve("dallas/outcomes-2025-08.csv"));
        Path june = write(tmp.resolve("gone/outcomes-2025-06.csv"), "june");
        juneInTheArchive = archived("TX-DALLAS", "dallas/outcomes-2025-06.csv", june);
        Files.delete(june);
    }

    @Test
    void aRerunOfOneFileHashesOnlyTheFilesOfThatNameAndNotItsArchivedCopy() throws IOException {
        List<InboxFile> picked = find("TX-DALLAS", "outcomes-2025-08.csv");

        assertThat(names(picked)).containsExactly("dallas/outcomes-2025-08.csv");
        assertThat(picked.get(0).path()).isEqualTo(input.resolve("dallas/outcomes-2025-08.csv"));
        assertThat(hashed).containsExactly("input/dallas/outcomes-2025-08.csv");
    }

    @Test
    void aRerunOfAFileOnlyTheArchiveHoldsHashesOnlyThatFile() throws IOException {
        List<InboxFile> picked = find("TX-DALLAS", "dallas/outcomes-2025-06.csv");

        assertThat(names(picked)).containsExactly("dallas/outcomes-2025-06.csv");
        assertThat(picked.get(0).path()).isEqualTo(tmp.resolve(juneInTheArchive));
        assertThat(hashed).containsExactly(juneInTheArchive);
    }

    @Test
    void aRerunOfAFileTheAgencyDoesNotHaveHashesNothingAndPicksNothing() throws IOException {
        assertThat(find("TX-DALLAS", "outcomes-2025-09.csv")).isEmpty();
        assertThat(hashed).isEmpty();
    }

    @Test
    void aRerunOfAnAgencyPicksAllItsFilesOnceHashingEachOnce() throws IOException {
        List<InboxFile> picked = find("TX-DALLAS", null);

        assertThat(names(picked))
                .containsExactly(
                        "dallas/outcomes-2025-08.csv", "dallas/outcomes-2025-10.csv", "dallas/outcomes-2025-06.csv");
        assertThat(hashed)
                .containsExactlyInAnyOrder(
                        "input/dallas/outcomes-2025-08.csv", "input/dallas/outcomes-2025-10.csv", juneInTheArchive);
    }

    private List<InboxFile> find(String agency, String file) throws IOException {
        RunPlan plan = new RunPlan(
                "20251125T120000.000-1",
                "rerun",
                settings(),
                List.of(agency("AZ-PHX", "phoenix/*.csv"), agency("TX-DALLAS", "dallas/*.csv")),
                null,
                input,
                tmp.resolve("output"),
                LocalDate.of(2025, 11, 25),
                agency,
                file,
                null,
                null,
                true,
                null,
                null,
                null,
                RunPlan.newResults());
        return new PendingFiles(store, p -> {
                    hashed.add(tmp.relativize(p).toString().replace('\\', '/'));
                    return Inbox.sha256(p);
                })
                .find(plan);
    }

    /** A file loaded before, as the store and the archive ({@code <agency>/<file id>-<name>}) keep it. */
    private String archived(String agency, String name, Path file) throws IOException {
        InboxFile f = new InboxFile(
                agency, file, name, Inbox.sha256(file), Inbox.sha256(file).substring(0, 16));
        store.beginFile(f, "20251101T020000.000-1");
        store.completeFile(f.fileId(), LocalDate.of(2025, 11, 1), FileCounts.NONE, 0.1, "20251101T020000.000-1", null);
        Path target = archive.resolve(agency).resolve(f.fileId() + "-" + file.getFileName());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
        return tmp.relativize(target).toString().replace('\\', '/');
    }

    private Settings settings() {
        return new Settings(
                tmp,
                null,
                null,
                null,
                null,
                archive,
                tmp.resolve("quarantine"),
                Settings.ArchiveMode.COPY,
                10,
                0.5,
                1,
                false,
                null);
    }

    private static AgencyConfig agency(String code, String glob) {
        return new AgencyConfig(
                code + ".yml",
                code,
                null,
                null,
                null,
                new FileSpec(List.of(glob), null, null, ',', null, null),
                null,
                null,
                null,
                null,
                Map.of());
    }

    private static List<String> names(List<InboxFile> files) {
        return files.stream().map(InboxFile::name).toList();
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
