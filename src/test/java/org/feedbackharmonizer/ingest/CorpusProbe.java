package org.feedbackharmonizer.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads every corpus file through {@link TableReaders} and prints one line per file: {@code READ name rows=N
 * cells=M} or {@code REFUSED name REASON message}. Run in a child JVM with a small heap by {@code CorpusTest}.
 */
public final class CorpusProbe {

    private CorpusProbe() {}

    public static void main(String[] args) throws IOException {
        for (String dir : args) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path file : files.filter(CorpusProbe::isData).sorted().toList()) {
                    System.out.println(probe(file));
                }
            }
        }
    }

    static boolean isData(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.equalsIgnoreCase("README.md");
    }

    /** The format a corpus file is taken to be configured as: by extension, XLSX for any other extension. */
    static FileFormat formatOf(Path file) {
        return FileFormat.fromFileName(file).orElse(FileFormat.XLSX);
    }

    static String probe(Path file) {
        String name = file.getFileName().toString();
        try {
            TableReader reader = new TableReaders(TextOptions.CSV, ReadLimits.DEFAULT).readerFor(file, formatOf(file));
            long[] counts = new long[2];
            reader.read(file, s -> true, r -> {
                counts[0]++;
                for (CellValue c : r.cells()) {
                    c.text();
                    counts[1]++;
                }
            });
            return "READ " + name + " rows=" + counts[0] + " cells=" + counts[1];
        } catch (FileRefused e) {
            return "REFUSED " + name + " " + e.reason() + " " + e.getMessage();
        }
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(CorpusProbe::isData).sorted().toList();
        }
    }
}
