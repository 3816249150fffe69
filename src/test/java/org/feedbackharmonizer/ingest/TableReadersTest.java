package org.feedbackharmonizer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Choosing the reader by configured format and real content, and refusing what does not fit. */
class TableReadersTest {

    @TempDir
    Path dir;

    private final TableReaders readers = new TableReaders(TextOptions.CSV, ReadLimits.DEFAULT);

    private FileRefused refusal(Path file, FileFormat format) {
        try {
            readers.readerFor(file, format).read(file, s -> true, r -> {});
        } catch (FileRefused e) {
            return e;
        }
        throw new AssertionError("expected " + file.getFileName() + " to be refused");
    }

    private Path xlsx(String name) throws Exception {
        return WorkbookFixture.xlsx().sheet("S").row("a", 1).write(dir.resolve(name));
    }

    private Path zip(String name, String entry, String content) throws Exception {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    @Test
    void readsATsvWithTheQuoteItsConfigurationSetsAndWithoutOneOtherwise() throws Exception {
        Path file =
                Files.writeString(dir.resolve("steps.tsv"), "CT\tSynopsis\n201234567\t\"two\tcells,\nthree lines\"\n");
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;

        java.util.List<RawRecord> quoted = new java.util.ArrayList<>();
        new TableReaders(new TextOptions(utf8, '\t', '"'), ReadLimits.DEFAULT)
                .readerFor(file, FileFormat.TSV)
                .read(file, sheet -> true, quoted::add);
        java.util.List<RawRecord> plain = new java.util.ArrayList<>();
        new TableReaders(new TextOptions(utf8, '\t', null), ReadLimits.DEFAULT)
                .readerFor(file, FileFormat.TSV)
                .read(file, sheet -> true, plain::add);

        assertThat(quoted).hasSize(2);
        assertThat(quoted.get(1).cell(1).text()).isEqualTo("two\tcells,\nthree lines");
        assertThat(plain).hasSize(3);
    }

    @Test
    void refusesACsvNamedXlsxSayingWhatItIs() throws Exception {
        Path file = Files.writeString(dir.resolve("outcomes.xlsx"), "a,b\n1,2\n");

        FileRefused e = refusal(file, FileFormat.fromFileName(file).orElseThrow());

        assertThat(e.reason()).isEqualTo(RefusalReason.WRONG_FORMAT);
        assertThat(e.getMessage())
                .startsWith("outcomes.xlsx: expected xlsx but it is a text (CSV) file; rename it"
                        + " to .csv or set 'files.format: csv'; ");
    }

    @Test
    void refusesAnXlsNamedXlsxAndAnXlsxNamedXls() throws Exception {
        Path xls = WorkbookFixture.xls().sheet("S").row("a").write(dir.resolve("old.xlsx"));
        Path xlsx = xlsx("new.xls");

        assertThat(refusal(xls, FileFormat.XLSX).getMessage()).contains("it is an Excel 97-2003 (.xls) workbook");
        assertThat(refusal(xlsx, FileFormat.XLS).getMessage()).contains("it is an .xlsx workbook");
        assertThat(refusal(xlsx, FileFormat.XLS).reason()).isEqualTo(RefusalReason.WRONG_FORMAT);
    }

    @Test
    void refusesAWebPageSavedAsXls() throws Exception {
        Path file = Files.writeString(dir.resolve("export.xls"), "\uFEFF  <html><table><tr><td>1</td></tr></table>");

        FileRefused e = refusal(file, FileFormat.XLS);

        assertThat(e.reason()).isEqualTo(RefusalReason.WRONG_FORMAT);
        assertThat(e.getMessage()).contains("it is an HTML or XML file");
    }

    @ParameterizedTest
    @CsvSource({"book.xlsb, xl/workbook.bin, x", "book.ods, mimetype, application/vnd.oasis.opendocument.spreadsheet"})
    void refusesXlsbAndOdsAsUnsupported(String name, String entry, String content) throws Exception {
        assertThat(refusal(zip(name, entry, content), FileFormat.XLSX).reason())
                .isEqualTo(RefusalReason.UNSUPPORTED_FORMAT);
    }

    @ParameterizedTest
    @CsvSource({"XLSX", "XLS", "CSV", "TSV"})
    void refusesAnEmptyFileWhateverTheFormat(FileFormat format) throws Exception {
        Path file = Files.write(dir.resolve("empty.dat"), new byte[0]);

        assertThat(refusal(file, format).reason()).isEqualTo(RefusalReason.EMPTY_FILE);
    }

    @ParameterizedTest
    @CsvSource({"a.xlsm", "a.xltx", "a.xlsx"})
    void readsMacroEnabledAndTemplateWorkbooksAsXlsx(String name) throws Exception {
        Path file = xlsx(name);
        List<RawRecord> records = new ArrayList<>();

        readers.readerFor(file, FileFormat.fromFileName(file).orElseThrow()).read(file, s -> true, records::add);

        assertThat(records).extracting(r -> r.cell(0).text()).containsExactly("a");
    }

    @Test
    void refusesATruncatedXlsxAsCorrupt() throws Exception {
        Path good = xlsx("good.xlsx");
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));

