package org.feedbackharmonizer.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedbackharmonizer.publish.PublishedTables.Field;
import org.feedbackharmonizer.publish.PublishedTables.Table;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code datapackage.json}: a Frictionless Tabular Data Package describing every published CSV
 * ({@link PublishedTables#ALL}) with its Table Schema. No timestamps and a fixed key order, so the file is the
 * same for every run of the same version.
 */
public final class DataPackageWriter {
    public static final String FILE = "datapackage.json";

    private DataPackageWriter() {}

    /** Writes datapackage.json into {@code outputDir}, describing {@link PublishedTables#ALL}. */
    public static Path write(Path outputDir) throws IOException {
        return write(outputDir, PublishedTables.ALL);
    }

    public static Path write(Path outputDir, List<Table> tables) throws IOException {
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("profile", "tabular-data-package");
        pkg.put("name", "feedback-harmonizer");
        pkg.put("title", "De-identified law-enforcement feedback on CyberTipline referrals, and its coverage");
        pkg.put(
                "description",
                "Feedback schema version 1. Counts from 1 to the small-cell threshold minus 1 are"
                        + " suppressed in coverage_by_jurisdiction (written empty). See docs/coverage.md.");
        List<Object> resources = new ArrayList<>();
        for (Table t : tables) {
            resources.add(resource(t));
        }
        pkg.put("resources", resources);
        ObjectMapper json = JsonMapper.builder().build();
        String text =
                json.writerWithDefaultPrettyPrinter().writeValueAsString(pkg).replace("\r\n", "\n") + "\n";
        Path file = outputDir.resolve(FILE);
        Files.createDirectories(outputDir);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Map<String, Object> resource(Table t) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", t.name());
        r.put("path", t.path());
        r.put("title", t.title());
        r.put("profile", "tabular-data-resource");
        r.put("format", "csv");
        r.put("mediatype", "text/csv");
        r.put("encoding", "utf-8");
        Map<String, Object> dialect = new LinkedHashMap<>();
        dialect.put("delimiter", ",");
        dialect.put("lineTerminator", "\n");
        dialect.put("header", true);
        r.put("dialect", dialect);
        Map<String, Object> schema = new LinkedHashMap<>();
        List<Object> fields = new ArrayList<>();
        for (Field f : t.fields()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", f.name());
            field.put("type", f.type());
            if (f.type().equals("date")) {
                field.put("format", "default");
            }
            Map<String, Object> constraints = new LinkedHashMap<>();
            if (f.required()) {
                constraints.put("required", true);
            }
            if (!f.enumValues().isEmpty()) {
                constraints.put("enum", f.enumValues());
            }
            if (f.pattern() != null) {
                constraints.put("pattern", f.pattern());
            }
            if (f.type().equals("integer") || f.type().equals("number")) {
                constraints.put("minimum", 0);
            }
            if (!constraints.isEmpty()) {
                field.put("constraints", constraints);
            }
            fields.add(field);
        }
        schema.put("fields", fields);
        if (!t.primaryKey().isEmpty()) {
            schema.put("primaryKey", t.primaryKey());
        }
        schema.put("missingValues", List.of(""));
        r.put("schema", schema);
        return r;
    }
}
