package org.feedbackharmonizer.publish;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.feedbackharmonizer.config.Cadence;
import org.feedbackharmonizer.coverage.CoverageCalculator;
import org.feedbackharmonizer.coverage.ReportingStatus;
import org.feedbackharmonizer.coverage.SubmissionStatus;
import org.feedbackharmonizer.schema.FieldCatalog;
import org.feedbackharmonizer.schema.Outcome;

/**
 * The published CSV tables and their columns: one definition for the CSV headers and the data package's Table
 * Schemas, so the two cannot drift apart.
 */
public final class PublishedTables {

    /**
     * One column of a Table Schema.
     *
     * @param type a Table Schema type: string, integer, number, date, yearmonth, boolean
     * @param enumValues allowed values, or empty
     * @param pattern a regex the value must match, or null
     */
    public record Field(String name, String type, boolean required, List<String> enumValues, String pattern) {

        static Field of(String name, String type, boolean required) {
            return new Field(name, type, required, List.of(), null);
        }

        static Field oneOf(String name, boolean required, List<String> values) {
            return new Field(name, "string", required, List.copyOf(values), null);
        }

        static Field matching(String name, boolean required, String pattern) {
            return new Field(name, "string", required, List.of(), pattern);
        }
    }

    /** One CSV file of the data package. */
    public record Table(String name, String path, String title, List<Field> fields, List<String> primaryKey) {

        public List<String> header() {
            return fields.stream().map(Field::name).toList();
        }
    }

    public static final String MONTH_PATTERN = "([0-9]{4}-(0[1-9]|1[0-2])|unknown)";

    public static final Table FEEDBACK = new Table(
            "feedback",
            "feedback.csv",
            "Feedback on CyberTipline referrals, one row per referral per agency, de-identified",
            List.of(
                    Field.matching("referral_key", true, "[0-9a-f]{32}"),
                    Field.of("agency_code", "string", true),
                    Field.of("jurisdiction_code", "string", true),
                    Field.of("agreement_id", "string", true),
                    Field.of("as_of_date", "date", true),
                    Field.of("received_month", "yearmonth", false),
                    schemaEnum("status", true),
                    schemaEnum("outcome", true),
                    schemaEnum("actionable", true),
                    schemaEnum("not_actionable_reason", false),
                    schemaEnum("search_warrant", true),
                    schemaEnum("arrest", true),
                    schemaEnum("charged", true),
                    schemaEnum("convicted", true),
                    schemaEnum("victims_identified", true),
                    schemaEnum("subject_age_band", true),
                    Field.of("days_to_close", "integer", false),
                    Field.matching("source_file", true, "[0-9a-f]{16}"),
                    Field.of("source_row", "integer", true),
                    Field.oneOf("schema_version", true, List.of("1"))),
            List.of("agency_code", "referral_key"));

    public static final Table REJECTS = new Table(
            "rejects",
            "rejects.csv",
            "Source rows that were not written, with the reason (never the cell's value)",
            List.of(
                    Field.matching("file_id", true, "[0-9a-f]{16}"),
                    Field.of("sheet", "string", false),
                    Field.of("row", "integer", true),
                    Field.of("column", "string", false),
                    Field.of("reason_code", "string", true),
                    Field.of("message", "string", true)),
            // no primaryKey: a text file's sheet is "" (missing), and primary-key fields are implicitly required
            List.of());

    public static final Table COVERAGE = new Table(
            "coverage_by_jurisdiction",
            "coverage_by_jurisdiction.csv",
            "Feedback coverage per jurisdiction and month made available; counts 1 to threshold-1 suppressed",
            coverageFields(),
            List.of("jurisdiction_code", "month"));

    public static final Table PARTICIPATION = new Table(
            "participation_by_jurisdiction",
            "participation_by_jurisdiction.csv",
            "Agencies under agreement that reported on each month, per jurisdiction",
            List.of(
                    Field.of("jurisdiction_code", "string", true),
                    Field.of("month", "yearmonth", true),
                    Field.of("agencies_under_agreement", "integer", true),
                    Field.of("agencies_reporting", "integer", true),
                    Field.of("participation_pct", "number", false)),
            List.of("jurisdiction_code", "month"));

    public static final Table SUBMISSIONS = new Table(
            "agency_submissions",
            "agency_submissions.csv",
            "Files received per configured agency and the next file due under its agreement",
            List.of(
                    Field.of("agency_code", "string", true),
                    Field.of("jurisdiction_code", "string", true),
                    Field.of("agreement_id", "string", true),
                    Field.oneOf("cadence", true, names(Cadence.values())),
                    Field.of("grace_days", "integer", true),
                    Field.of("files_received", "integer", true),
                    Field.of("files_quarantined", "integer", true),
                    Field.matching("last_file_id", false, "[0-9a-f]{16}"),
                    Field.of("last_as_of_date", "date", false),
                    Field.of("next_file_due", "date", false),
                    Field.of("days_overdue", "integer", true),
                    Field.oneOf("status", true, names(SubmissionStatus.values())),
                    Field.of("as_of", "date", true)),
            List.of("agency_code"));

    public static final Table COMPLETENESS = new Table(
            "field_completeness",
            "field_completeness.csv",
            "Share of feedback rows per agency in which each schema field is known (not UNKNOWN or empty)",
            List.of(
                    Field.of("agency_code", "string", true),
                    Field.oneOf("field", true, CoverageCalculator.COMPLETENESS_FIELDS),
                    Field.of("rows_considered", "integer", false),
                    Field.of("rows_known", "integer", false),
                    Field.of("share_known", "number", false)),
            List.of("agency_code", "field"));

    /** Every published CSV, in the data package's order. */
    public static final List<Table> ALL =
            List.of(FEEDBACK, REJECTS, COVERAGE, PARTICIPATION, SUBMISSIONS, COMPLETENESS);

    /** The columns any published table declares as a date: the output guard lets full dates through there only. */
    public static Set<String> dateColumns() {
        Set<String> out = new TreeSet<>();
        for (Table t : ALL) {
            for (Field f : t.fields()) {
                if (f.type().equals("date")) {
                    out.add(f.name());
                }
            }
        }
        return out;
    }

    /** Steward output, not published and not in the data package. */
    public static final List<String> UNMAPPED_HEADER =
            List.of("agency_code", "field", "column", "label", "occurrences");

    private PublishedTables() {}

    /** The coverage column holding the count of referrals with this outcome. */
    public static String outcomeColumn(Outcome o) {
        return "outcome_" + o.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<Field> coverageFields() {
        List<Field> f = new ArrayList<>(List.of(
                Field.of("jurisdiction_code", "string", true),
                Field.matching("month", true, MONTH_PATTERN),
                Field.of("referrals_sent", "integer", false),
                Field.of("referrals_with_feedback", "integer", false),
                Field.of("coverage_pct", "number", false),
                Field.of("referrals_closed", "integer", false),
                Field.of("closed_pct", "number", false),
                Field.of("median_days_to_close", "number", false),
                Field.of("orphans", "integer", false)));
        for (Outcome o : Outcome.values()) {
            f.add(Field.of(outcomeColumn(o), "integer", false));
        }
        f.add(Field.of("fit_for_estimates", "boolean", true));
        f.add(Field.oneOf("reporting_status", true, names(ReportingStatus.values())));
        return List.copyOf(f);
    }

    private static Field schemaEnum(String name, boolean required) {
        return Field.oneOf(
                name,
                required,
                FieldCatalog.allowedValues(FieldCatalog.find(name).orElseThrow()));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
