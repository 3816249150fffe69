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
import java.util.List;
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
        if (format == FileFormat.CSV || format == FileFormat.TSV) {
            if (options.charset() != null) {
                charset = options.charset();
                charsetNote = "--charset";
            } else if (utf16ByteOrderMark(file)) {
                charset = StandardCharsets.UTF_16;
                charsetNote = "UTF-16 byte order mark";
            } else if (validUtf8(file)) {
                charsetNote = "valid UTF-8";
            } else {
                charset = Charset.forName("windows-1252");
                charsetNote = "not valid UTF-8, so windows-1252";
            }
            if (options.delimiter() != null) {
                delimiter = options.delimiter();
            } else if (format == FileFormat.CSV) {
                delimiter = sniffDelimiter(file, charset);
            }
        }
        TextOptions text = new TextOptions(charset, delimiter, format == FileFormat.TSV ? null : '"');
        TableReader reader = new TableReaders(text, ReadLimits.DEFAULT).readerFor(file, format);
        List<SheetProfile> sheets = new ArrayList<>();
        for (SheetInfo sheet : reader.sheets(file)) {
            SheetReading reading = new SheetReading(options.rows());
            try {
                reader.read(file, sheet::equals, reading::accept);
            } catch (StopReading enough) {
                reading.truncated = true;
            }
            sheets.add(reading.finish(sheet));
        }
        return new FileInspection(file, format, formatSource, charset, charsetNote, delimiter, options.rows(), sheets);
    }

    private static boolean utf16ByteOrderMark(Path file) {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            int a = in.read();
            int b = in.read();
            return (a == 0xFF && b == 0xFE) || (a == 0xFE && b == 0xFF);
        } catch (IOException e) {
            return false; // the reader itself will say what is wrong with the file
        }
    }

    private static boolean validUtf8(Path file) throws FileRefused {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            int n = head.length;
            if (n == SNIFF_BYTES) {
                while (n > 0 && (head[n - 1] & 0xC0) == 0x80) {
                    n--; // do not cut a character in two
                }
                n = Math.max(0, n - 1);
            }
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, n));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new FileRefused(RefusalReason.UNREADABLE, String.valueOf(file.getFileName()), null);
        }
    }

    /**
     * The delimiter that splits the most of the first 50 non-blank lines into the most fields: the first line
     * alone misleads when the file starts with title rows.
     */
    private static char sniffDelimiter(Path file, Charset charset) throws FileRefused {
        List<String> lines;
        try (var r = Files.newBufferedReader(file, charset)) {
            char[] buf = new char[64 * 1024];
            int n = r.read(buf);
            lines = n <= 0
                    ? List.of()
                    : new String(buf, 0, n)
                            .lines()
                            .filter(l -> !l.isBlank())
                            .limit(50)
                            .toList();
        } catch (IOException e) {
            return ',';
        }
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
                throw new StopReading();
            }
            dataRows++;
            for (ColumnProfile c : columns) {
                c.add(r.cell(c.index()));
            }
        }

        SheetProfile finish(SheetInfo sheet) {
            if (!searched) {
                try {
                    search();
                } catch (StopReading enough) {
                    truncated = true;
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
