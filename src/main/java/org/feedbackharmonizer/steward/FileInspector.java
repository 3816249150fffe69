package org.feedbackharmonizer.steward;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedbackharmonizer.config.AgencyConfigLoader;
import org.feedbackharmonizer.ingest.AsOfDates;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.ingest.FileFormat;
import org.feedbackharmonizer.ingest.FileRefused;
import org.feedbackharmonizer.ingest.FormatSniffer;
import org.feedbackharmonizer.ingest.RawRecord;
import org.feedbackharmonizer.ingest.ReadLimits;
import org.feedbackharmonizer.ingest.RecordSink;
import org.feedbackharmonizer.ingest.RefusalReason;
import org.feedbackharmonizer.ingest.SheetInfo;
import org.feedbackharmonizer.ingest.StopReading;
import org.feedbackharmonizer.ingest.TableReader;
import org.feedbackharmonizer.ingest.TableReaders;
import org.feedbackharmonizer.ingest.TextOptions;

/**
 * Looks at a new agency's file without any configuration: how to read it, where each sheet's header is, and what
 * each column holds. Streams, and reads at most a given number of data rows per sheet.
 */
public final class FileInspector {

    /** What the steward told us; null means "find out". */
    public record Options(FileFormat format, Charset charset, Character delimiter, int rows) {
        public static final int DEFAULT_ROWS = 10_000;
    }

    static final Pattern AS_OF_IN_TITLE = Pattern.compile("(?i)as of:?\\s+(\\S+(?:\\s+\\d{1,2},\\s+\\d{4})?)");

    private static final int SNIFF_BYTES = 1 << 20;

    private static final int DELIMITER_SNIFF_CHARS = 64 * 1024;

    public FileInspection inspect(Path file, Options options) throws FileRefused {
        if (!Files.isRegularFile(file)) {
            throw new FileRefused(RefusalReason.UNREADABLE, String.valueOf(file.getFileName()), "no such file");
        }
        FileFormat format = options.format();
        String formatSource = "--format";
        if (format == null) {
            format = FileFormat.fromFileName(file).orElse(null);
            formatSource = "file extension";
        }
        if (format == null) {
            format = switch (FormatSniffer.sniff(file)) {
                case XLSX -> FileFormat.XLSX;
                case XLS -> FileFormat.XLS;
                default -> FileFormat.CSV;
            };
            formatSource = "file content";
        }
        Charset charset = StandardCharsets.UTF_8;
        String charsetNote = "";
        char delimiter = format == FileFormat.TSV ? '\t' : ',';
        byte[] head = new byte[0];
        if (format == FileFormat.CSV || format == FileFormat.TSV) {
            head = head(file);
            if (options.charset() != null) {
                charset = options.charset();
                charsetNote = "--charset";
            } else if (utf16ByteOrderMark(head)) {
                charset = StandardCharsets.UTF_16;
                charsetNote = "UTF-16 byte order mark";
            } else if (validUtf8(head)) {
                charsetNote = "valid UTF-8";
            } else {
                charset = Charset.forName("windows-1252");
                charsetNote = "not valid UTF-8, so windows-1252";
            }
            if (options.delimiter() != null) {
                delimiter = options.delimiter();
            } else if (format == FileFormat.CSV) {
                delimiter = sniffDelimiter(head, charset);
            }
        }
        // a TSV has no quotes unless its cells start with one, as Excel's tab-delimited text quotes a cell with a
        // tab or a line break in it
        boolean tsvQuotes = format == FileFormat.TSV && quotedCells(head, charset);
        TextOptions text = new TextOptions(charset, delimiter, format == FileFormat.TSV && !tsvQuotes ? null : '"');
        TableReader reader = new TableReaders(text, ReadLimits.DEFAULT).readerFor(file, format);
        SheetReadings readings = new SheetReadings(options.rows());
        reader.readChosen(file, readings::listed, readings);
        return new FileInspection(
                file,
                format,
                formatSource,
                charset,
                charsetNote,
                delimiter,
                tsvQuotes,
                options.rows(),
                readings.finish());
    }

