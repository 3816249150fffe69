package org.feedbackharmonizer.schema;

import java.util.List;

/** The schema's fields in the schema's order: the column order of every feedback output. */
public final class SchemaField {
    public static final List<String> ALL = List.of(
            "referral_key",
            "agency_code",
            "jurisdiction_code",
            "agreement_id",
            "as_of_date",
            "received_month",
            "status",
            "outcome",
            "actionable",
            "not_actionable_reason",
            "search_warrant",
            "arrest",
            "charged",
            "convicted",
            "victims_identified",
            "subject_age_band",
            "days_to_close",
            "source_file",
            "source_row",
            "schema_version");

    /** Fields an agreement can permit or withhold: the ones that carry an agency's answer. */
    public static final List<String> PERMISSIBLE = List.of(
            "received_month",
            "status",
            "outcome",
            "actionable",
            "not_actionable_reason",
            "search_warrant",
            "arrest",
            "charged",
            "convicted",
            "victims_identified",
            "subject_age_band",
            "days_to_close");

    private SchemaField() {}
}
