package org.feedbackharmonizer.mapping;

/** Where a row came from: file id (SHA-256, first 16 hex), sheet ("" for text files) and 1-based row. */
public record SourceRef(String fileId, String sheet, long row) {}