    /** The first bytes of a text file, from which its charset and delimiter are guessed. */
    private static byte[] head(Path file) throws FileRefused {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new FileRefused(RefusalReason.UNREADABLE, String.valueOf(file.getFileName()), null);
        }
    }

    /** Whether a cell of the file's first bytes starts with a double quote, after a tab or at a line's start. */
    private static boolean quotedCells(byte[] head, Charset charset) {
        String text = new String(head, charset);
        return text.startsWith("\"") || text.startsWith("\uFEFF\"") || text.contains("\t\"") || text.contains("\n\"");
    }

    private static boolean utf16ByteOrderMark(byte[] head) {
        int a = head.length > 0 ? head[0] & 0xFF : -1;
        int b = head.length > 1 ? head[1] & 0xFF : -1;
        return (a == 0xFF && b == 0xFE) || (a == 0xFE && b == 0xFF);
    }

    private static boolean validUtf8(byte[] head) {
        int n = head.length;
        if (n == SNIFF_BYTES) {
            while (n > 0 && (head[n - 1] & 0xC0) == 0x80) {
                n--; // do not cut a character in two
            }
            n = Math.max(0, n - 1);
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, n));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * The delimiter that splits the most of the first 50 non-blank lines into the most fields: the first line
     * alone misleads when the file starts with title rows.
     */
    private static char sniffDelimiter(byte[] head, Charset charset) {
        String text = new String(head, charset);
        List<String> lines = text.substring(0, Math.min(text.length(), DELIMITER_SNIFF_CHARS))
                .lines()
                .filter(l -> !l.isBlank())
                .limit(50)
                .toList();
        char best = ',';
        long bestScore = 0;
        for (char c : new char[] {',', '|', ';', '\t'}) {
            long score = 0;
            for (String line : lines) {
                long count = line.chars().filter(ch -> ch == c).count();
                score += count >= 2 ? count : 0;
            }
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * Every sheet's reading, fed from one pass over the file: each sheet is read up to the row limit, then the
     * reader is told to go on with the next sheet.
     */
    private static final class SheetReadings implements RecordSink {
        final int limit;
        final Map<String, SheetReading> bySheet = new LinkedHashMap<>();
        final List<SheetInfo> sheets = new ArrayList<>();

        SheetReadings(int limit) {
            this.limit = limit;
        }

        /** Every sheet is inspected, hidden ones too. */
        Predicate<SheetInfo> listed(List<SheetInfo> listed) {
            sheets.addAll(listed);
            for (SheetInfo sheet : listed) {
                bySheet.put(sheet.label(), new SheetReading(limit));
            }
            return sheet -> true;
        }

        @Override
        public void accept(RawRecord r) {
            // a text file has one sheet, and its records name none
            SheetReading reading =
                    sheets.size() == 1 ? bySheet.values().iterator().next() : bySheet.get(r.sheet());
            reading.accept(r);
        }

        List<SheetProfile> finish() {
            List<SheetProfile> out = new ArrayList<>();
            for (SheetInfo sheet : sheets) {
                out.add(bySheet.get(sheet.label()).finish(sheet));
            }
            return out;
        }
    }

    /** One sheet's reading: buffers the top rows until the header is found, then profiles the data rows. */
    private static final class SheetReading {
        final int limit;
        final List<RawRecord> top = new ArrayList<>();
        HeaderGuess header;
        boolean searched;
        List<ColumnProfile> columns = List.of();
        long rowsSeen;
        long dataRows;
        long blankRows;
        boolean truncated;

        SheetReading(int limit) {
            this.limit = limit;
        }

        void accept(RawRecord r) {
            rowsSeen++;
            if (!searched) {
                top.add(r);
                if (top.size() >= HeaderGuess.SEARCH_ROWS) {
                    search();
                }
                return;
            }
            profile(r);
        }

        private void search() {
            searched = true;
            header = HeaderGuess.find(top);
            if (header == null) {
                return;
            }
            List<ColumnProfile> cols = new ArrayList<>();
            for (int c = 0; c < header.names().size(); c++) {
                cols.add(new ColumnProfile(c, header.names().get(c)));
            }
            columns = cols;
            for (RawRecord r : top) {
                if (r.rowNumber() > header.lastRow()) {
                    profile(r);
                }
            }
        }

        private void profile(RawRecord r) {
            if (header == null) {
                return;
            }
            if (r.isBlank()) {
                blankRows++;
                return;
            }
            if (dataRows >= limit) {
                truncated = true;
                throw StopReading.sheet();
            }
            dataRows++;
            // A totals row's counts under the yes/no columns ("10", "8") are not labels the agency writes: of such
            // a row only the cell that says "Total" is profiled (a skip rule is proposed from it).
            boolean[] saysTotal = new boolean[columns.size()];
            boolean totals = false;
            for (int i = 0; i < saysTotal.length; i++) {
                saysTotal[i] = ColumnProfile.saysTotal(r.cell(columns.get(i).index()));
                totals |= saysTotal[i];
            }
            for (int i = 0; i < saysTotal.length; i++) {
                if (!totals || saysTotal[i]) {
                    columns.get(i).add(r.cell(columns.get(i).index()), saysTotal[i]);
                }
            }
        }

        SheetProfile finish(SheetInfo sheet) {
            if (!searched) {
                try {
                    search();
                } catch (StopReading enough) {
                    // the rows buffered for the header search already reach the limit
                }
            }
            int titles = 0;
            LocalDate asOf = null;
            for (RawRecord r : top) {
                if (header != null && r.rowNumber() >= header.row()) {
                    break;
                }
                if (!r.isBlank()) {
                    titles++;
                }
                for (CellValue c : r.cells()) {
                    Matcher m = AS_OF_IN_TITLE.matcher(c.text());
                    if (asOf == null && m.find()) {
                        asOf = AsOfDates.parse(m.group(1).replaceAll("[.,;:)]+$", ""), titleDatePatterns())
                                .orElse(null);
                    }
                }
            }
            return new SheetProfile(
                    sheet.name(),
                    sheet.index(),
                    sheet.hidden(),
                    rowsSeen,
                    truncated,
                    header,
                    header == null ? 0 : titles,
                    header == null ? null : asOf,
                    dataRows,
                    blankRows,
                    columns);
        }
    }

    static List<String> titleDatePatterns() {
        return AgencyConfigLoader.DEFAULT_AS_OF_PATTERNS;
    }
}
