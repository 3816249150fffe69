package org.feedbackharmonizer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvTableReaderTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    private Path write(String name, String content) throws Exception {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static List<List<String>> texts(TextOptions options, Path file) throws FileRefused {
        return texts(new CsvTableReader(options, ReadLimits.DEFAULT), file);
    }

    private static List<List<String>> texts(TableReader reader, Path file) throws FileRefused {
        List<List<String>> rows = new ArrayList<>();
        reader.read(
                file,
                s -> true,
                r -> rows.add(r.cells().stream().map(CellValue::text).toList()));
        return rows;
    }

    private static FileRefused refusal(TableReader reader, Path file) {
        try {
            reader.read(file, s -> true, r -> {});
        } catch (FileRefused e) {
            return e;
        }
        throw new AssertionError("expected " + file.getFileName() + " to be refused");
    }

    static Stream<Arguments> delimiters() {
        return Stream.of(
                Arguments.of(TextOptions.CSV, "a,b,c\n1,2,3\n"),
                Arguments.of(TextOptions.TSV, "a\tb\tc\n1\t2\t3\n"),
                Arguments.of(new TextOptions(StandardCharsets.UTF_8, '|', '"'), "a|b|c\n1|2|3\n"),
                Arguments.of(new TextOptions(StandardCharsets.UTF_8, ';', '"'), "a;b;c\r\n1;2;3\r\n"));
    }

    @ParameterizedTest
    @MethodSource("delimiters")
    void splitsFieldsOnTheConfiguredDelimiter(TextOptions options, String content) throws Exception {
        assertThat(texts(options, write("f.txt", content)))
                .containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
    }

    @Test
    void readsEveryCellAsTextAndEmptyCellsAsBlank() throws Exception {
        List<RawRecord> records = new ArrayList<>();
        new CsvTableReader(TextOptions.CSV, ReadLimits.DEFAULT)
                .read(write("f.csv", "x,,12\n"), s -> true, records::add);

        assertThat(records)
                .containsExactly(new RawRecord(
                        "",
                        1,
                        List.of(new CellValue.Text("x"), CellValue.Blank.INSTANCE, new CellValue.Text("12")),
                        false));
    }

    @Test
    void readsWindows1252WhenConfigured() throws Exception {
        Path file = write("f.csv", "name,town\nRenée,Zürich\n".getBytes(WINDOWS_1252));

        assertThat(texts(new TextOptions(WINDOWS_1252, ',', '"'), file))
                .containsExactly(List.of("name", "town"), List.of("Renée", "Zürich"));
    }

    @Test
    void refusesWindows1252ReadAsUtf8NamingTheRowAndLine() throws Exception {
        Path file = write("agency.csv", "name,town\nok,ok\nRenée,Zürich\n".getBytes(WINDOWS_1252));

        FileRefused e = refusal(new CsvTableReader(TextOptions.CSV, ReadLimits.DEFAULT), file);

        assertThat(e.reason()).isEqualTo(RefusalReason.BAD_CHARSET);
        assertThat(e.getMessage())
                .startsWith("agency.csv, row 3: bytes at text line 3 are not valid UTF-8; ")
                .doesNotContain("Ren");
    }

    @Test
    void dropsAUtf8ByteOrderMark() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "id,name\n1,x\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(body, 0, content, 3, body.length);

        assertThat(texts(TextOptions.CSV, write("f.csv", content)).get(0)).containsExactly("id", "name");
    }

    @Test
    void keepsNewlinesInsideQuotedFields() throws Exception {
        Path file = write("f.csv", "a,b\n\"line one\r\nline two\",2\n3,4\n");

        List<RawRecord> records = new ArrayList<>();
        new CsvTableReader(TextOptions.CSV, ReadLimits.DEFAULT).read(file, s -> true, records::add);

        assertThat(records).extracting(r -> r.cell(0).text()).containsExactly("a", "line one\r\nline two", "3");
        assertThat(records).extracting(RawRecord::rowNumber).containsExactly(1L, 2L, 3L);
    }

    @Test
    void keepsEmptyLinesAsBlankRecordsSoRowNumbersMatchLines() throws Exception {
        List<RawRecord> records = new ArrayList<>();
        new CsvTableReader(TextOptions.CSV, ReadLimits.DEFAULT)
                .read(write("f.csv", "h1,h2\n\n1,2\n"), s -> true, records::add);

        assertThat(records).extracting(RawRecord::rowNumber).containsExactly(1L, 2L, 3L);
        assertThat(records.get(1).isBlank()).isTrue();
        assertThat(records.get(2).cell(1).text()).isEqualTo("2");
    }

    @Test
    void refusesACellLongerThanTheLimitNamingRowAndColumnButNotTheValue() throws Exception {
        Path file = write("agency.csv", "a,b\n1," + "secret".repeat(10) + "\n");
        CsvTableReader reader = new CsvTableReader(TextOptions.CSV, new ReadLimits(20, 1000, 10, 1, 0.01));

        FileRefused e = refusal(reader, file);

        assertThat(e.reason()).isEqualTo(RefusalReason.TOO_LARGE);
        assertThat(e.getMessage()).startsWith("agency.csv, row 2, column 2: ").doesNotContain("secret");
    }

    @Test
    void refusesARecordWithMoreColumnsThanTheLimit() throws Exception {
        FileRefused e = refusal(
                new CsvTableReader(TextOptions.CSV, new ReadLimits(20, 1000, 3, 1, 0.01)),
                write("agency.csv", "a,b,c,d\n"));

        assertThat(e.reason()).isEqualTo(RefusalReason.TOO_LARGE);
        assertThat(e.getMessage()).startsWith("agency.csv, row 1, column 4: ");
    }

    @Test
    void refusesAQuoteLeftOpenAtTheEndAsCorruptBeforeBufferingTheWholeFile() throws Exception {
        String tail = "x,y\n".repeat(20_000);
        Path file = write("agency.csv", "a,b\n1,\"never closed\n" + tail);

        FileRefused tooLong =
                refusal(new CsvTableReader(TextOptions.CSV, new ReadLimits(100, 1000, 10, 1, 0.01)), file);
        FileRefused corrupt = refusal(new CsvTableReader(TextOptions.CSV, ReadLimits.DEFAULT), file);

        assertThat(tooLong.reason()).isEqualTo(RefusalReason.TOO_LARGE);
        assertThat(tooLong.getMessage()).startsWith("agency.csv, row 2: the record starting at text line 2");
        assertThat(corrupt.reason()).isEqualTo(RefusalReason.CORRUPT);
        assertThat(corrupt.getMessage())
                .startsWith(
                        "agency.csv, row 2: a quoted field starting in the record at" + " text line 2 is not closed");
    }

    @Test
    void refusesAnEmptyFile() throws Exception {
        FileRefused e = refusal(new CsvTableReader(TextOptions.CSV, ReadLimits.DEFAULT), write("agency.csv", ""));

        assertThat(e.reason()).isEqualTo(RefusalReason.EMPTY_FILE);
        assertThat(e.getMessage()).isEqualTo("agency.csv: 0 bytes; " + RefusalReason.EMPTY_FILE.hint());
    }

    @Test
    void stopsWhenTheSinkHasSeenEnough() throws Exception {
        List<RawRecord> records = new ArrayList<>();
        new CsvTableReader(TextOptions.CSV, ReadLimits.DEFAULT).read(write("f.csv", "1\n2\n3\n4\n"), s -> true, r -> {
            records.add(r);
            if (r.rowNumber() == 2) {
                throw new StopReading();
            }
        });

        assertThat(records).hasSize(2);
    }

    @Test
    void listsOneUnnamedSheet() throws Exception {
        assertThat(new CsvTableReader(TextOptions.CSV, ReadLimits.DEFAULT).sheets(write("f.csv", "a\n")))
                .containsExactly(new SheetInfo(0, "", false));
    }
}
