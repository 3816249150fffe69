package org.feedbackharmonizer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.mapping.RowResult;
import org.feedbackharmonizer.mapping.UnmappedLabels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for random messy tables (random column order, title rows, quoting, embedded delimiters and newlines,
 * blank and total rows, bad report numbers, four charsets, four delimiters, CSV and XLSX), every data row is
 * written, rejected or skipped, and every valid row is written. Each seed is one table; a failure names its seed.
 */
class RandomTablesTest {
    static final List<Charset> CHARSETS = List.of(
            StandardCharsets.UTF_8, StandardCharsets.UTF_16, Charset.forName("windows-1252"), StandardCharsets.UTF_8);
    static final List<String> DELIMITERS = List.of(",", ";", "|", "\t");
    static final List<String> DATE_STYLES = List.of("MM/dd/yyyy", "yyyy-MM-dd", "dd-MMM-yy", "yyyyMMdd");
    static final String NOTE_CHARS = "abc XYZ,;|\t\"'\n\r éü–“”#=+-@0123456789";

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 80);
    }

    record Table(
            List<String> columns,
            List<List<String>> rows,
            Set<String> valid,
            int invalid,
            int skippable,
            int blank,
            int titleRows) {}

    static Table table(Random r) {
        List<String> columns = new ArrayList<>(List.of("Report", "Received", "Status", "Notes", "Name"));
        Collections.shuffle(columns, r);
        List<List<String>> rows = new ArrayList<>();
        Set<String> valid = new HashSet<>();
        int invalid = 0, skippable = 0, blank = 0;
        int n = 1 + r.nextInt(60);
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(10);
            String[] cells = new String[columns.size()];
            String report;
            if (kind == 0) {
                blank++;
                rows.add(java.util.Arrays.asList(new String[columns.size()]).stream()
                        .map(x -> "")
                        .toList());
                continue;
            } else if (kind == 1) {
                report = "Total: " + i;
                skippable++;
            } else if (kind == 2) {
                report = r.nextBoolean() ? "pending" : "12-34";
                invalid++;
            } else {
                do {
                    report = Integer.toString(100_000_000 + r.nextInt(899_999_999));
                } while (!valid.add(report));
                if (r.nextBoolean()) {
                    report = "CT-" + report;
                }
            }
            LocalDate d = LocalDate.of(2025, 1, 1).plusDays(r.nextInt(300));
            for (int c = 0; c < columns.size(); c++) {
                cells[c] = switch (columns.get(c)) {
                    case "Report" -> report;
                    case "Received" ->
                        d.format(
                                DateTimeFormatter.ofPattern(DATE_STYLES.get(r.nextInt(DATE_STYLES.size())), Locale.US));
                    case "Status" -> List.of("Open", "Closed", "", "open ").get(r.nextInt(4));
                    default -> noise(r);
                };
            }
            rows.add(List.of(cells));
        }
        return new Table(columns, rows, valid, invalid, skippable, blank, r.nextInt(3));
    }

    static String noise(Random r) {
        StringBuilder b = new StringBuilder();
        int len = r.nextInt(25);
        for (int i = 0; i < len; i++) {
            b.append(NOTE_CHARS.charAt(r.nextInt(NOTE_CHARS.length())));
        }
        return b.toString();
    }

    static String config(String glob, String delimiter, Charset charset) {
        return """
                agency: RND
                jurisdiction: US-ZZ
                agreement: { id: DSA-R, effective: 2020-01-01, cadence: monthly }
                files:
                  glob: "%s"
                  charset: %s
                  delimiter: "%s"
                skip:
                  when:
                    - { column: Report, matches: '^Total' }
                values:
                  dates: [MM/dd/yyyy, yyyy-MM-dd, dd-MMM-yy, yyyyMMdd]
                fields:
                  report_number: { column: Report }
                  received_date: { column: Received }
                  status: { column: Status, map: { Open: OPEN, Closed: CLOSED } }
                """.formatted(glob, charset.name(), delimiter.equals("\t") ? "tab" : delimiter);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyCsvRowIsWrittenRejectedOrSkipped(int seed, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Random r = new Random(seed);
        Table t = table(r);
        Charset charset = CHARSETS.get(r.nextInt(CHARSETS.size()));
        String delimiter = DELIMITERS.get(r.nextInt(DELIMITERS.size()));
        boolean bom = charset.equals(StandardCharsets.UTF_8) && r.nextBoolean();
        Path file = tmp.resolve("random.csv");
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setQuoteMode(r.nextBoolean() ? QuoteMode.ALL : QuoteMode.MINIMAL)
                .setRecordSeparator(r.nextBoolean() ? "\r\n" : "\n")
                .get();
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            var writer = new java.io.OutputStreamWriter(out, charset);
            try (CSVPrinter p = new CSVPrinter(writer, format)) {
                for (int i = 0; i < t.titleRows(); i++) {
                    p.printRecord("Outcome report " + i);
                }
                p.printRecord(t.columns());
                for (List<String> row : t.rows()) {
                    p.printRecord(row);
                }
            }
        }
        check(tmp, file, config("*.csv", delimiter, charset), t, true);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyXlsxRowIsWrittenRejectedOrSkipped(int seed, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Random r = new Random(seed);
        Table t = table(r);
        Path file = tmp.resolve("random.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("Data");
            int rowNo = 0;
            for (int i = 0; i < t.titleRows(); i++) {
                s.createRow(rowNo++).createCell(0).setCellValue("Outcome report " + i);
            }
            Row h = s.createRow(rowNo++);
            for (int c = 0; c < t.columns().size(); c++) {
                h.createCell(c).setCellValue(t.columns().get(c));
            }
            for (List<String> row : t.rows()) {
                Row x = s.createRow(rowNo++);
                for (int c = 0; c < row.size(); c++) {
                    String v = row.get(c);
                    if (v.isEmpty()) {
                        continue;
                    }
                    if (t.columns().get(c).equals("Report") && v.matches("\\d+") && r.nextBoolean()) {
                        x.createCell(c).setCellValue(Double.parseDouble(v)); // report number as a number
                    } else {
                        x.createCell(c).setCellValue(v);
                    }
                }
            }
            wb.write(out);
        }
        check(tmp, file, config("*.xlsx", ",", StandardCharsets.UTF_8), t, false);
    }

    private static void check(Path tmp, Path file, String yaml, Table t, boolean blankRowsAreRead) throws Exception {
        AgencyConfig agency = AgencyFileReaderTest.agency(tmp, yaml);
        List<RowResult> results = new ArrayList<>();
        Set<String> written = new HashSet<>();
        int[] counts = new int[3];
        var reading = new AgencyFileReader(ReadLimits.DEFAULT)
                .read(new Inbox(tmp).identify("RND", file), agency, n -> n, new UnmappedLabels(), result -> {
                    results.add(result);
                    if (result instanceof RowResult.Written w) {
                        counts[0]++;
                        w.records().forEach(rec -> written.add(rec.referralKey()));
                    } else if (result instanceof RowResult.Rejected) {
                        counts[1]++;
                    } else {
                        counts[2]++;
                    }
                });
        assertThat(reading.rowsRead()).isEqualTo(counts[0] + counts[1] + counts[2]);
        assertThat(written).isEqualTo(t.valid());
        assertThat(counts[1]).isEqualTo(t.invalid());
        int expectedSkipped = t.skippable() + (blankRowsAreRead ? t.blank() : 0);
        assertThat(counts[2]).isBetween(t.skippable(), t.skippable() + t.blank());
        if (blankRowsAreRead) {
            assertThat(counts[2]).isEqualTo(expectedSkipped);
        }
    }
}
