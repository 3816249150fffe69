package org.feedbackharmonizer.publish;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.feedbackharmonizer.deidentify.FormulaGuard;

/**
 * A published CSV: UTF-8 without BOM, '\n' line endings (byte-identical across machines), minimal quoting, and
 * every text cell neutralized against formula injection. Rows are written in the order given (callers sort
 * them), so the same input gives the same bytes.
 *
 * <p>Each row is formatted into a buffer and written with one call: the format's own {@code print} and
 * {@code println} (what a {@code CSVPrinter} calls), so the bytes are the same, without taking the printer's
 * and the writer's locks for every cell and delimiter of a million rows.
 */
public final class CsvOutput implements AutoCloseable {
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    private final BufferedWriter writer;
    private final BufferedWriter copy;
    private final StringBuilder line = new StringBuilder(512);

    /**
     * Writes a whole table, creating its folder.
     *
     * @throws IllegalStateException when a row has not as many values as the header
     */
    static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (CsvOutput out = new CsvOutput(file, header)) {
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalStateException(
                            "row has " + row.size() + " values, header " + header.size() + " in " + file.getFileName());
                }
                out.row(row.toArray());
            }
        }
    }

    public CsvOutput(Path file, List<String> header) throws IOException {
        this(file, header, null);
    }

    /** @param copy also given every line as it is written, and closed with the file (null: none) */
    CsvOutput(Path file, List<String> header, Writer copy) throws IOException {
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.copy = copy == null ? null : new BufferedWriter(copy, 1 << 16);
        try {
            for (int i = 0; i < header.size(); i++) {
                FORMAT.print(header.get(i), line, i == 0);
            }
            endLine();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public void row(Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            FORMAT.print(
                    v == null ? "" : v instanceof String s ? FormulaGuard.neutralize(s) : v.toString(), line, i == 0);
        }
        endLine();
    }

    private void endLine() throws IOException {
        FORMAT.println(line);
        writer.append(line);
        if (copy != null) {
            copy.append(line);
        }
        line.setLength(0);
    }

    @Override
    public void close() throws IOException {
        try (Writer c = copy) {
            writer.close();
        }
    }
}
