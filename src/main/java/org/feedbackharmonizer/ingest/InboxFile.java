package org.feedbackharmonizer.ingest;

import java.nio.file.Path;

/**
 * A file found in the inbox for an agency.
 *
 * @param name path relative to the input folder, for messages and the archive
 * @param fileId the first 16 hex of the SHA-256: the file's identity, whatever its name
 */
public record InboxFile(String agencyCode, Path path, String name, String sha256, String fileId) {}
