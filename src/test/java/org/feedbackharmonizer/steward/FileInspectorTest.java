package org.feedbackharmonizer.steward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.feedbackharmonizer.config.AgencyConfigLoader;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.ingest.FileRefused;
import org.feedbackharmonizer.mapping.DateValueParser;
import org.feedbackharmonizer.mapping.ValueRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class FileInspectorTest {

    private static final LocalDate MARCH_5 = LocalDate.of(2024, 3, 5);
    private static final int ROWS = 12;

    static final List<String> DEFAULT_DATES = AgencyConfigLoader.DEFAULT_DATES;

    @TempDir
    Path dir;

    @Test
    void recognizesAColumnOfDatesWrittenLikeMar5Comma2024() throws Exception {
        ColumnProfile received = receivedDate(csvWithDates("Mar 5, 2024"));

        assertThat(received.kind()).isEqualTo(ValueKind.DATE);
        assertThat(received.datePatterns()).containsExactly(Map.entry("MMM d, yyyy", (long) ROWS));
    }

    @Test
    void proposesTheDatePatternTheJobReadsInTheStarterConfiguration() throws Exception {
        String yaml = StarterConfig.write(inspect(csvWithDates("Mar 5, 2024")));

        assertThat(yaml).contains("received_date: { column: \"Date Received\" }");
        assertThat(yaml).contains("  dates: [\"MMM d, yyyy\"]");
    }

    /**
     * Every pattern the job reads by default makes a date column, and the pattern proposed reads the column as the
     * job does. "3/5/2024" fits M/d/yyyy, but the job reads it with MM/dd/yyyy, which comes first and takes one
     * digit where a spreadsheet dropped the zero, so that is the pattern proposed.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("DEFAULT_DATES")
    void recognizesEveryDatePatternTheJobReadsByDefault(String pattern) throws Exception {
        String text = DateTimeFormatter.ofPattern(pattern, Locale.US).format(MARCH_5);

        ColumnProfile received = receivedDate(csvWithDates(text));

        String proposed = pattern.equals("M/d/yyyy") ? "MM/dd/yyyy" : pattern;
        assertThat(received.kind()).isEqualTo(ValueKind.DATE);
        assertThat(received.datePatterns()).containsOnlyKeys(proposed);
        assertThat(readWith(proposed, text)).isEqualTo(MARCH_5);
    }

    /** The first sheet runs past the rows the header search buffers, so the limit is met while reading it. */
    @Test
    void readsEachSheetUpToTheRowLimitInOnePass() throws Exception {
        Path workbook = dir.resolve("outcomes.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(workbook)) {
            fill(wb.createSheet("2024"), HeaderGuess.SEARCH_ROWS + 30);
            fill(wb.createSheet("2025"), 4);
            wb.write(out);
        }

        List<SheetProfile> sheets = new FileInspector()
                .inspect(workbook, new FileInspector.Options(null, null, null, 10))
                .sheets();

        assertThat(sheets)
                .extracting(SheetProfile::name, SheetProfile::dataRows, SheetProfile::truncated)
                .containsExactly(tuple("2024", 10L, true), tuple("2025", 4L, false));
    }

    private static void fill(Sheet sheet, int rows) {
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue("Report Number");
        header.createCell(1).setCellValue("Case Status");
        for (int i = 1; i <= rows; i++) {
            Row r = sheet.createRow(i);
            r.createCell(0).setCellValue(201_612_739 + i);
            r.createCell(1).setCellValue(i % 3 == 0 ? "Closed" : "Open");
        }
    }

    private static LocalDate readWith(String pattern, String text) throws ValueRejected {
        return new DateValueParser(List.of(pattern)).parse(CellValue.text(text)).orElseThrow();
    }

    private ColumnProfile receivedDate(Path csv) throws FileRefused {
        SheetProfile sheet = inspect(csv).sheets().get(0);
        return sheet.columns().stream()
                .filter(c -> c.name().equals("Date Received"))
                .findFirst()
                .orElseThrow();
    }

    private static FileInspection inspect(Path file) throws FileRefused {
        return new FileInspector()
                .inspect(file, new FileInspector.Options(null, null, null, FileInspector.Options.DEFAULT_ROWS));
    }

    /** A small outcomes export whose every received date is the given text. */
    private Path csvWithDates(String date) throws IOException {
        StringBuilder csv = new StringBuilder("Report Number,Date Received,Case Status\r\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(201_612_739 + i)
                    .append(",\"")
                    .append(date)
                    .append("\",")
                    .append(i % 3 == 0 ? "Closed" : "Open")
                    .append("\r\n");
        }
        Path file = dir.resolve("outcomes.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }
}
