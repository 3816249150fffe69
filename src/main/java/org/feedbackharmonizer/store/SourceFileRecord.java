package org.feedbackharmonizer.store;

import java.time.LocalDate;

/** What the store knows of one source file. */
public record SourceFileRecord(
        String fileId,
        String agencyCode,
        String fileName,
        LocalDate asOfDate,
        FileStatus status,
        String reasonCode,
        String reason,
        FileCounts counts,
        double seconds) {}
