package org.feedbackharmonizer.load;

import java.time.LocalDate;
import java.util.List;
import org.feedbackharmonizer.store.FileCounts;

/**
 * What loading one file came to.
 *
 * @param refusal the one-line reason the file was quarantined, or null when it loaded
 */
public record FileLoadResult(
        String agencyCode,
        String fileName,
        String fileId,
        LocalDate asOfDate,
        FileCounts counts,
        double seconds,
        String refusalCode,
        String refusal,
        List<String> warnings) {

    public boolean loaded() {
        return refusal == null;
    }
}
