package org.feedbackharmonizer.steward;

import java.io.PrintWriter;
import java.util.Map;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.FileSpec;
import org.feedbackharmonizer.config.SkipRules;
import org.feedbackharmonizer.ingest.AgencyFileReader;
import org.feedbackharmonizer.mapping.Reject;
import org.feedbackharmonizer.mapping.RowResult;
import org.feedbackharmonizer.mapping.UnmappedLabels;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.schema.FieldCatalog;

/** Prints a preview. Shows schema values only: never a referral key, a report number or a source cell. */
public final class PreviewReport {
    private PreviewReport() {}

    private static final String ROW_FORMAT = "  %-22s %-9s %-8s %-27s %-10s %-24s %-9s %-7s %-8s %-9s %-7s %-8s %s%n";

    public static void print(Preview.Result p, AgencyConfig agency, PrintWriter out) {
        AgencyFileReader.Reading reading = p.reading();
        out.println("file: " + p.file().name() + " (id " + p.file().fileId() + "), agency " + agency.code());
        out.println("as-of date: " + reading.asOf().date() + " (from the "
                + reading.asOf().source() + ")");
        for (AgencyFileReader.SheetHeader h : reading.headers()) {
            out.println((h.sheet().isEmpty() ? "header" : "sheet '" + h.sheet() + "': header") + " ends at row "
                    + h.header().rowNumber() + " (" + h.header().reason() + ")");
        }
        if (reading.warnings().isEmpty()) {
            out.println("every configured column was found");
        } else {
            reading.warnings().forEach(w -> out.println("warning: " + w));
        }

        boolean merged = agency.files().repeatedReport() == FileSpec.RepeatedReport.MERGE;
        out.println();
        if (merged) {
            out.println("files.repeated_report: merge: each report number's rows are taken together into one record;"
                    + " ROW is its last row, and how many rows it was made from");
        }
        out.println("first " + p.rows().size() + " mapped " + (merged ? "records" : "rows") + " (of "
                + p.recordsWritten() + "; referral keys are not shown):");
        out.printf(
                ROW_FORMAT,
                "ROW",
                "RECEIVED",
                "STATUS",
                "OUTCOME",
                "ACTIONABLE",
                "NOT_ACTIONABLE_REASON",
                "WARRANT",
                "ARREST",
                "CHARGED",
                "CONVICTED",
                "VICTIMS",
                "AGE_BAND",
                "DAYS_TO_CLOSE");
        for (int i = 0; i < p.rows().size(); i++) {
            FeedbackRecord r = p.rows().get(i);
            String from = i >= p.rowsMerged().size()
                    ? ""
                    : " (" + p.rowsMerged().get(i) + (p.rowsMerged().get(i) == 1 ? " row)" : " rows)");
            out.printf(
                    ROW_FORMAT,
                    (r.sourceSheet().isEmpty() ? "" : r.sourceSheet() + ":") + r.sourceRow() + from,
                    r.receivedMonth() == null ? "" : r.receivedMonth(),
                    label(r.status()),
                    label(r.outcome()),
                    label(r.actionable()),
                    label(r.notActionableReason()),
                    label(r.searchWarrant()),
                    label(r.arrest()),
                    label(r.charged()),
                    label(r.convicted()),
                    label(r.victimsIdentified()),
                    label(r.subjectAgeBand()),
                    r.daysToClose() == null ? "" : r.daysToClose());
        }

        out.println();
        out.println("rejects: " + p.rejected());
        for (Reject r : p.rejects()) {
            out.println("  " + (r.source().sheet().isEmpty() ? "" : r.source().sheet() + ":") + "row "
                    + r.source().row() + "  column " + (r.column() == null ? "-" : "'" + r.column() + "'") + "  "
                    + r.reason() + "  " + r.message());
        }

        out.println();
        if (p.unmapped().isEmpty()) {
            out.println("labels no value map covers: none");
        } else {
            out.println("labels no value map covers (add them to 'map:' or set 'otherwise:'):");
            for (Map.Entry<UnmappedLabels.Key, Long> e : p.unmapped().entrySet()) {
                out.println("  " + e.getKey().field() + " (column '"
                        + e.getKey().column() + "'): \"" + e.getKey().label() + "\" " + e.getValue());
            }
        }

        out.println();
        out.println("reconciliation: rows read " + reading.rowsRead() + " = written " + p.rowsWritten()
                + " + rejected " + p.rejected() + " + skipped " + p.skippedTotal()
                + (p.reconciles() ? "" : "   DOES NOT RECONCILE"));
        if (merged) {
            out.println("  written rows make " + p.recordsWritten() + " records (one per report number: rows merged)");
        } else if (p.recordsWritten() != p.rowsWritten()) {
            out.println("  written rows make " + p.recordsWritten() + " records (cells naming several report numbers)");
        }
        p.skipped().forEach((rule, n) -> out.println("  skipped by " + describe(rule, agency.skip()) + ": " + n));
        out.println("nothing was written (preview)");
        out.flush();
    }

    private static String label(Enum<?> e) {
        return e == null ? "" : FieldCatalog.label(e);
    }

    private static String describe(String rule, SkipRules skip) {
        if (rule.equals(RowResult.Skipped.SKIP_FROM) && skip.from() != null) {
            return rule + " (from the first row whose " + describe(skip.from()) + ", to the end of the sheet)";
        }
        if (rule.startsWith("skip.when[") && rule.endsWith("]")) {
            try {
                int i = Integer.parseInt(rule.substring("skip.when[".length(), rule.length() - 1));
                return rule + " (" + describe(skip.when().get(i)) + ")";
            } catch (RuntimeException e) {
                return rule;
            }
        }
        return rule;
    }

    private static String describe(SkipRules.Rule r) {
        return "column '" + r.column() + "' "
                + (r.matches() != null ? "matches '" + r.matches().pattern() + "'" : "equals '" + r.equals() + "'");
    }
}
