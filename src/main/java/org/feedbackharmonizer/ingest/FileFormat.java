package org.feedbackharmonizer.ingest;

public enum FileFormat {
    XLSX,
    XLS,
    CSV,
    TSV
}