        FileRefused e = refusal(cut, FileFormat.XLSX);

        assertThat(e.reason()).isEqualTo(RefusalReason.CORRUPT);
        assertThat(e.getMessage()).startsWith("cut.xlsx: ").doesNotContain("\n");
    }

    @Test
    void refusesAPartThatInflatesBeyondTheRatioAsZipBomb() throws Exception {
        // 200 KB of repeated letters in the shared strings compress far below a 0.05 ratio
        WorkbookFixture fixture = WorkbookFixture.xlsx().sheet("S");
        for (char c = 'a'; c <= 'h'; c++) {
            fixture.row(String.valueOf(c).repeat(25_000));
        }
        Path file = fixture.write(dir.resolve("bomb.xlsx"));
        TableReader reader = new XlsxTableReader(new ReadLimits(32_767, 1_000_000, 1_000, 1L << 30, 0.05));

        FileRefused e;
        try {
            reader.read(file, s -> true, r -> {});
            throw new AssertionError("expected a refusal");
        } catch (FileRefused refused) {
            e = refused;
        }

        assertThat(e.reason()).isEqualTo(RefusalReason.ZIP_BOMB);
        assertThat(e.getMessage()).startsWith("bomb.xlsx: the part xl/");
    }

    @Test
    void refusesAPartLargerThanTheEntryLimitAsZipBomb() throws Exception {
        Path file = xlsx("big.xlsx");
        TableReader reader = new XlsxTableReader(new ReadLimits(32_767, 1_000_000, 1_000, 100, 0.0));

        try {
            reader.read(file, s -> true, r -> {});
            throw new AssertionError("expected a refusal");
        } catch (FileRefused e) {
            assertThat(e.reason()).isEqualTo(RefusalReason.ZIP_BOMB);
        }
    }

    @Test
    void refusesSharedStringsLargerThanTheMemoryCap() throws Exception {
        Path file = xlsx("strings.xlsx");

        try {
            new XlsxTableReader(ReadLimits.DEFAULT, 10).read(file, s -> true, r -> {});
            throw new AssertionError("expected a refusal");
        } catch (FileRefused e) {
            assertThat(e.reason()).isEqualTo(RefusalReason.TOO_LARGE);
            assertThat(e.getMessage()).startsWith("strings.xlsx: the shared strings part is ");
        }
    }

    @Test
    void thePoiPathGivesTheSameRecordsAsTheFastexcelPath() throws Exception {
        Path file = WorkbookFixture.xlsx()
                .sheet("Outcomes")
                .row(
                        "Report",
                        12.5,
                        java.time.LocalDateTime.of(2024, 3, 15, 8, 30),
                        true,
                        WorkbookFixture.error(org.apache.poi.ss.usermodel.FormulaError.REF))
                .hiddenRow(WorkbookFixture.formula("1+1", 2), WorkbookFixture.formula("\"a\"", "a"))
                .rowAt(5, false, null, null, "f6")
                .hiddenSheet("Hidden")
                .row("x")
                .write(dir.resolve("both.xlsx"));
        List<RawRecord> fast = new ArrayList<>();
        List<RawRecord> poi = new ArrayList<>();

        new XlsxTableReader(ReadLimits.DEFAULT).read(file, s -> true, fast::add);
        new XlsxPoiPath(file, ReadLimits.DEFAULT, Long.MAX_VALUE).read(s -> true, poi::add);

        assertThat(poi).hasSize(4).isEqualTo(fast);
        assertThat(new XlsxPoiPath(file, ReadLimits.DEFAULT, Long.MAX_VALUE).sheets())
                .isEqualTo(new XlsxTableReader(ReadLimits.DEFAULT).sheets(file));
    }

    @Test
    void thePoiPathStopsOneSheetAndGoesOnWithTheNext() throws Exception {
        Path file = strict(WorkbookFixture.xlsx()
                .sheet("S")
                .row("1")
                .row("2")
                .sheet("T")
                .row("3")
                .write(dir.resolve("sheets.xlsx")));

        List<String> read = new ArrayList<>();
        new XlsxTableReader(ReadLimits.DEFAULT).read(file, s -> true, r -> {
            read.add(r.sheet() + ": " + r.cell(0).text());
            throw StopReading.sheet();
        });

        assertThat(read).containsExactly("sheet 1: 1", "sheet 2: 3");
    }

    /** The file is deleted once its sheets are listed: what is read comes from the opening that listed them. */
    @Test
    void thePoiPathListsAndReadsTheSheetsFromOneOpeningOfTheWorkbook() throws Exception {
        Path file = strict(
                WorkbookFixture.xlsx().sheet("S").row("a").sheet("T").row("b").write(dir.resolve("once.xlsx")));

        List<String> read = new ArrayList<>();
        new XlsxTableReader(ReadLimits.DEFAULT)
                .readChosen(
                        file,
                        sheets -> {
                            assertThat(file.toFile().delete()).isTrue();
                            return sheet -> sheet.name().equals("T");
                        },
                        r -> read.add(r.cell(0).text()));

        assertThat(read).containsExactly("b");
    }

    /**
     * The workbook with strict OOXML relationship types, which the XLSX reader leaves to the POI path. Its parts
     * keep their transitional namespaces, which that path reads alike.
     */
    private static Path strict(Path workbook) throws Exception {
        Path strict = workbook.resolveSibling("strict-" + workbook.getFileName());
        try (ZipFile in = new ZipFile(workbook.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(strict))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().endsWith(".rels")) {
                    content = new String(content, StandardCharsets.UTF_8)
                            .replace(
                                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                    "http://purl.oclc.org/ooxml/officeDocument/relationships")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        return strict;
    }

    @Test
    void sniffsWhatFilesReallyAre() throws Exception {
        assertThat(FormatSniffer.sniff(xlsx("a.xlsx"))).isEqualTo(FormatSniffer.Kind.XLSX);
        assertThat(FormatSniffer.sniff(WorkbookFixture.xls().sheet("S").write(dir.resolve("a.xls"))))
                .isEqualTo(FormatSniffer.Kind.XLS);
        assertThat(FormatSniffer.sniff(Files.writeString(dir.resolve("a.csv"), "a,b")))
                .isEqualTo(FormatSniffer.Kind.TEXT);
        assertThat(FormatSniffer.sniff(Files.write(dir.resolve("b.bin"), new byte[] {1, 0, 2})))
                .isEqualTo(FormatSniffer.Kind.BINARY);
        try (OutputStream out = Files.newOutputStream(dir.resolve("biff4.xls"))) {
            out.write(new byte[] {0x09, 0x04, 0x06, 0x00, 0, 0, 0x10, 0});
        }
        assertThat(FormatSniffer.sniff(dir.resolve("biff4.xls"))).isEqualTo(FormatSniffer.Kind.OLD_BIFF);
    }
}
