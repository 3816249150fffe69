package org.feedbackharmonizer.publish;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.feedbackharmonizer.deidentify.FormulaGuard;

/**
 * A published CSV: UTF-8 without BOM, '\n' line endings (byte-identical across machines), minimal quoting, and
 * every text cell neutralized against formula injection.
 */
public final class CsvOutput implements AutoCloseable {
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    private final CSVPrinter printer;

    public CsvOutput(Path file, List<String> header) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.printer = new CSVPrinter(w, FORMAT);
        printer.printRecord(header);
    }

    public void row(Object... values) throws IOException {
        for (Object v : values) {
            printer.print(v == null ? "" : v instanceof String s ? FormulaGuard.neutralize(s) : v.toString());
        }
        printer.println();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
