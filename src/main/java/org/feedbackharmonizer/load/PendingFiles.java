package org.feedbackharmonizer.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final FileDigest digest;

    public PendingFiles(FeedbackStore store) {
        this(store, Inbox::sha256);
    }

    /** With the digest given, so that a test can see which files were read to be hashed. */
    PendingFiles(FeedbackStore store, FileDigest digest) {
        this.store = store;
        this.digest = digest;
    }

    /** A file's SHA-256 in hex: the costly part of finding files, it reads each file whole. */
    @FunctionalInterface
    interface FileDigest {
        String sha256(Path file) throws IOException;
    }

    public List<InboxFile> find(RunPlan plan) throws IOException {
        Inbox inbox = new Inbox(plan.inputDir());
        Map<String, InboxFile> pending = new LinkedHashMap<>();
        for (AgencyConfig agency : plan.agencies()) {
            if (plan.agencyFilter() != null && !plan.agencyFilter().equals(agency.code())) {
                continue;
            }
            // By name before by content: hashing reads a file whole, so a rerun of one file hashes only that one.
            List<InboxFile> candidates = new ArrayList<>();
            for (Path p : inbox.find(agency.globs())) {
                if (named(plan, inbox.relative(p), p)) {
                    candidates.add(inbox.identify(agency.code(), p, digest.sha256(p)));
                }
            }
            if (plan.reload()) {
                Set<String> inInbox = new HashSet<>();
                candidates.forEach(f -> inInbox.add(f.fileId()));
                candidates.addAll(archived(plan, agency, inInbox));
            }
            for (InboxFile f : candidates) {
                if (!named(plan, f.name(), f.path())) {
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
     * Whether the file is one the plan names, if it names one: by its name relative to the input folder (the
     * store's name for an archived file), or by its file name alone, or by its name in the archive.
     */
    private static boolean named(RunPlan plan, String name, Path path) {
        String wanted = plan.fileFilter();
        return wanted == null
                || wanted.equals(name)
                || wanted.equals(path.getFileName().toString())
                || wanted.equals(Path.of(name).getFileName().toString());
    }

    /**
     * A rerun reloads what the agency contributed even when the inbox no longer has it: with
     * {@code archive_mode: move} loaded files live only in the archive ({@code <agency>/<file id>-<name>}). An
     * archived copy of a file the inbox still has ({@code inInbox}: ids by content) is not read again.
     */
    private List<InboxFile> archived(RunPlan plan, AgencyConfig agency, Set<String> inInbox) throws IOException {
        List<InboxFile> out = new ArrayList<>();
        Path dir = plan.settings().archiveDir().resolve(agency.code());
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("[0-9a-f]{16}-.+"))
                    .filter(p -> !p.getFileName().toString().endsWith(".part"))
                    .sorted()
                    .toList();
        }
        for (Path p : files) {
            String inArchive = p.getFileName().toString();
            if (inInbox.contains(inArchive.substring(0, 16))) {
                continue;
            }
            if (plan.fileFilter() != null) {
                // The archive names a file by its id, so the store's name for it is known before it is read;
                // find() checks the name again by the id its content gives.
                String stored = store.sourceFile(inArchive.substring(0, 16))
                        .map(SourceFileRecord::fileName)
                        .orElse(inArchive);
                if (!named(plan, stored, p)) {
                    continue;
                }
            }
            String sha = digest.sha256(p);
            SourceFileRecord known = store.sourceFile(sha.substring(0, 16)).orElse(null);
            if (known != null && known.agencyCode().equals(agency.code())) {
                out.add(new InboxFile(agency.code(), p, known.fileName(), sha, known.fileId()));
            }
        }
        return out;
    }
}
