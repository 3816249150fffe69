package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.AgencyConfigLoader;
import org.feedbackharmonizer.config.ConfigProblems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InspectCommandTest {

    private static final Path DALLAS = Path.of("input-samples/dallas/dallas-outcomes-2025-10-31.xlsx");
    private static final List<String> NAMES = List.of("Zebulon Quartermaine", "Philippa Oddbody", "Ignatius Plumtree");
    private static final List<String> EMAILS = List.of("zq@example.com", "po@example.com", "ip@example.com");

    @TempDir
    Path dir;

    @Test
    void readsTheBlindAgencysUtf16PrintExportAndShowsNoneOfItsPeople() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(
                "src/test/resources/blind-agency/input/bramble/BCSO_ICAC_CT-Outcomes_2025Q3_run2025-10-09.csv");
        CommandOutput run = CommandOutput.run("inspect", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("charset: UTF-16 (UTF-16 byte order mark), delimiter: ';'")
                .contains("report_number: { column: \"CT Report No.\" }");
        // officers, suspects, addresses and e-mails of the file never reach the screen
        assertThat(run.out()).doesNotContain("Mock (#455)", "MOCK, Chris", "Specimen Blvd", "@example.org");
    }

    @Test
    void findsTheTwoRowHeaderUnderTheTitleRowsOfTheDallasSample() {
        CommandOutput run = CommandOutput.run("inspect", DALLAS.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("header rows 4-5").contains("two-row header");
        assertThat(run.out()).contains("Enforcement Warrant").contains("Enforcement Arrest");
        assertThat(run.yaml()).contains("  row: 4").contains("  rows: 2");
        assertThat(run.yaml()).contains("search_warrant: { column: \"Enforcement Warrant\" }");
    }

    @Test
    void findsTheHeaderUnderTitleRowsAndInfersColumnTypes() throws IOException {
        CommandOutput run = CommandOutput.run("inspect", outcomesWorkbook().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("header row 4: row 4 is the first with 7 text cells");
        assertThat(run.out()).contains("title rows: 2; as-of date in a title row: 2025-06-30");
        assertThat(run.out()).containsPattern("CT Number +report-number-like +100% .*report_number");
        assertThat(run.out()).containsPattern("Date Received +date .*received_date");
        assertThat(run.out()).containsPattern("Arrest\\? +yes-no .*arrest");
        assertThat(run.out()).containsPattern("Victims +number .*victim_count");
        assertThat(run.out()).containsPattern("Case Status +text .*status");
    }

    @Test
    void listsTheLabelsOfALowCardinalityColumn() throws IOException {
        CommandOutput run = CommandOutput.run("inspect", outcomesWorkbook().toString());

        assertThat(run.out()).contains("Case Status: \"Open\" 8, \"Closed\" 4");
        assertThat(run.yaml()).contains("\"Open\": OPEN   # guess, 8 rows");
    }

    @Test
    void neverPrintsTheValuesOfNameOrEmailColumns() throws IOException {
        CommandOutput run = CommandOutput.run("inspect", outcomesWorkbook().toString());

        assertThat(run.out()).contains("personal-looking columns (values never shown): Suspect Name, E-mail");
        for (String value : NAMES) {
            assertThat(run.out()).doesNotContain(value);
        }
        for (String value : EMAILS) {
            assertThat(run.out()).doesNotContain(value).doesNotContain(value.substring(0, 3));
        }
    }

    @Test
    void showsNoLabelsOfAnInvestigatorColumnNorOfAColumnItTakesForNoField() throws IOException {
        StringBuilder csv = new StringBuilder("CT Rpt #,Assigned Inv.,Lead,Unit,Status,Arrest\n");
        String[] leads = {"Det. K. Notreal", "SA J. Mock", "Sgt T. Example"};
        String[] arrests = {"Y", "yes", "YES", "n", "No", "n/a", "unk"};
        for (int i = 0; i < 21; i++) {
            csv.append(201_000_000 + i)
                    .append(",Inv. M. Fakename,")
                    .append(leads[i % 3])
                    .append(",North-")
                    .append(i % 2)
                    .append(",Open,")
                    .append(arrests[i % 7])
                    .append('\n');
        }
        Path file = Files.writeString(dir.resolve("outcomes.csv"), csv);

        CommandOutput run = CommandOutput.run("inspect", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("Fakename", "Notreal", "Mock", "T. Example", "North-0");
        assertThat(run.out())
                .contains("personal-looking columns (values never shown): Assigned Inv., Lead")
                .contains("labels not shown (no schema field guessed; map the column and 'preview' lists them): Unit")
                .contains("Status: \"Open\" 21");
        assertThat(run.yaml())
                .contains("  yes: [\"Y\", \"YES\"]\n")
                .contains("  no: [\"NO\", \"N\"]\n")
                .contains("  unknown: [\"N/A\", \"UNK\"]\n");
    }

    @Test
    void showsTheLabelsOfAYesNoColumnItTakesForNoField() throws IOException {
        StringBuilder csv = new StringBuilder("CT Rpt #,Screened In By Unit?\n");
        for (int i = 0; i < 12; i++) {
            csv.append(201_000_000 + i)
                    .append(',')
                    .append(i % 4 == 0 ? "TRUE" : "FALSE")
                    .append('\n');
        }
        Path file = Files.writeString(dir.resolve("outcomes.csv"), csv);

        CommandOutput run = CommandOutput.run("inspect", file.toString());

        assertThat(run.out()).contains("Screened In By Unit?: \"FALSE\" 9, \"TRUE\" 3\n");
    }

    @Test
    void readsYesNoLabelsAsTheJobDoesWhateverTheirSpaces() throws IOException {
        StringBuilder csv = new StringBuilder("CT Rpt #,Status,Arrest\n");
        for (int i = 0; i < 12; i++) {
            csv.append(201_000_000 + i)
                    .append(",Open,")
                    .append(i % 3 == 0 ? "Y\u00a0" : "N") // a non-breaking space, as exports from web forms have
                    .append('\n');
        }
        Path file = Files.writeString(dir.resolve("outcomes.csv"), csv);

        CommandOutput run = CommandOutput.run("inspect", file.toString());

        assertThat(run.yaml()).contains("  # yes/no labels seen: N (8), Y (4)\n");
    }

    @Test
    void readsSpanishHeadingsWrappedInTheirCellsAndDayFirstDates() throws IOException {
        StringBuilder csv = new StringBuilder("Núm. Referido CT,\"Fecha\nRecibido\",Estado,Agente asignado\n");
        for (int i = 0; i < 12; i++) {
            csv.append(201_000_000 + i)
                    .append(',')
                    .append(String.format("%02d/%02d/2025", 10 + i, 1 + i % 6)) // 10/01 .. 21/06: day first
                    .append(i % 2 == 0 ? ",Abierto," : ",Cerrado,")
                    .append(i % 2 == 0 ? "Agte. Rivera" : "Agte. Colón")
                    .append('\n');
        }
        Path file = Files.writeString(dir.resolve("referidos.csv"), csv);

        CommandOutput run = CommandOutput.run("inspect", file.toString());

        assertThat(run.out())
                .containsPattern("Fecha Recibido +date .* received_date\n")
                .containsPattern("Estado +text .* status\n")
                .containsPattern("Agente asignado +text .* - \\(personal\\)\n")
                .doesNotContain("Rivera");
        assertThat(run.yaml())
                .contains("  dates: [\"dd/MM/yyyy\", \"d/M/yyyy\"]")
                .contains("  received_date: { column: \"Fecha Recibido\" }");
    }

    @ParameterizedTest
    @CsvSource({
        "dic, '(Spanish: dic (1), ene (3))', '[ene, feb, mar, abr, may, jun, jul, ago, sep|sept, oct, nov, dic]'",
        "Smith, '', '[...]'"
    })
    void proposesMonthNamesForDatesWithMonthWordsThatAreNotEnglish(String fourth, String shown, String names)
            throws IOException {
        StringBuilder csv = new StringBuilder("CT Number,Date Received\n");
        for (int i = 0; i < 12; i++) {
            String date = i < 8 ? "2025-01-" + (10 + i) : (5 + i) + "-" + (i == 11 ? fourth : "ene") + "-2025";
            csv.append(201_000_000 + i).append(',').append(date).append('\n');
        }
        Path file = Files.writeString(dir.resolve("outcomes.csv"), csv);

        CommandOutput run = CommandOutput.run("inspect", file.toString());

        assertThat(run.yaml())
                .contains("  # TODO: 4 text date(s) with month words that are not English"
                        + (shown.isEmpty() ? "" : " " + shown) + "; list the agency's twelve month names")
                .contains("  # month_names: " + names + "\n")
                .doesNotContain("Smith");
    }

    @Test
    void takesTickMarksForYesAndTheXBesideThemForNo() throws IOException {
        StringBuilder csv = new StringBuilder("CT Number,Arrest\n");
        for (int i = 0; i < 12; i++) {
            csv.append(201_000_000 + i)
                    .append(',')
                    .append(i % 3 == 0 ? "✓" : "x")
                    .append('\n');
        }
        Path file = Files.writeString(dir.resolve("outcomes.csv"), csv);

        CommandOutput run = CommandOutput.run("inspect", file.toString());

        assertThat(run.yaml())
                .contains("  # tick marks seen: they are yes, and X is taken for no\n")
                .contains("  yes: [\"✓\"]\n")
                .contains("  no: [\"X\"]\n")
                .contains("  arrest: { column: \"Arrest\" }");
    }

    @Test
    void readsATsvWhoseCellsStartWithQuotesWithThemAndSaysSo() throws IOException {
        StringBuilder tsv = new StringBuilder("CT Number\tStatus\tSynopsis\n");
        for (int i = 0; i < 12; i++) {
            tsv.append(201_000_000 + i).append("\tOpen\t\"line one\tstill the synopsis\nline two\"\n");
        }
        Path file = Files.writeString(dir.resolve("steps.tsv"), tsv);

        CommandOutput run = CommandOutput.run("inspect", file.toString());

        assertThat(run.out()).contains("data rows: 12,").containsPattern("Status +text +100% +1 +status\n");
        assertThat(run.yaml()).contains("  format: tsv\n").contains("  quote: '\"'");
    }

    @Test
    void takesNoLabelsFromTotalsRows() throws IOException {
        StringBuilder csv = new StringBuilder("CT Rpt #,Status,Arrest\n");
        for (int i = 0; i < 12; i++) {
            csv.append(201_000_000 + i)
                    .append(",Open,")
                    .append(i % 3 == 0 ? "Y" : "N")
                    .append('\n');
        }
        csv.append("TOTAL,,4\nMonth total,,4\n");
        Path file = Files.writeString(dir.resolve("outcomes.csv"), csv);

        CommandOutput run = CommandOutput.run("inspect", file.toString());

        assertThat(run.out()).contains("Arrest: \"N\" 8, \"Y\" 4\n").contains("Status: \"Open\" 12\n");
        assertThat(run.yaml()).contains("  # yes/no labels seen: N (8), Y (4)\n");
        // the proposed rule skips both totals lines, the month's too
        assertThat(run.yaml())
                .contains("    - column: \"CT Rpt #\"   # 2 line(s) start with Total or Sum\n")
                .contains("      matches: '(?i)^\\s*(grand\\s+|month\\s+)?(total|sum)\\b'\n");
    }

    @Test
    void writesAStarterConfigurationTheLoaderAccepts() throws IOException {
        CommandOutput run = CommandOutput.run("inspect", outcomesWorkbook().toString());

        AgencyConfig config = load(run.yaml());

        assertThat(config.field("report_number").column()).isEqualTo("CT Number");
        assertThat(config.field("received_date").column()).isEqualTo("Date Received");
        assertThat(config.field("status").map()).containsEntry("Open", "OPEN").containsEntry("Closed", "CLOSED");
        assertThat(config.header().row()).isEqualTo(4);
        assertThat(config.fields()).doesNotContainKeys("subject_birth_date");
    }

    @Test
    void writesAStarterConfigurationForTheDallasSampleTheLoaderAccepts() throws IOException {
        AgencyConfig config =
                load(CommandOutput.run("inspect", DALLAS.toString()).yaml());

        assertThat(config.field("report_number").column()).isEqualTo("CyberTip #");
        assertThat(config.header().rows()).isEqualTo(2);
        assertThat(config.files().globs()).containsExactly("dallas/dallas-outcomes-*.xlsx");
    }

    @Test
    void readsAtMostTheGivenNumberOfRows() throws IOException {
        CommandOutput run =
                CommandOutput.run("inspect", "--rows", "5", outcomesWorkbook().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("data rows: 5 (limit reached)");
    }

    @Test
    void sniffsThePipeDelimiterAndCharsetOfATextFile() throws IOException {
        Path csv = dir.resolve("feedback-20250630.csv");
        Files.write(
                csv,
                "Report Number|Disposition|Arrest\r\n201612739|Arrest made|Y\r\n201612740|Caf\u00e9 closed|N\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));

        CommandOutput run = CommandOutput.run("inspect", csv.toString());

        assertThat(run.out()).contains("charset: windows-1252").contains("delimiter: '|'");
        assertThat(run.yaml()).contains("delimiter: \"|\"").contains("from_name: '(\\d{8})'");
    }

    @Test
    void refusesAFileThatIsNotWhatItsNameSaysWithOneLine() throws IOException {
        Path bogus = dir.resolve("outcomes.xlsx");
        Files.writeString(bogus, "this is not a workbook\n");

        CommandOutput run = CommandOutput.run("inspect", bogus.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.QUARANTINED);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("outcomes.xlsx").doesNotContain("Exception");
    }

    private AgencyConfig load(String yaml) throws IOException {
        assertThat(yaml).contains("report_number");
        Path file = dir.resolve("agencies").resolve("NEW.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml.replace("TODO-AGENCY-CODE", "NEW"));
        ConfigProblems problems = new ConfigProblems();
        AgencyConfig config = new AgencyConfigLoader().load(file, problems);
        assertThat(problems.problems()).isEmpty();
        return config;
    }

    /** Two title rows, a blank row, the header in row 4, twelve data rows. */
    private Path outcomesWorkbook() throws IOException {
        Path file = dir.resolve("outcomes.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook();
                OutputStream os = Files.newOutputStream(file)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yyyy"));
            Sheet s = wb.createSheet("Outcomes");
            s.createRow(0).createCell(0).setCellValue("Springfield ICAC outcomes");
            s.createRow(1).createCell(0).setCellValue("Report as of 06/30/2025");
            Row h = s.createRow(3);
            String[] header = {
                "CT Number", "Date Received", "Case Status", "Arrest?", "Suspect Name", "E-mail", "Victims"
            };
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            for (int i = 0; i < 12; i++) {
                Row r = s.createRow(4 + i);
                r.createCell(0).setCellValue(201_600_000 + i);
                var d = r.createCell(1);
                d.setCellValue(LocalDateTime.of(2025, 1 + i % 6, 3 + i, 0, 0));
                d.setCellStyle(date);
                r.createCell(2).setCellValue(i % 3 == 0 ? "Closed" : "Open");
                r.createCell(3).setCellValue(i % 2 == 0 ? "Y" : "N");
                r.createCell(4).setCellValue(NAMES.get(i % 3));
                r.createCell(5).setCellValue(EMAILS.get(i % 3));
                r.createCell(6).setCellValue(i % 4);
            }
            wb.write(os);
        }
        return file;
    }
}
