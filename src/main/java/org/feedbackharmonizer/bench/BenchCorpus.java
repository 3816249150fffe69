package org.feedbackharmonizer.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.feedbackharmonizer.ingest.FileFormat;

/**
 * A synthetic inbox for the benchmark: three agency layouts (a CSV export, an XLSX with a title row and real date
 * and boolean cells, a legacy XLS with dates typed as text), fifteen columns each, six of them personal-looking
 * (names, birth dates, phones, e-mails, addresses, notes). All values are made up from a fixed seed.
 *
 * <p>Each agency sends monthly cumulative files: a later file re-sends a share of the earlier file's referrals
 * (open cases), so consolidation has real work to do.
 */
public final class BenchCorpus {

    /** One generated file and the number of data rows in it. */
    public record GeneratedFile(String agency, FileFormat format, Path path, long rows) {}

    /** XLS holds at most 65,536 rows per sheet; HSSF loads the whole workbook, so keep each file modest. */
    static final int XLS_ROWS_PER_FILE = 25_000;

    private static final String[] FIRST = {"James", "Maria", "Robert", "Linda", "José", "Wei", "Aisha", "Dmitri"};
    private static final String[] LAST = {"Smith", "Garcia", "Müller", "Nguyen", "Johnson", "O'Brien", "Kowalski"};
    private static final String[] DISPOSITIONS = {
        "Arrested - charges filed",
        "Convicted",
        "Search warrant served",
        "Unable to identify subject",
        "Subject identified",
        "Referred to other agency",
        "No crime",
        "Records expired",
        "Insufficient information",
        "Under investigation"
    };
    private static final String[] HEADER = {
        "Report Number",
        "Date Received",
        "Date Closed",
        "Case Status",
        "Disposition",
        "Search Warrant",
        "Arrest",
        "Charged",
        "Victims Identified",
        "Subject Name",
        "Subject DOB",
        "Subject Phone",
        "Subject Email",
        "Subject Address",
        "Investigator Notes"
    };
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Path dir;
    private final SplittableRandom random = new SplittableRandom(20251125L);

    public BenchCorpus(Path dir) {
        this.dir = dir;
    }

    public Path config() {
        return dir.resolve("config");
    }

    public Path input() {
        return dir.resolve("input");
    }

    /**
     * Writes the configuration and about {@code rows} data rows: half CSV, 40% XLSX, 10% XLS, in two monthly files
     * per agency (more for XLS, whose files are capped).
     */
    public List<GeneratedFile> generate(long rows) throws IOException {
        writeConfig();
        List<GeneratedFile> files = new ArrayList<>();
        long csv = rows / 2;
        long xlsx = rows * 4 / 10;
        long xls = rows - csv - xlsx;
        long base = 200_000_000L;
        files.addAll(monthly("BENCH-CSV", FileFormat.CSV, csv, base, 2));
        files.addAll(monthly("BENCH-XLSX", FileFormat.XLSX, xlsx, base + 10_000_000L, 2));
        int xlsFiles = (int) Math.max(2, (xls + XLS_ROWS_PER_FILE - 1) / XLS_ROWS_PER_FILE);
        files.addAll(monthly("BENCH-XLS", FileFormat.XLS, xls, base + 20_000_000L, xlsFiles));
        return files;
    }

    /** One workbook of {@code rows} rows: the streaming proof for a single large XLSX. */
    public List<GeneratedFile> generateSingleXlsx(long rows) throws IOException {
        writeConfig();
        return monthly("BENCH-XLSX", FileFormat.XLSX, rows, 210_000_000L, 1);
    }

    /** {@code count} files of the agency; each later file re-sends a quarter of the previous file's referrals. */
    private List<GeneratedFile> monthly(String agency, FileFormat format, long rows, long firstNumber, int count)
            throws IOException {
        List<GeneratedFile> out = new ArrayList<>();
        long perFile = Math.max(1, rows / count);
        long next = firstNumber;
        for (int i = 0; i < count; i++) {
            long n = i == count - 1 ? rows - perFile * (count - 1) : perFile;
            long start = i == 0 ? next : next - n / 4; // re-send the open cases of the month before
            LocalDate asOf = LocalDate.of(2025, 1, 31)
                    .plusMonths(i)
                    .withDayOfMonth(1)
                    .plusMonths(1)
                    .minusDays(1);
            String folder = agency.toLowerCase(java.util.Locale.ROOT);
            Files.createDirectories(input().resolve(folder));
            Path path = input().resolve(folder)
                    .resolve(folder + "-" + asOf + "." + format.name().toLowerCase(java.util.Locale.ROOT));
            switch (format) {
                case CSV, TSV -> writeCsv(path, start, n);
                case XLSX -> writeXlsx(path, start, n, asOf);
                case XLS -> writeXls(path, start, n);
            }
            out.add(new GeneratedFile(agency, format, path, n));
            next = start + n;
        }
        return out;
    }

