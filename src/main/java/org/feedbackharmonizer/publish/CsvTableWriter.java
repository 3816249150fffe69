package org.feedbackharmonizer.publish;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.feedbackharmonizer.deidentify.FormulaGuard;

/**
 * Writes a published CSV: UTF-8 without BOM, '\n' line endings, every value through {@link FormulaGuard}, rows
 * in the order given (callers sort them), so the same input gives the same bytes.
 */
final class CsvTableWriter {
    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private CsvTableWriter() {}

    static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, FORMAT)) {
            csv.printRecord(header);
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalStateException(
                            "row has " + row.size() + " values, header " + header.size() + " in " + file.getFileName());
                }
                List<String> safe = new ArrayList<>(row.size());
                for (String v : row) {
                    safe.add(v == null ? "" : FormulaGuard.neutralize(v));
                }
                csv.printRecord(safe);
            }
        }
    }
}
