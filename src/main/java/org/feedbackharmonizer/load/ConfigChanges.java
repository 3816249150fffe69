package org.feedbackharmonizer.load;

import java.util.ArrayList;
import java.util.List;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.store.FeedbackStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the steward when an agency's configuration changed after its files were read. A run loads only files it
 * has not loaded, so a fixed mapping would otherwise publish the old rows again without a word; a rerun of the
 * agency reads them with the new one.
 */
public final class ConfigChanges {
    private static final Logger log = LoggerFactory.getLogger(ConfigChanges.class);

    private ConfigChanges() {}

    /** Logs, and returns, a warning per agency of the plan with files read under another configuration. */
    public static List<String> warn(RunPlan plan, FeedbackStore store) {
        List<String> warnings = new ArrayList<>();
        if (rereadsEveryFile(plan)) {
            return warnings;
        }
        for (AgencyConfig a : plan.agencies()) {
            if (a.version() == null
                    || (plan.agencyFilter() != null && !plan.agencyFilter().equals(a.code()))) {
                continue;
            }
            long files = store.filesReadWithAnotherConfig(a.code(), a.version());
            if (files > 0) {
                String w = a.code() + ": " + files + " loaded file(s) were read with an earlier version of " + a.file()
                        + "; this run reads only new files, 'harmonizer rerun --agency " + a.code()
                        + "' reads them again with this one";
                log.warn(w);
                warnings.add(w);
            }
        }
        return warnings;
    }

    /** A rerun of whole agencies reads every file of them again. */
    private static boolean rereadsEveryFile(RunPlan plan) {
        return plan.reload() && plan.fileFilter() == null && plan.from() == null;
    }
}