    private String[] row(long number) {
        LocalDate received = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(600));
        boolean closed = random.nextInt(3) > 0;
        LocalDate closedOn = closed ? received.plusDays(1 + random.nextInt(200)) : null;
        String disposition = DISPOSITIONS[random.nextInt(DISPOSITIONS.length)];
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        LocalDate dob = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(15_000));
        // Mostly consistent flags, as real exports are; the rest become FLAG_CONFLICT rejects.
        boolean consistent = random.nextInt(100) > 0;
        boolean warrant = consistent && disposition.startsWith("Search") || random.nextBoolean();
        boolean charged = consistent && disposition.contains("charges") || random.nextBoolean();
        boolean arrest = consistent && disposition.contains("Arrest") || random.nextBoolean();
        return new String[] {
            Long.toString(number),
            received.format(US),
            closedOn == null ? "" : closedOn.format(US),
            closed ? "Closed" : "Open",
            disposition,
            warrant ? "Y" : "N",
            arrest ? "Y" : "N",
            charged ? "Y" : "N",
            Integer.toString(random.nextInt(4)),
            first + " " + last,
            dob.format(US),
            String.format("(%03d) 555-%04d", 200 + random.nextInt(700), random.nextInt(10_000)),
            first.toLowerCase(java.util.Locale.ROOT) + "." + random.nextInt(1000) + "@example.com",
            (100 + random.nextInt(9000)) + " Main St, Springfield",
            "Contacted " + first + " on " + received.plusDays(3).format(US) + ", see case file"
        };
    }

    private void writeCsv(Path path, long start, long n) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            w.write(String.join(",", HEADER));
            w.write("\r\n");
            StringBuilder line = new StringBuilder(256);
            for (long i = 0; i < n; i++) {
                line.setLength(0);
                String[] cells = row(start + i);
                for (int c = 0; c < cells.length; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    String v = cells[c];
                    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0) {
                        line.append('"').append(v.replace("\"", "\"\"")).append('"');
                    } else {
                        line.append(v);
                    }
                }
                line.append("\r\n");
                w.append(line);
            }
        }
    }

    /** Streaming (SXSSF), so a million rows need no more heap than a hundred; inline strings, as SXSSF writes. */
    private void writeXlsx(Path path, long start, long n, LocalDate asOf) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try (OutputStream out = Files.newOutputStream(path)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yyyy"));
            Sheet sheet = wb.createSheet("Outcomes");
            sheet.createRow(0).createCell(0).setCellValue("CyberTip outcomes as of " + asOf);
            Row header = sheet.createRow(2);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            for (long i = 0; i < n; i++) {
                String[] v = row(start + i);
                Row r = sheet.createRow((int) (i + 3));
                r.createCell(0).setCellValue(Double.parseDouble(v[0]));
                dateCell(r, 1, v[1], date);
                dateCell(r, 2, v[2], date);
                r.createCell(3).setCellValue(v[3]);
                r.createCell(4).setCellValue(v[4]);
                for (int c = 5; c <= 7; c++) {
                    r.createCell(c).setCellValue(v[c].equals("Y"));
                }
                r.createCell(8).setCellValue(Double.parseDouble(v[8]));
                r.createCell(9).setCellValue(v[9]);
                dateCell(r, 10, v[10], date);
                for (int c = 11; c < v.length; c++) {
                    r.createCell(c).setCellValue(v[c]);
                }
            }
            wb.write(out);
        } finally {
            wb.close();
        }
    }

    private static void dateCell(Row r, int column, String us, CellStyle style) {
        if (!us.isEmpty()) {
            var cell = r.createCell(column);
            cell.setCellValue(LocalDate.parse(us, US));
            cell.setCellStyle(style);
        }
    }

    private void writeXls(Path path, long start, long n) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook();
                OutputStream out = Files.newOutputStream(path)) {
            wb.createInformationProperties(); // as Excel writes them; POI warns about workbooks without
            Sheet sheet = wb.createSheet("Outcomes");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            for (long i = 0; i < n; i++) {
                String[] v = row(start + i);
                Row r = sheet.createRow((int) (i + 1));
                r.createCell(0).setCellValue(Double.parseDouble(v[0]));
                for (int c = 1; c < v.length; c++) {
                    String s = v[c];
                    if (c == 1 || c == 2 || c == 10) {
                        s = s.isEmpty() ? "" : LocalDate.parse(s, US).format(COMPACT);
                    } else if (c >= 5 && c <= 7) {
                        r.createCell(c).setCellValue(s.equals("Y") ? 1 : 0);
                        continue;
                    }
                    r.createCell(c).setCellValue(s);
                }
            }
            wb.write(out);
        }
    }

    private void writeConfig() throws IOException {
        Path agencies = config().resolve("agencies");
        Files.createDirectories(agencies);
        // No ledger file in the corpus: the benchmark measures the feedback files, not the ledger.
        Files.writeString(config().resolve("ledger.yml"), """
                glob: "ledger/*.csv"
                format: csv
                columns:
                  report_number: CyberTipline Report Number
                  made_available: Date Made Available
                  agency: Agency Code
                  jurisdiction: Jurisdiction
                dates: [yyyy-MM-dd]
                """);
        String outcomes = """
                  outcome:
                    column: Disposition
                    map:
                      "/(?i)convicted/": CONVICTED
                      "/(?i)charges? filed/": CHARGED
                      "/(?i)^arrested/": ARREST
                      "/(?i)search warrant/": SEARCH_WARRANT_SERVED
                      "/(?i)unable to identify/": UNABLE_TO_IDENTIFY_SUBJECT
                      "/(?i)subject identified/": SUBJECT_IDENTIFIED
                      "/(?i)^referred/": REFERRED_ELSEWHERE
                      "/(?i)no crime/": NO_ACTION_NO_OFFENSE
                      "/(?i)expired/": NO_ACTION_DATA_UNAVAILABLE
                      "/(?i)insufficient/": NO_ACTION_INSUFFICIENT_INFO
                      "/(?i)under investigation/": UNDER_INVESTIGATION
                    otherwise: reject
                  status:
                    column: Case Status
                    map: { Open: OPEN, Closed: CLOSED }
                  search_warrant: { column: Search Warrant }
                  arrest: { column: Arrest }
                  charged: { column: Charged }
                  victim_count: { column: Victims Identified }
                  subject_birth_date: { column: Subject DOB }
                """;
        Files.writeString(
                agencies.resolve("BENCH-CSV.yml"),
                agency("BENCH-CSV", "US-BENCH-CSV", "bench-csv/*.csv", "csv") + """
                        values:
                          dates: [MM/dd/yyyy]
                          yes: ["Y"]
                          no: ["N"]
                        fields:
                          report_number: { column: Report Number }
                          received_date: { column: Date Received }
                          closed_date: { column: Date Closed }
                        """ + outcomes);
        Files.writeString(
                agencies.resolve("BENCH-XLSX.yml"),
                agency("BENCH-XLSX", "US-BENCH-XLSX", "bench-xlsx/*.xlsx", "xlsx") + """
                        header:
                          row: 3
                        values:
                          yes: ["TRUE"]
                          no: ["FALSE"]
                        fields:
                          report_number: { column: Report Number }
                          received_date: { column: Date Received }
                          closed_date: { column: Date Closed }
                        """ + outcomes);
        Files.writeString(
                agencies.resolve("BENCH-XLS.yml"),
                agency("BENCH-XLS", "US-BENCH-XLS", "bench-xls/*.xls", "xls") + """
                        values:
                          dates: [yyyyMMdd]
                          yes: ["1"]
                          no: ["0"]
                        fields:
                          report_number: { column: Report Number }
                          received_date: { column: Date Received }
                          closed_date: { column: Date Closed }
                        """ + outcomes);
    }

    private static String agency(String code, String jurisdiction, String glob, String format) {
        return "agency: " + code + "\n"
                + "jurisdiction: " + jurisdiction + "\n"
                + "agreement:\n"
                + "  id: DSA-" + code + "\n"
                + "  effective: 2024-01-01\n"
                + "  cadence: monthly\n"
                + "  grace_days: 30\n"
                + "  permits: all\n"
                + "files:\n"
                + "  glob: \"" + glob + "\"\n"
                + "  format: " + format + "\n"
                + "  as_of:\n"
                + "    from_name: '(\\d{4}-\\d{2}-\\d{2})'\n"
                + "    patterns: [yyyy-MM-dd]\n";
    }
}
