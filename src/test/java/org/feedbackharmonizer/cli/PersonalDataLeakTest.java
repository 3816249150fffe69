package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.feedbackharmonizer.store.JdbcFeedbackStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Plants personal data of every kind in every kind of column (mapped and unmapped, text and numeric, dates,
 * header names) of a CSV and an XLSX file, runs the real job in a child JVM, and looks for every planted value in
 * every output file, in everything the process printed (logs, errors) and in a dump of the whole database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataLeakTest {
    static final List<String> PLANTED = List.of(
            "casey.leak@example.org", // e-mail
            "214-555-0187", // phone
            "(972) 555-0111", // phone
            "198.51.100.77", // IPv4
            "2001:db8::beef:7", // IPv6
            "https://leak.example.org/profile", // URL
            "078-05-1120", // SSN
            "Casey Leakmore", // name
            "77 Leaky Lane", // address
            "sk8r_leak_99", // screen name
            "Officer Drip", // officer
            "Suspect admitted to sharing files with Casey", // narrative
            "CASE-2025-000417", // the agency's own case number
            "04/17/1981", // date of birth as text
            "1981-04-17"); // date of birth as a date cell (how a dump would print it)

    Path root;
    String printed;
    int exit;

    @BeforeAll
    void runWithPlantedData(@TempDir Path tmp) throws Exception {
        root = tmp;
        Path config = Files.createDirectories(tmp.resolve("config/agencies"));
        Path input = Files.createDirectories(tmp.resolve("input/leaky"));
        Files.writeString(tmp.resolve("config/harmonizer.yml"), "data_dir: " + tmp.resolve("data") + "\n");
        Files.writeString(tmp.resolve("config/ledger.yml"), """
                glob: "ledger/*.csv"
                columns:
                  report_number: Report
                  made_available: Made Available
                  agency: Agency
                  jurisdiction: Jurisdiction
                dates: [yyyy-MM-dd]
                """);
        Files.createDirectories(tmp.resolve("input/ledger"));
        Files.writeString(
                tmp.resolve("input/ledger/ledger.csv"),
                "Report,Made Available,Agency,Jurisdiction\n301000001,2025-03-01,LEAKY,US-ZZ\n"
                        + "301000002,2025-03-02,LEAKY,US-ZZ\n301000003,2025-03-03,LEAKY,US-ZZ\n");
        Files.writeString(config.resolve("LEAKY.yml"), """
                agency: LEAKY
                jurisdiction: US-ZZ
                agreement: { id: DSA-LEAKY, effective: 2025-01-01, cadence: monthly }
                files:
                  glob: "leaky/*"
                  as_of: { from_name: '(\\d{4}-\\d{2}-\\d{2})' }
                fields:
                  report_number: { column: CT Number }
                  received_date: { column: Received }
                  closed_date: { column: Closed }
                  status: { column: Status, map: { Open: OPEN, Closed: CLOSED } }
                  outcome: { column: Disposition, map: { Arrest: ARREST, Charged: CHARGED } }
                  arrest: { column: Arrested }
                  subject_birth_date: { column: DOB }
                  victim_count: { column: Victims }
                """);
        // Header names hold personal data too (an unmapped column named after a person, and its e-mail).
        String header = "CT Number,Received,Closed,Status,Disposition,Arrested,DOB,Victims,Casey Leakmore,"
                + "casey.leak@example.org,Phone,IP,IPv6,URL,SSN,Address,Screen Name,Officer,Notes,Case No\n";
        StringBuilder csv = new StringBuilder(header);
        // A clean row, then rows where each mapped column holds personal data instead of its value.
        csv.append(row("301000001", "03/05/2025", "04/05/2025", "Closed", "Arrest", "Y", "04/17/1981", "1"));
        csv.append(row("casey.leak@example.org", "03/05/2025", "", "Open", "Arrest", "Y", "", "1"));
        csv.append(row("301000002", "214-555-0187", "", "Open", "Arrest", "Y", "", "1"));
        csv.append(row("301000003", "03/05/2025", "", "(972) 555-0111", "Arrest", "Y", "", "1"));
        csv.append(row(
                "301000003", "03/05/2025", "", "Open", "Suspect admitted to sharing files with Casey", "Y", "", "1"));
        csv.append(row("301000003", "03/05/2025", "", "Open", "call 214-555-0187", "Y", "", "1"));
        csv.append(row("301000003", "03/05/2025", "", "Open", "Arrest", "198.51.100.77", "", "1"));
        csv.append(row("301000003", "03/05/2025", "", "Open", "Arrest", "Y", "sk8r_leak_99", "1"));
        csv.append(row("301000003", "03/05/2025", "", "Open", "Arrest", "Y", "", "078-05-1120"));
        Files.writeString(input.resolve("leaky-2025-06-30.csv"), csv.toString());
        writeXlsx(input.resolve("leaky-2025-07-31.xlsx"));
        writeEventLog(tmp);

        Path log = tmp.resolve("printed.txt");
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        HarmonizerCommand.class.getName(),
                        "run",
                        "--config",
                        tmp.resolve("config").toString(),
                        "--input",
                        tmp.resolve("input").toString(),
                        "--output",
                        tmp.resolve("output").toString(),
                        "--as-of",
                        "2025-08-15")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        exit = p.exitValue();
        printed = Files.readString(log);
    }

    private static String row(
            String ct,
            String received,
            String closed,
            String status,
            String disposition,
            String arrested,
            String dob,
            String victims) {
        return String.join(
                        ",",
                        ct,
                        received,
                        closed,
                        status,
                        quote(disposition),
                        arrested,
                        dob,
                        victims,
                        "Casey Leakmore",
                        "casey.leak@example.org",
                        "(972) 555-0111",
                        "198.51.100.77",
                        "2001:db8::beef:7",
                        "https://leak.example.org/profile",
                        "078-05-1120",
                        quote("77 Leaky Lane"),
                        "sk8r_leak_99",
                        "Officer Drip",
                        quote("Suspect admitted to sharing files with Casey"),
                        "CASE-2025-000417")
                + "\n";
    }

    /**
     * An event log whose rows are merged ({@code files.repeated_report: merge}): the birth date is held until the
     * file ends, and rows are rejected for what the merged rows say (a closed date before the received date).
     */
    private static void writeEventLog(Path tmp) throws IOException {
        Files.writeString(tmp.resolve("config/agencies/LEAKYLOG.yml"), """
                agency: LEAKYLOG
                jurisdiction: US-ZZ
                agreement: { id: DSA-LEAKYLOG, effective: 2025-01-01, cadence: monthly }
                files:
                  glob: "leakylog/*"
                  as_of: { from_name: '(\\d{4}-\\d{2}-\\d{2})' }
                  repeated_report: merge
                fields:
                  report_number: { column: Tip }
                  received_date: { column: Received }
                  closed_date: { column: Closed }
                  outcome: { column: Event, map: { Arrest: ARREST, Assigned: UNDER_INVESTIGATION } }
                  subject_birth_date: { column: DOB }
                """);
        Path log = Files.createDirectories(tmp.resolve("input/leakylog")).resolve("log-2025-06-30.csv");
        Files.writeString(
                log,
                "Tip,Received,Closed,Event,DOB,Detail,Officer,Case No\n"
                        + "301000001,03/05/2025,,Assigned,,\"Suspect admitted to sharing files with Casey\",Officer"
                        + " Drip,CASE-2025-000417\n"
                        + "301000002,03/06/2025,,Assigned,04/17/1981,\"77 Leaky Lane\",Officer Drip,CASE-2025-000417\n"
                        + "301000001,,,Arrest,04/17/1981,Casey Leakmore,Officer Drip,CASE-2025-000417\n"
                        + "301000001,,02/01/2025,Arrest,,casey.leak@example.org,sk8r_leak_99,CASE-2025-000417\n"
                        + "casey.leak@example.org,,04/01/2025,Arrest,,214-555-0187,Officer Drip,CASE-2025-000417\n");
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    private static void writeXlsx(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Casey Leakmore cases");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yyyy"));
            String[] header = {
                "CT Number",
                "Received",
                "Status",
                "Disposition",
                "Arrested",
                "DOB",
                "Victims",
                "Phone digits",
                "Name",
                "E-mail"
            };
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue(301000001d);
            r.createCell(1).setCellValue(LocalDate.of(2025, 3, 5));
            r.getCell(1).setCellStyle(date);
            r.createCell(2).setCellValue("Open");
            r.createCell(3).setCellValue("Charged");
            r.createCell(4).setCellValue(true);
            r.createCell(5).setCellValue(LocalDate.of(1981, 4, 17));
            r.getCell(5).setCellStyle(date);
            r.createCell(6).setCellValue(2);
            r.createCell(7).setCellValue(2145550187d); // a phone number as a number
            r.createCell(8).setCellValue("Casey Leakmore");
            r.createCell(9).setCellValue("casey.leak@example.org");
            Row bad = sheet.createRow(2);
            bad.createCell(0).setCellValue(2145550187d); // a phone number where the report number belongs
            bad.createCell(1).setCellValue("casey.leak@example.org");
            wb.write(out);
        }
    }

    @Test
    void theRunCompletes() {
        assertThat(exit).as(printed).isIn(0, 2);
        assertThat(root.resolve("output/feedback.csv")).exists();
    }

    @Test
    void theEventLogIsMergedAndItsDisagreeingRowRejected() throws IOException {
        assertThat(printed)
                .contains("leakylog/log-2025-06-30.csv [LEAKYLOG]: 5 rows read, 3 written (2 records), 2 rejected");
        assertThat(Files.readString(root.resolve("output/rejects.csv"))).contains("DATE_ORDER");
    }

    @Test
    void nothingPlantedReachesAnOutputFile() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root.resolve("output"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertThat(leaks(all.toString())).isEmpty();
        assertThat(all.toString()).doesNotContain("2145550187");
    }

    @Test
    void nothingPlantedIsPrintedOrLogged() {
        assertThat(leaks(printed)).isEmpty();
        assertThat(printed).doesNotContain("2145550187");
    }

    @Test
    void nothingPlantedIsStoredInTheDatabase() throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + root.resolve("data/harmonizer").toAbsolutePath(), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SCRIPT")) {
            while (rs.next()) {
                dump.append(rs.getString(1)).append('\n');
            }
        }
        // the history is stored deflated, where a plain search of the dump cannot see: read it decoded too
        String jdbcUrl = "jdbc:h2:file:" + root.resolve("data/harmonizer").toAbsolutePath();
        List<String> history = new ArrayList<>();
        new JdbcFeedbackStore(new DriverManagerDataSource(jdbcUrl, "sa", ""))
                .forEachObservation(o -> history.add(o.record() + " " + o.sequence()));
        assertThat(history).isNotEmpty();
        history.forEach(line -> dump.append(line).append('\n'));
        assertThat(dump.toString()).contains("LEAKY");
        assertThat(leaks(dump.toString())).isEmpty();
        assertThat(dump.toString()).doesNotContain("2145550187").doesNotContain("301000001");
    }

    private static List<String> leaks(String text) {
        List<String> found = new ArrayList<>();
        for (String s : PLANTED) {
            if (text.contains(s)) {
                found.add(s);
            }
        }
        return found;
    }
}
