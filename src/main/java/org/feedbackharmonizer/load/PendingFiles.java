package org.feedbackharmonizer.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.ingest.Inbox;
import org.feedbackharmonizer.ingest.InboxFile;
import org.feedbackharmonizer.store.FeedbackStore;
import org.feedbackharmonizer.store.FileStatus;
import org.feedbackharmonizer.store.SourceFileRecord;

/**
 * Decides which inbox files a run loads: every file not yet loaded or quarantined (by content, so a renamed copy
 * is not loaded twice), plus whatever a rerun names. A file left LOADING by a crash is pending again.
 */
public final class PendingFiles {
    private final FeedbackStore store;

    public PendingFiles(FeedbackStore store) {
        this.store = store;
    }

    public List<InboxFile> find(RunPlan plan) throws IOException {
        Inbox inbox = new Inbox(plan.inputDir());
        Map<String, InboxFile> pending = new LinkedHashMap<>();
        for (AgencyConfig agency : plan.agencies()) {
            if (plan.agencyFilter() != null && !plan.agencyFilter().equals(agency.code())) {
                continue;
            }
            List<InboxFile> candidates = new ArrayList<>();
            for (Path p : inbox.find(agency.files().globs())) {
                candidates.add(inbox.identify(agency.code(), p));
            }
            if (plan.reload()) {
                candidates.addAll(archived(plan, agency, inbox));
            }
            for (InboxFile f : candidates) {
                Path p = f.path();
                if (plan.fileFilter() != null
                        && !plan.fileFilter().equals(f.name())
                        && !plan.fileFilter().equals(p.getFileName().toString())
                        && !plan.fileFilter()
                                .equals(Path.of(f.name()).getFileName().toString())) {
                    continue;
                }
                SourceFileRecord known = store.sourceFile(f.fileId()).orElse(null);
                if (plan.reload()) {
                    if (known != null && known.status() == FileStatus.REPLACED) {
                        continue; // a rerun reloads what stands, not what a later version withdrew
                    }
                    if (plan.from() != null
                            && (known == null
                                    || known.asOfDate() == null
                                    || known.asOfDate().isBefore(plan.from())
                                    || known.asOfDate().isAfter(plan.to()))) {
                        continue;
                    }
                } else if (known != null && known.status() != FileStatus.LOADING) {
                    continue;
                }
                pending.putIfAbsent(f.fileId(), f);
            }
        }
        return new ArrayList<>(pending.values());
    }

    /**
     * A rerun reloads what the agency contributed even when the inbox no longer has it: with
     * {@code archive_mode: move} loaded files live only in the archive ({@code <agency>/<file id>-<name>}).
     */
    private List<InboxFile> archived(RunPlan plan, AgencyConfig agency, Inbox inbox) throws IOException {
        List<InboxFile> out = new ArrayList<>();
        Path dir = plan.settings().archiveDir().resolve(agency.code());
        if (!java.nio.file.Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (var s = java.nio.file.Files.list(dir)) {
            files = s.filter(java.nio.file.Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("[0-9a-f]{16}-.+"))
                    .filter(p -> !p.getFileName().toString().endsWith(".part"))
                    .sorted()
                    .toList();
        }
        for (Path p : files) {
            String sha = Inbox.sha256(p);
            SourceFileRecord known = store.sourceFile(sha.substring(0, 16)).orElse(null);
            if (known != null && known.agencyCode().equals(agency.code())) {
                out.add(new InboxFile(agency.code(), p, known.fileName(), sha, known.fileId()));
            }
        }
        return out;
    }
}
