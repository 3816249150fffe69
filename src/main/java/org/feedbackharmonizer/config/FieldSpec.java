package org.feedbackharmonizer.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.feedbackharmonizer.schema.LabelList;
import org.feedbackharmonizer.schema.YesNo;

/**
 * Where one field's value comes from and how it is read. Exactly one of column, position or constant is set.
 *
 * @param field the schema field or derivation input, e.g. {@code outcome}, {@code received_date}
 * @param column the column name (matched ignoring case, spacing and punctuation)
 * @param synonyms other names the same column goes by
 * @param position 0-based column position
 * @param constant one value for every row
 * @param map label (or /regex/) to schema value, in order
 * @param otherwise the schema value for a label the map (and on a yes/no field, its yes, no and unknown labels) does
 *     not cover, or {@value #OTHERWISE_UNKNOWN} for what an unknown label gives (no reason, on
 *     not_actionable_reason); null rejects the row
 * @param yes null to use the agency default
 * @param blank what a blank yes/no cell means; null to use the agency default
 * @param dates null to use the agency default
 * @param split regex that splits one cell into several report numbers
 * @param digits how many digits a report number has, leading zeros not counted (report_number only)
 * @param required a blank cell (on a date field, an unknown label too) rejects the row instead of meaning UNKNOWN
 * @param extract a regex applied to the cell text first; its group 1 (or whole match) is the value read, e.g.
 *     {@code '(\d+)'} reads 40 from "approx 40"
 * @param unknown more labels that mean UNKNOWN for this field only: no date on a date field, empty for
 *     not_actionable_reason; none on report_number
 * @param dated on a yes/no field or convicted: a date in the cell (a date cell, or text in the agency's date
 *     patterns) means YES, as in an export with a date column per step; an impossible date is a BAD_DATE reject
 * @param firstOf sources read in turn, the field taking the first value that is not unknown ({@code first_of}:
 *     an outcome the agency's clerk works out from several columns); empty for a field with one source
 * @param onlyWhen conditions on other fields of the same row, all of which must hold for this field to be read;
 *     empty to read it on every row
 */
public record FieldSpec(
        String field,
        String column,
        List<String> synonyms,
        Integer position,
        String constant,
        LinkedHashMap<String, String> map,
        String otherwise,
        Set<String> yes,
        Set<String> no,
        YesNo blank,
        List<String> dates,
        String split,
        Digits digits,
        boolean required,
        java.util.regex.Pattern extract,
        LabelList unknown,
        List<FieldCondition> onlyWhen,
        boolean dated,
        List<FieldSpec> firstOf) {

    public FieldSpec {
        firstOf = firstOf == null ? List.of() : List.copyOf(firstOf);
    }

    /** A field read from {@code sources} in turn ({@code first_of}), with nothing of its own. */
    static FieldSpec firstOf(String field, List<FieldSpec> sources) {
        return new FieldSpec(
                field,
                null,
                List.of(),
                null,
                null,
                new LinkedHashMap<>(),
                null,
                null,
                null,
                null,
                null,
                null,
                Digits.DEFAULT,
                false,
                null,
                LabelList.of(List.of()),
                List.of(),
                false,
                sources);
    }

    /** {@code otherwise: unknown}: a label nothing covers means what an unknown label means. */
    public static final String OTHERWISE_UNKNOWN = "unknown";

    /**
     * The length of a valid report number, leading zeros not counted: {@code digits: 8-10} or {@code digits: 9}.
     * CyberTipline numbers have 8 or 9 digits today; the default leaves room on both sides.
     */
    public record Digits(int min, int max) {
        public static final Digits DEFAULT = new Digits(5, 12);

        /** The most a report number may have: every number of 18 digits fits in a {@code long}. */
        public static final int LONGEST = 18;

        /** As a reject message says it: {@code 9}, or {@code 8 to 10}. */
        @Override
        public String toString() {
            return min == max ? Integer.toString(min) : min + " to " + max;
        }
    }

    /** Every name this field's column may go by. */
    public List<String> names() {
        if (!firstOf.isEmpty()) {
            var all = new java.util.ArrayList<String>();
            firstOf.forEach(source -> all.addAll(source.names()));
            return all;
        }
        if (column == null) {
            return List.of();
        }
        var all = new java.util.ArrayList<String>();
        all.add(column);
        all.addAll(synonyms);
        return all;
    }
}
