package org.feedbackharmonizer.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The format an agency's files are configured (or named) to be in. XLSM and XLTX are read as XLSX. */
public enum FileFormat {
    XLSX,
    XLS,
    CSV,
    TSV;

    /** The format a file name's extension implies, if it implies one of ours. */
    public static Optional<FileFormat> fromFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "xlsx", "xlsm", "xltx", "xltm" -> Optional.of(XLSX);
            case "xls" -> Optional.of(XLS);
            case "csv" -> Optional.of(CSV);
            case "tsv", "tab" -> Optional.of(TSV);
            default -> Optional.empty();
        };
    }
}
