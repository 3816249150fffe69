package org.feedbackharmonizer.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a delimited text file (CSV, TSV, pipe- or semicolon-separated) with Apache Commons CSV, streaming.
 *
 * <p>Every cell is {@link CellValue.Text} ({@link CellValue.Blank} when empty); the file has one sheet named "".
 * {@link RawRecord#rowNumber()} is the 1-based record number. Empty lines are kept as blank records (one
 * {@link CellValue.Blank} cell) rather than skipped, so that record numbers match the line numbers a steward sees
 * in an editor (as long as no quoted field spans lines) and blank rows can be counted as skipped downstream.
 *
 * <p>Refusals: invalid bytes for the charset ({@link RefusalReason#BAD_CHARSET}, naming the row and text line), a
 * cell, record or column count beyond {@link ReadLimits} ({@link RefusalReason#TOO_LARGE}), a malformed file such as
 * a quote left open at the end ({@link RefusalReason#CORRUPT}), a 0-byte file ({@link RefusalReason#EMPTY_FILE}).
 * Parsing is strict: text after a closing quote ({@code "a"b}) is malformed too.
 */
public final class CsvTableReader implements TableReader {

    /** Slack over maxLineChars for the read-ahead of the parser's buffer before the memory guard trips. */
    private static final int READ_AHEAD_SLACK = 64 * 1024;

    private final TextOptions options;
    private final ReadLimits limits;
    private final CSVFormat format;

    public CsvTableReader(TextOptions options, ReadLimits limits) {
        this.options = Objects.requireNonNull(options, "options");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(options.delimiter())
                .setQuote(options.quote())
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .get();
    }

    @Override
    public List<SheetInfo> sheets(Path file) throws FileRefused {
        checkReadable(file);
        return List.of(new SheetInfo(0, "", false));
    }

    @Override
    public void read(Path file, Predicate<SheetInfo> sheets, RecordSink sink) throws FileRefused {
        SheetInfo only = sheets(file).get(0);
        if (!sheets.test(only)) {
            return;
        }
        try (StrictTextReader text = new StrictTextReader(
                        new BufferedInputStream(Files.newInputStream(file), 64 * 1024),
                        options.charset(),
                        (long) limits.maxLineChars() + READ_AHEAD_SLACK);
                CSVParser parser =
                        CSVParser.builder().setReader(text).setFormat(format).get()) {
            readRecords(file, parser, text, sink);
        } catch (IOException e) {
            throw new FileRefused(RefusalReason.UNREADABLE, Where.file(file), "it could not be opened");
        } catch (StopReading stop) {
            // the sink has seen enough
        }
    }

    private void readRecords(Path file, CSVParser parser, StrictTextReader text, RecordSink sink) throws FileRefused {
        Iterator<CSVRecord> records = parser.iterator();
        long recordNumber = 0;
        long startLine = 1;
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw refusal(file, recordNumber + 1, startLine, e.getCause() == null ? e : e.getCause());
            }
            recordNumber++;
            text.recordDone();
            sink.accept(new RawRecord("", recordNumber, cells(file, recordNumber, record), false));
            startLine = parser.getCurrentLineNumber() + 1;
        }
    }

    private List<CellValue> cells(Path file, long recordNumber, CSVRecord record) throws FileRefused {
        int size = record.size();
        if (size > limits.maxColumns()) {
            throw new FileRefused(
                    RefusalReason.TOO_LARGE,
                    Where.cell(file, "", recordNumber, limits.maxColumns() + 1),
                    "the record has " + size + " fields, more than the limit of " + limits.maxColumns());
        }
        List<CellValue> cells = new ArrayList<>(size);
        long total = 0;
        for (int i = 0; i < size; i++) {
            String value = record.get(i);
            if (value.length() > limits.maxCellChars()) {
                throw new FileRefused(
                        RefusalReason.TOO_LARGE,
                        Where.cell(file, "", recordNumber, i + 1),
                        "the cell has " + value.length() + " characters, more than the limit of "
                                + limits.maxCellChars());
            }
            total += value.length();
            if (total > limits.maxLineChars()) {
                throw new FileRefused(
                        RefusalReason.TOO_LARGE,
                        Where.cell(file, "", recordNumber, i + 1),
                        "the record is longer than the limit of " + limits.maxLineChars() + " characters");
            }
            cells.add(CellValue.text(value));
        }
        return cells;
    }

    private FileRefused refusal(Path file, long recordNumber, long startLine, Throwable cause) {
        String where = Where.row(file, "", recordNumber);
        if (cause instanceof StrictTextReader.InvalidText invalid) {
            return new FileRefused(
                    RefusalReason.BAD_CHARSET,
                    where,
                    "bytes at text line " + invalid.line + " are not valid "
                            + options.charset().name());
        }
        if (cause instanceof StrictTextReader.RecordTooLong) {
            return new FileRefused(
                    RefusalReason.TOO_LARGE,
                    where,
                    "the record starting at text line " + startLine + " runs past the limit of " + limits.maxLineChars()
                            + " characters (often a quote that is never closed)");
        }
        String message = String.valueOf(cause.getMessage());
        String what = message.contains("EOF reached before encapsulated token finished")
                ? "a quoted field starting in the record at text line " + startLine + " is not closed before the end"
                        + " of the file"
                : message.contains("Invalid character between encapsulated token and delimiter")
                        ? "the record starting at text line " + startLine + " has text after a closing quote"
                        : "the record starting at text line " + startLine + " is malformed (" + Where.cause(cause)
                                + ")";
        return new FileRefused(RefusalReason.CORRUPT, where, what);
    }

    private static void checkReadable(Path file) throws FileRefused {
        try {
            if (Files.size(file) == 0) {
                throw new FileRefused(RefusalReason.EMPTY_FILE, Where.file(file), "0 bytes");
            }
        } catch (NoSuchFileException e) {
            throw new FileRefused(RefusalReason.UNREADABLE, Where.file(file), "it does not exist");
        } catch (IOException e) {
            throw new FileRefused(RefusalReason.UNREADABLE, Where.file(file), "its size could not be read");
        }
    }
}
