package org.feedbackharmonizer.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.feedbackharmonizer.config.Settings;
import org.feedbackharmonizer.ingest.InboxFile;

/**
 * Where files go once handled: loaded files to the archive, refused ones to quarantine with a reason file beside
 * them. Both are named by file id, so that a renamed resend does not overwrite an earlier file.
 */
public final class InboxArchive {
    private final Path archiveDir;
    private final Path quarantineDir;
    private final Settings.ArchiveMode mode;

    public InboxArchive(Path archiveDir, Path quarantineDir, Settings.ArchiveMode mode) {
        this.archiveDir = archiveDir;
        this.quarantineDir = quarantineDir;
        this.mode = mode;
    }

    public Path archive(InboxFile file) throws IOException {
        return place(file, archiveDir.resolve(file.agencyCode()));
    }

    public Path quarantine(InboxFile file, String reasonCode, String reason) throws IOException {
        Path target = place(file, quarantineDir.resolve(file.agencyCode()));
        Files.writeString(
                target.resolveSibling(target.getFileName() + ".reason.txt"),
                reasonCode + System.lineSeparator() + reason + System.lineSeparator(),
                StandardCharsets.UTF_8);
        return target;
    }

    private Path place(InboxFile file, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(file.fileId() + "-" + file.path().getFileName());
        if (!Files.exists(file.path())) {
            return target;
        }
        if (mode == Settings.ArchiveMode.MOVE) {
            Files.move(file.path(), target, StandardCopyOption.REPLACE_EXISTING);
        } else if (!Files.exists(target)) {
            Path tmp = dir.resolve(target.getFileName() + ".part");
            Files.copy(file.path(), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }
}
