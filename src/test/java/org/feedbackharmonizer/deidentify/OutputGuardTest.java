package org.feedbackharmonizer.deidentify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.feedbackharmonizer.schema.SchemaField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutputGuardTest {
    private static final byte[] KEY =
            HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final int ROWS = 200;
    private static final String PLANTED_REPORT_NUMBER = "123456789";

    @TempDir
    Path dir;

    private final Set<String> reportNumbers = new LinkedHashSet<>();
    private OutputGuard guard;

    @BeforeEach
    void readsTheRunsReportNumbers() {
        Random random = new Random(42);
        while (reportNumbers.size() < ROWS) {
            reportNumbers.add(Long.toString(100_000_000L + random.nextInt(900_000_000)));
        }
        reportNumbers.add(PLANTED_REPORT_NUMBER);
        // as a run builds it: the numbers the mapping normalized, held as longs
        SeenReportNumbers seen = new SeenReportNumbers();
        reportNumbers.forEach(seen::add);
        guard = new OutputGuard(seen, Set.of("as_of_date"));
    }

    @Test
    void passesARealisticCleanFeedbackCsv() throws IOException {
        Path csv = feedbackCsv("feedback.csv", -1, null, null);
        assertThatCode(() -> guard.scanCsv(csv)).doesNotThrowAnyException();
    }

    @Test
    void passesARealisticCleanCoverageReport() throws IOException {
        Path html = coverageHtml("coverage.html", -1, null);
        assertThatCode(() -> guard.scanText(html)).doesNotThrowAnyException();
    }

    static Stream<Arguments> plantedValues() {
        return Stream.of(
                Arguments.of(OutputGuard.Kind.EMAIL, "jane.doe@example.org"),
                Arguments.of(OutputGuard.Kind.EMAIL, "Contact: j_smith+tips@mail.example.co.uk please"),
                Arguments.of(OutputGuard.Kind.PHONE, "(214) 555-0142"),
                Arguments.of(OutputGuard.Kind.PHONE, "214-555-0142"),
                Arguments.of(OutputGuard.Kind.PHONE, "214.555.0142"),
                Arguments.of(OutputGuard.Kind.PHONE, "+1 214 555 0142"),
                Arguments.of(OutputGuard.Kind.PHONE, "1-214-555-0142"),
                Arguments.of(OutputGuard.Kind.PHONE, "+44 20 7946 0958"),
                Arguments.of(OutputGuard.Kind.PHONE, "+33 1 23 45 67 89"),
                Arguments.of(OutputGuard.Kind.IPV4, "192.168.10.25"),
                Arguments.of(OutputGuard.Kind.IPV4, "ip 8.8.8.8 at login"),
                Arguments.of(OutputGuard.Kind.IPV6, "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
                Arguments.of(OutputGuard.Kind.IPV6, "2001:db8:85a3::8a2e:370:7334"),
                Arguments.of(OutputGuard.Kind.IPV6, "fe80::1"),
                Arguments.of(OutputGuard.Kind.URL, "https://example.org/profile/77"),
                Arguments.of(OutputGuard.Kind.URL, "see www.example.org"),
                Arguments.of(OutputGuard.Kind.URL, "ftp://files.example.org/x"),
                Arguments.of(OutputGuard.Kind.SSN, "123-45-6789"),
                Arguments.of(OutputGuard.Kind.DATE_OF_BIRTH, "04/17/1990"),
                Arguments.of(OutputGuard.Kind.DATE_OF_BIRTH, "4/7/90"),
                Arguments.of(OutputGuard.Kind.DATE_OF_BIRTH, "17.04.1990"),
                Arguments.of(OutputGuard.Kind.DATE_OF_BIRTH, "1990/04/17"),
                Arguments.of(OutputGuard.Kind.DATE_OF_BIRTH, "17 April 1990"),
                Arguments.of(OutputGuard.Kind.DATE_OF_BIRTH, "Apr 17, 1990"),
                Arguments.of(OutputGuard.Kind.REPORT_NUMBER, PLANTED_REPORT_NUMBER),
                Arguments.of(OutputGuard.Kind.REPORT_NUMBER, "123,456,789"),
                Arguments.of(OutputGuard.Kind.REPORT_NUMBER, "00123456789"),
                Arguments.of(OutputGuard.Kind.REPORT_NUMBER, "CT123456789"));
    }

    @ParameterizedTest
    @MethodSource("plantedValues")
    void findsAPlantedValueInACsvAndNamesRowAndColumnButNotTheValue(OutputGuard.Kind kind, String value)
            throws IOException {
        Path csv = feedbackCsv("feedback.csv", 57, "agreement_id", value);

        assertThatThrownBy(() -> guard.scanCsv(csv)).isInstanceOfSatisfying(OutputRejected.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.position()).isEqualTo(59); // header is row 1, data row 57 (0-based) is row 59
            assertThat(e.column()).hasValue("agreement_id");
            assertThat(e.getMessage())
                    .isEqualTo("feedback.csv, row 59, column agreement_id: looks like " + kind.description()
                            + "; the value was not published. Find which mapping let it through")
                    .doesNotContain(value);
        });
    }

    @ParameterizedTest
    @MethodSource("plantedValues")
    void findsAPlantedValueInAnHtmlReportAndNamesTheLine(OutputGuard.Kind kind, String value) throws IOException {
        Path html = coverageHtml("coverage.html", 23, value);

        assertThatThrownBy(() -> guard.scanText(html)).isInstanceOfSatisfying(OutputRejected.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage())
                    .startsWith("coverage.html, line " + e.position() + ": looks like " + kind.description())
                    .doesNotContain(value);
            assertThat(e.column()).isEmpty();
        });
    }

    @Test
    void anIsoDateIsFineInADateColumnButNotElsewhereInACsv() throws IOException {
        Path inDateColumn = feedbackCsv("a.csv", 3, "as_of_date", "1990-04-17");
        assertThatCode(() -> guard.scanCsv(inDateColumn)).doesNotThrowAnyException();

        Path elsewhere = feedbackCsv("b.csv", 3, "subject_age_band", "1990-04-17");
        assertThatThrownBy(() -> guard.scanCsv(elsewhere)).isInstanceOfSatisfying(OutputRejected.class, e -> {
            assertThat(e.kind()).isEqualTo(OutputGuard.Kind.DATE_OF_BIRTH);
            assertThat(e.column()).hasValue("subject_age_band");
        });
    }

    @Test
    void anIsoDateIsFineInTextButAUsDateIsNot() throws IOException {
        Path iso = Files.writeString(dir.resolve("run.json"), "{\"as_of\": \"1990-04-17\"}\n", UTF_8);
        assertThatCode(() -> guard.scanText(iso)).doesNotThrowAnyException();

        Path us = Files.writeString(dir.resolve("run2.json"), "{\n\"as_of\": \"04/17/1990\"\n}\n", UTF_8);
        assertThatThrownBy(() -> guard.scanText(us))
                .isInstanceOfSatisfying(
                        OutputRejected.class, e -> assertThat(e.position()).isEqualTo(2));
    }

    @Test
    void decodesHtmlAndJsonEscapesBeforeLooking() throws IOException {
        Path html = Files.writeString(dir.resolve("x.html"), "<td>jane&#64;example.org</td>\n", UTF_8);
        assertThatThrownBy(() -> guard.scanText(html))
                .isInstanceOfSatisfying(
                        OutputRejected.class, e -> assertThat(e.kind()).isEqualTo(OutputGuard.Kind.EMAIL));

        Path json = Files.writeString(dir.resolve("x.json"), "{\"v\": \"jane\\u0040example.org\"}\n", UTF_8);
        assertThatThrownBy(() -> guard.scanText(json))
                .isInstanceOfSatisfying(
                        OutputRejected.class, e -> assertThat(e.kind()).isEqualTo(OutputGuard.Kind.EMAIL));
    }

    @Test
    void aPersonalHeaderIsNamedByPositionNotByName() throws IOException {
        Path csv = dir.resolve("pivot.csv");
        Files.writeString(csv, "jurisdiction_code,jane.doe@example.org\nUS-TX,12\n", UTF_8);

        assertThatThrownBy(() -> guard.scanCsv(csv)).isInstanceOfSatisfying(OutputRejected.class, e -> {
            assertThat(e.position()).isEqualTo(1);
            assertThat(e.column()).hasValue("#2");
            assertThat(e.getMessage()).doesNotContain("jane");
        });
    }

    @Test
    void aFileThatIsNotValidCsvIsRejectedWithoutQuotingIt() throws IOException {
        Path csv = dir.resolve("broken.csv");
        Files.writeString(csv, "a,b\n\"jane.doe\"x,1\n", UTF_8);

        assertThatThrownBy(() -> guard.scanCsv(csv)).isInstanceOfSatisfying(OutputRejected.class, e -> {
            assertThat(e.kind()).isEqualTo(OutputGuard.Kind.UNREADABLE);
            assertThat(e.getMessage())
                    .startsWith("broken.csv: could not be scanned")
                    .doesNotContain("jane");
        });
    }

    @Test
    void aMissingFileIsRejected() {
        assertThatThrownBy(() -> guard.scanText(dir.resolve("missing.html")))
                .isInstanceOfSatisfying(
                        OutputRejected.class, e -> assertThat(e.kind()).isEqualTo(OutputGuard.Kind.UNREADABLE));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a2fb4a2e5d7a21b17d1213d493a97fff",
                "ab123456789cdef0123456789abcdef0", // a referral key whose digit runs equal a raw number
                "0123456789abcdef",
                "2025-03",
                "UNDER_18",
                "18-24",
                "6+",
                "65+",
                "87.5",
                "100.0",
                "US-TX-ICAC-DALLAS",
                "4.2.18",
                "1.2.3.4.5",
                "v1.2.3.4",
                "98765",
                "1,234",
                "::",
                "10:30",
                "+12.5",
                "'-5",
                "Q1-2025",
                "999-99-9999",
                "2024-2025",
                "18/24"
            })
    void leavesOurOwnKindsOfValueAlone(String value) throws IOException {
        Path csv = feedbackCsv("feedback.csv", 5, "agreement_id", value);
        assertThatCode(() -> guard.scanCsv(csv)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 20\">",
                "@media (max-width: 600px) { td::before { content: attr(data-label); } }",
                "a::after { color: #ff0000; }",
                "<td>2025-03-31</td><td>87.5%</td><td>6+</td>",
                "harmonizer_run_duration_seconds{agency=\"US-TX-ICAC-DALLAS\"} 12.5 1743415200000",
                "{\"fingerprint\": \"2b11fe4d6dd58ec4\", \"started\": \"2025-03-31T10:15:30Z\"}"
            })
    void leavesOurOwnTextAlone(String line) throws IOException {
        Path html = Files.writeString(dir.resolve("out.html"), line + "\n", UTF_8);
        assertThatCode(() -> guard.scanText(html)).doesNotThrowAnyException();
    }

    /** A feedback CSV with the schema's columns; optionally one value planted at a data row and column. */
    private Path feedbackCsv(String name, int plantRow, String plantColumn, String plantValue) throws IOException {
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);
        List<String> numbers = new ArrayList<>(reportNumbers);
        Random random = new Random(7);
        String[] outcomes = {"NO_ACTION_INSUFFICIENT_INFO", "UNDER_INVESTIGATION", "ARREST", "CHARGED", "UNKNOWN"};
        String[] ages = {"UNDER_18", "18-24", "25-34", "35-44", "45-54", "55-64", "65+", "UNKNOWN"};
        String[] victims = {"0", "1", "2-5", "6+", "UNKNOWN"};
        String[] agencies = {"US-TX-ICAC-DALLAS", "US-OH-ICAC", "US-CA-ICAC-SACRAMENTO"};
        Path file = dir.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, UTF_8);
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(SchemaField.ALL);
            for (int i = 0; i < ROWS; i++) {
                boolean closed = random.nextBoolean();
                List<String> row = new ArrayList<>(List.of(
                        pseudonymizer.referralKey(numbers.get(i)),
                        agencies[i % 3],
                        agencies[i % 3].substring(0, 5),
                        "DSA-2024-0" + (i % 3 + 1),
                        "2025-03-31",
                        "2025-0" + (1 + random.nextInt(3)),
                        closed ? "CLOSED" : "OPEN",
                        outcomes[random.nextInt(outcomes.length)],
                        random.nextBoolean() ? "YES" : "UNKNOWN",
                        "",
                        "NO",
                        "UNKNOWN",
                        "NO",
                        "PENDING",
                        victims[random.nextInt(victims.length)],
                        ages[random.nextInt(ages.length)],
                        closed ? Integer.toString(random.nextInt(400)) : "",
                        HexFormat.of().formatHex(new byte[] {(byte) i, 1, 2, 3, 4, 5, 6, (byte) 0xab}),
                        Integer.toString(i + 2),
                        "1"));
                if (i == plantRow) {
                    row.set(SchemaField.ALL.indexOf(plantColumn), FormulaGuard.neutralize(plantValue));
                }
                printer.printRecord(row);
            }
        }
        return file;
    }

    private Path coverageHtml(String name, int plantLine, String plantValue) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "<!DOCTYPE html>",
                "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Feedback coverage 2025-03-31</title>",
                "<style>td::before { content: attr(data-label); } @media (max-width: 600px) { table { width: 100%; } }</style>",
                "</head><body><h1>Feedback coverage</h1>",
                "<p>Run 2025-04-01, key fingerprint 2b11fe4d6dd58ec4, schema version 1.</p>",
                "<table><thead><tr><th>Jurisdiction</th><th>Month</th><th>Referrals sent</th><th>With feedback</th>"
                        + "<th>Coverage %</th><th>Last file</th><th>Next due</th></tr></thead><tbody>"));
        String[] jurisdictions = {"US-TX-ICAC-DALLAS", "US-OH", "US-CA-ICAC-SACRAMENTO", "US-NY"};
        for (int i = 0; i < 40; i++) {
            lines.add("<tr><td>" + jurisdictions[i % 4] + "</td><td>2025-0" + (1 + i % 3) + "</td><td>" + (120 + i)
                    + "</td><td>" + (80 + i) + "</td><td>" + (66.7 + i % 5) + "</td><td>2025-03-31</td><td>2025-04-30"
                    + "</td></tr>");
        }
        lines.add(
                "<tr><td>US-WY</td><td>2025-01</td><td></td><td></td><td></td><td>2025-03-31</td><td>2025-04-30</td></tr>");
        lines.add("</tbody></table>");
        lines.add("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"20\"><rect width=\"87.5\"/></svg>");
        lines.add("</body></html>");
        if (plantLine >= 0) {
            lines.set(plantLine, "<tr><td>US-TX</td><td>" + plantValue + "</td></tr>");
        }
        Path file = dir.resolve(name);
        Files.write(file, lines, UTF_8);
        return file;
    }
}
