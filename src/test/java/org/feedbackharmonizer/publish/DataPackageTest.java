package org.feedbackharmonizer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.feedbackharmonizer.coverage.CoverageFixture;
import org.feedbackharmonizer.coverage.CoverageScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Validates every published CSV against datapackage.json with a small Table Schema validator (no network). */
public class DataPackageTest {

    @TempDir
    Path dir;

    @Test
    void everyPublishedCsvConformsToItsTableSchema() throws Exception {
        CoverageFixture f = CoverageScenario.build(new CoverageFixture(dir.resolve("db")));
        Path out = dir.resolve("out");
        new CoveragePublisher()
                .publish(f.ds, CoverageScenario.AGENCIES, CoverageFixture.settings(11), CoverageScenario.AS_OF, out);
        // what the lead's writers produce for the two tables this package only describes
        Files.writeString(
                out.resolve("feedback.csv"),
                String.join(",", PublishedTables.FEEDBACK.header()) + "\n"
                        + "0123456789abcdef0123456789abcdef,TX-A,US-TX,DSA-TX-A,2025-03-31,2025-01,CLOSED,ARREST,YES,,"
                        + "YES,YES,UNKNOWN,UNKNOWN,2-5,25-34,12,0000000000000002,7,1\n"
                        + "0123456789abcdef0123456789abcdee,TX-A,US-TX,DSA-TX-A,2025-03-31,,OPEN,UNKNOWN,NO,NO_OFFENSE,"
                        + "UNKNOWN,UNKNOWN,UNKNOWN,UNKNOWN,UNKNOWN,UNKNOWN,,0000000000000002,8,1\n");
        Files.writeString(
                out.resolve("rejects.csv"),
                "file_id,sheet,row,column,reason_code,message\n"
                        + "0000000000000002,,9,Date Received,BAD_DATE,not a date\n");
        JsonNode pkg = JsonMapper.builder().build().readTree(Files.readString(out.resolve("datapackage.json")));
        assertThat(pkg.get("profile").asString()).isEqualTo("tabular-data-package");
        List<String> paths = new ArrayList<>();
        for (JsonNode resource : pkg.get("resources")) {
            String path = resource.get("path").asString();
            paths.add(path);
            List<String> problems = validate(out.resolve(path), resource.get("schema"));
            assertThat(problems).as(path).isEmpty();
        }
        assertThat(paths)
                .containsExactly(
                        "feedback.csv",
                        "rejects.csv",
                        "coverage_by_jurisdiction.csv",
                        "participation_by_jurisdiction.csv",
                        "agency_submissions.csv",
                        "field_completeness.csv");
    }

    @Test
    void theValidatorCatchesABadValue() throws Exception {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "a,b\nx,1\nx,2.5\n");
        JsonNode schema = JsonMapper.builder()
                .build()
                .readTree("{\"fields\":[{\"name\":\"a\",\"type\":\"string\","
                        + "\"constraints\":{\"enum\":[\"x\"]}},{\"name\":\"b\",\"type\":\"integer\"}],\"primaryKey\":[\"a\"],"
                        + "\"missingValues\":[\"\"]}");
        assertThat(validate(csv, schema)).hasSize(2); // 2.5 is not an integer; a is not unique
    }

    public static List<String> validate(Path csv, JsonNode schema) throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> missing = new HashSet<>();
        schema.get("missingValues").forEach(m -> missing.add(m.asString()));
        List<JsonNode> fields = new ArrayList<>();
        schema.get("fields").forEach(fields::add);
        List<String> key = new ArrayList<>();
        if (schema.has("primaryKey")) {
            schema.get("primaryKey").forEach(k -> key.add(k.asString()));
        }
        Set<List<String>> keys = new HashSet<>();
        try (Reader r = Files.newBufferedReader(csv)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(r).getRecords();
            List<String> header = records.get(0).toList();
            List<String> names =
                    fields.stream().map(x -> x.get("name").asString()).toList();
            if (!header.equals(names)) {
                problems.add("header " + header + " is not " + names);
                return problems;
            }
            for (CSVRecord rec : records.subList(1, records.size())) {
                List<String> pk = new ArrayList<>();
                for (int i = 0; i < fields.size(); i++) {
                    JsonNode field = fields.get(i);
                    String name = field.get("name").asString();
                    String v = rec.get(i);
                    if (key.contains(name)) {
                        pk.add(v);
                    }
                    JsonNode c = field.get("constraints");
                    boolean required =
                            c != null && c.has("required") && c.get("required").asBoolean();
                    if (missing.contains(v)) {
                        if (required || key.contains(name)) {
                            problems.add("row " + rec.getRecordNumber() + " " + name + " is required");
                        }
                        continue;
                    }
                    if (!parses(field.get("type").asString(), v)) {
                        problems.add("row " + rec.getRecordNumber() + " " + name + " is not " + field.get("type"));
                    }
                    if (c != null && c.has("enum")) {
                        Set<String> allowed = new HashSet<>();
                        c.get("enum").forEach(e -> allowed.add(e.asString()));
                        if (!allowed.contains(v)) {
                            problems.add("row " + rec.getRecordNumber() + " " + name + " not in enum");
                        }
                    }
                    if (c != null
                            && c.has("pattern")
                            && !v.matches(c.get("pattern").asString())) {
                        problems.add("row " + rec.getRecordNumber() + " " + name + " does not match pattern");
                    }
                    if (c != null
                            && c.has("minimum")
                            && Double.parseDouble(v) < c.get("minimum").asDouble()) {
                        problems.add("row " + rec.getRecordNumber() + " " + name + " below minimum");
                    }
                }
                if (!key.isEmpty() && !keys.add(pk)) {
                    problems.add("row " + rec.getRecordNumber() + " primary key repeated");
                }
            }
        }
        return problems;
    }

    private static boolean parses(String type, String v) {
        try {
            switch (type) {
                case "integer" -> Long.parseLong(v);
                case "number" -> {
                    if (!v.matches("-?[0-9]+(\\.[0-9]+)?")) {
                        return false;
                    }
                }
                case "date" -> LocalDate.parse(v);
                case "yearmonth" -> YearMonth.parse(v);
                case "boolean" -> {
                    return v.equals("true") || v.equals("false");
                }
                case "string" -> {}
                default -> {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
