package org.feedbackharmonizer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs the readers over public corpora of odd and hostile files (see ../shared/corpus/README.md): every file is
 * read fully or refused with {@link FileRefused}, within seconds, never another exception; csv-spectrum records
 * equal the expected JSON; and the whole corpus reads in a child JVM with 256 MB of heap.
 */
class CorpusTest {

    private static final Duration PER_FILE = Duration.ofSeconds(10);

    private static Path corpus;

    @BeforeAll
    static void locateCorpus() {
        Path relative = Path.of("").toAbsolutePath().resolve("../shared/corpus").normalize();
        Path absolute = Path.of("/work/shared/corpus");
        corpus = Files.isDirectory(relative) ? relative : Files.isDirectory(absolute) ? absolute : null;
        Assumptions.assumeTrue(
                corpus != null, "corpus not found at ../shared/corpus or /work/shared/corpus; corpus tests skipped");
    }

    private static Path spreadsheets() {
        return corpus.resolve("poi-spreadsheets");
    }

    private static Path csvs() {
        return corpus.resolve("csv-spectrum/csvs");
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusFileIsReadOrRefusedQuickly() throws Exception {
        List<Path> files = new ArrayList<>(CorpusProbe.files(spreadsheets()));
        files.addAll(CorpusProbe.files(csvs()));
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String line = assertTimeoutPreemptively(PER_FILE, () -> CorpusProbe.probe(file));
                    assertThat(line).matches("(READ|REFUSED) .*").doesNotContain("\n");
                    if (line.startsWith("REFUSED")) {
                        // the message starts with the file name, then ", sheet/row/column" or ": cause"
                        assertThat(line).containsPattern(" \\Q" + file.getFileName() + "\\E(: |, (sheet|row|column) )");
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> csvSpectrumRecordsEqualTheExpectedJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        return CorpusProbe.files(csvs()).stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String name = file.getFileName().toString().replaceFirst("\\.csv$", ".json");
                    String text =
                            Files.readString(corpus.resolve("csv-spectrum/json").resolve(name));
                    if (!Files.readString(file, StandardCharsets.UTF_8).contains("\r")) {
                        // this copy of the *_crlf.csv inputs has LF line ends (lost in a checkout) while the JSON
                        // still expects CRLF inside quoted fields; compare against what the bytes really hold
                        text = text.replace("\\r\\n", "\\n");
                    }
                    if (text.strip().startsWith("{")) {
                        text = "[" + text + "]"; // location_coordinates.json holds one object, not a list
                    }
                    List<Map<String, String>> expected =
                            json.readValue(text, new TypeReference<List<Map<String, String>>>() {});
                    List<Map<String, String>> actual = recordsWithHeader(file);
                    if (name.equals("location_coordinates.json")) {
                        // upstream erratum: the JSON's phone number (1234567890) is not the one in the CSV
                        // (2095257564); compare every other field
                        expected.forEach(m -> m.remove("Contact Phone Number"));
                        actual.forEach(m -> m.remove("Contact Phone Number"));
                    }
                    assertThat(actual).isEqualTo(expected);
                }));
    }

    private static List<Map<String, String>> recordsWithHeader(Path file) throws FileRefused {
        List<RawRecord> records = new ArrayList<>();
        new CsvTableReader(TextOptions.CSV, ReadLimits.DEFAULT).read(file, s -> true, records::add);
        RawRecord header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (RawRecord r : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.cells().size(); i++) {
                row.put(header.cell(i).text(), r.cell(i).text());
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void wellKnownCorpusFilesGetTheRightVerdict() throws Exception {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("password.xls", "REFUSED password.xls ENCRYPTED"),
                Map.entry("xor-encryption-abc.xls", "REFUSED xor-encryption-abc.xls ENCRYPTED"),
                Map.entry("protected_passtika.xlsx", "REFUSED protected_passtika.xlsx ENCRYPTED"),
                Map.entry("testEXCEL_4.xls", "REFUSED testEXCEL_4.xls UNSUPPORTED_FORMAT"),
                Map.entry("testEXCEL_95.xls", "REFUSED testEXCEL_95.xls UNSUPPORTED_FORMAT"),
                Map.entry("sample.xlsb", "REFUSED sample.xlsb UNSUPPORTED_FORMAT"),
                Map.entry("SampleSS.ods", "REFUSED SampleSS.ods UNSUPPORTED_FORMAT"),
                Map.entry("SampleSS.xml", "REFUSED SampleSS.xml WRONG_FORMAT"),
                Map.entry("poc-xmlbomb.xlsx", "REFUSED poc-xmlbomb.xlsx ZIP_BOMB"),
                Map.entry("SimpleStrict.xlsx", "READ SimpleStrict.xlsx"),
                Map.entry("SampleSS.strict.xlsx", "READ SampleSS.strict.xlsx"),
                Map.entry("TwoSheetsOneHidden.xlsx", "READ TwoSheetsOneHidden.xlsx"),
                Map.entry("InlineStrings.xlsx", "READ InlineStrings.xlsx"),
                Map.entry("45431.xlsm", "READ 45431.xlsm"),
                Map.entry("test.xltx", "READ test.xltx"));
        for (var e : expected.entrySet()) {
            assertThat(CorpusProbe.probe(spreadsheets().resolve(e.getKey()))).startsWith(e.getValue());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"poc-xmlbomb.xlsx", "poc-xmlbomb-empty.xlsx"})
    void xmlEntityBombsFailFastEvenWithTheZipRatioGuardOff(String name) {
        Path file = spreadsheets().resolve(name);
        ReadLimits noRatioGuard = new ReadLimits(32_767, 1_000_000, 1_000, 2L << 30, 0.0);

        FileRefused fast = assertTimeoutPreemptively(
                PER_FILE,
                () -> refusal(() -> new XlsxTableReader(noRatioGuard, Long.MAX_VALUE).read(file, s -> true, r -> {})));
        FileRefused poi = assertTimeoutPreemptively(
                PER_FILE,
                () -> refusal(() -> new XlsxPoiPath(file, noRatioGuard, Long.MAX_VALUE).read(s -> true, r -> {})));

        assertThat(fast.reason()).isEqualTo(RefusalReason.CORRUPT);
        assertThat(poi.reason()).isEqualTo(RefusalReason.CORRUPT);
    }

    private interface Reading {
        void run() throws FileRefused;
    }

    private static FileRefused refusal(Reading reading) {
        try {
            reading.run();
        } catch (FileRefused e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void readsTheStrictWorkbookWithTheSameValuesAsTheTransitionalOne() throws Exception {
        XlsxTableReader reader = new XlsxTableReader(ReadLimits.DEFAULT);
        List<RawRecord> strict = new ArrayList<>();
        List<RawRecord> transitional = new ArrayList<>();
        reader.read(spreadsheets().resolve("SampleSS.strict.xlsx"), s -> true, strict::add);
        reader.read(spreadsheets().resolve("SampleSS.xlsx"), s -> true, transitional::add);

        assertThat(strict).isNotEmpty().isEqualTo(transitional);
    }

    @Test
    void readsEveryCorpusFileInA256MegabyteHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=off",
                "-cp",
                System.getProperty("java.class.path"),
                CorpusProbe.class.getName(),
                spreadsheets().toString(),
                csvs().toString());
        Path out = Files.createTempFile("corpus-probe", ".txt");
        try {
            Process child = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            boolean finished = child.waitFor(60, TimeUnit.SECONDS);
            if (!finished) {
                child.destroyForcibly();
            }
            List<String> lines = Files.readAllLines(out).stream()
                    .filter(l -> l.startsWith("READ ") || l.startsWith("REFUSED "))
                    .toList();
            int expected = CorpusProbe.files(spreadsheets()).size()
                    + CorpusProbe.files(csvs()).size();

            assertThat(finished).as("child JVM finished within 60 s").isTrue();
            assertThat(child.exitValue())
                    .as("child exit code; output in " + out)
                    .isZero();
            assertThat(lines).hasSize(expected);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
