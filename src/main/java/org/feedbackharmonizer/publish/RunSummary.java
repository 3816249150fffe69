package org.feedbackharmonizer.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.load.FileLoadResult;
import org.feedbackharmonizer.load.RunPlan;
import org.feedbackharmonizer.schema.SchemaField;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code run-summary.json}: what this run did per file and in total, so that every row is accounted for:
 * read = written + rejected + skipped.
 */
public final class RunSummary {
    private RunSummary() {}

    public static int exitCode(RunPlan plan) {
        return plan.results().stream().anyMatch(r -> !r.loaded()) ? 2 : 0;
    }

    public static Map<String, Object> build(RunPlan plan, long feedbackRows, long rejectRows) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("run_id", plan.runId());
        root.put("command", plan.command());
        root.put("as_of", plan.asOf().toString());
        root.put("schema_version", 1);
        root.put("key_fingerprint", plan.keyFingerprint());
        List<FileLoadResult> results = new ArrayList<>(plan.results());
        results.sort(Comparator.comparing(FileLoadResult::agencyCode).thenComparing(FileLoadResult::fileName));
        List<Map<String, Object>> files = new ArrayList<>();
        long read = 0, written = 0, records = 0, rejected = 0, skipped = 0;
        int quarantined = 0;
        for (FileLoadResult r : results) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("agency", r.agencyCode());
            f.put("file", r.fileName());
            f.put("file_id", r.fileId());
            f.put("status", r.loaded() ? "LOADED" : "QUARANTINED");
            f.put("as_of_date", r.asOfDate() == null ? null : r.asOfDate().toString());
            f.put("rows_read", r.counts().rowsRead());
            f.put("rows_written", r.counts().rowsWritten());
            f.put("records_written", r.counts().recordsWritten());
            f.put("rows_rejected", r.counts().rowsRejected());
            f.put("rows_skipped", r.counts().rowsSkipped());
            f.put("reconciles", r.counts().reconciles());
            f.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
            if (!r.loaded()) {
                f.put("reason_code", r.refusalCode());
                f.put("reason", r.refusal());
                quarantined++;
            }
            if (!r.warnings().isEmpty()) {
                f.put("warnings", r.warnings());
            }
            files.add(f);
            read += r.counts().rowsRead();
            written += r.counts().rowsWritten();
            records += r.counts().recordsWritten();
            rejected += r.counts().rowsRejected();
            skipped += r.counts().rowsSkipped();
        }
        root.put("files", files);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("files_loaded", results.size() - quarantined);
        totals.put("files_quarantined", quarantined);
        totals.put("rows_read", read);
        totals.put("rows_written", written);
        totals.put("records_written", records);
        totals.put("rows_rejected", rejected);
        totals.put("rows_skipped", skipped);
        totals.put("reconciles", read == written + rejected + skipped);
        totals.put("feedback_rows_published", feedbackRows);
        totals.put("reject_rows_published", rejectRows);
        root.put("totals", totals);
        List<Map<String, Object>> withheld = new ArrayList<>();
        for (AgencyConfig a : plan.agencies()) {
            List<String> fields = SchemaField.PERMISSIBLE.stream()
                    .filter(f -> !a.agreement().permits(f))
                    .toList();
            if (!fields.isEmpty()) {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("agency", a.code());
                w.put("agreement", a.agreement().id());
                w.put("fields_not_permitted", fields);
                withheld.add(w);
            }
        }
        root.put("agreement_restrictions", withheld);
        root.put("exit_code", exitCode(plan));
        root.put("exit_status", exitCode(plan) == 0 ? "COMPLETED" : "COMPLETED_WITH_QUARANTINE");
        return root;
    }

    public static void write(Map<String, Object> summary, Path file) throws IOException {
        JsonMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(file, json.writeValueAsString(summary) + "\n");
    }
}
