package org.feedbackharmonizer.schema;

import java.util.List;

/**
 * The labels every agency gets unless its configuration says otherwise: one list, read by the configuration's
 * defaults, the yes/no parser and the steward's column profiling alike.
 */
public final class DefaultLabels {
    public static final List<String> YES = List.of("Y", "YES", "TRUE", "X", "1", "T");
    public static final List<String> NO = List.of("N", "NO", "FALSE", "0", "F");
    public static final List<String> UNKNOWN = List.of("UNK", "UNKNOWN", "N/A", "NA", "?", "NOT KNOWN");

    private DefaultLabels() {}
}
