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
            for (Path p : inbox.find(agency.files().globs())) {
                InboxFile f = inbox.identify(agency.code(), p);
                if (plan.fileFilter() != null
                        && !plan.fileFilter().equals(f.name())
                        && !plan.fileFilter().equals(p.getFileName().toString())) {
                    continue;
                }
                SourceFileRecord known = store.sourceFile(f.fileId()).orElse(null);
                if (plan.reload()) {
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
}
