package org.feedbackharmonizer.coverage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.feedbackharmonizer.schema.SchemaField;

/**
 * What coverage needs to know of the current feedback as a whole, counted in one pass over its rows: per agency
 * how many rows say something known per field (the completeness matrix), and per jurisdiction and received month
 * how many rows there are (orphans are those the ledger does not match). The publish counts them as it exports
 * {@code feedback.csv}, so coverage need not scan the current table again (docs/scaling.md); coverage computed on
 * its own counts them in one scan.
 *
 * <p>Rows come as the output writes them: values in {@link SchemaField#ALL} order, enums by name, bands by label,
 * absent values null.
 */
public final class FeedbackTally {
    private static final List<String> FIELDS = CoverageCalculator.COMPLETENESS_FIELDS;
    private static final int AGENCY = SchemaField.ALL.indexOf("agency_code");
    private static final int JURISDICTION = SchemaField.ALL.indexOf("jurisdiction_code");
    private static final int RECEIVED_MONTH = SchemaField.ALL.indexOf("received_month");
    private static final int STATUS = SchemaField.ALL.indexOf("status");
    private static final int ACTIONABLE = SchemaField.ALL.indexOf("actionable");
    private static final int[] FIELD_AT =
            FIELDS.stream().mapToInt(SchemaField.ALL::indexOf).toArray();

    /** Per agency, per completeness field: rows the field applies to, then rows where it is known. */
    private final Map<String, long[]> completeness = new TreeMap<>();
    /** Per jurisdiction, per received month (or {@link Coverage#UNKNOWN_MONTH}): rows. */
    private final Map<String, Map<String, long[]>> rows = new HashMap<>();

    public void add(Object[] values) {
        String jurisdiction = (String) values[JURISDICTION];
        rows.computeIfAbsent(jurisdiction, j -> new HashMap<>())
                .computeIfAbsent(monthOf(values[RECEIVED_MONTH]), m -> new long[1])[0]++;
        long[] counts = completeness.computeIfAbsent((String) values[AGENCY], a -> new long[FIELDS.size() * 2]);
        boolean closed = "CLOSED".equals(values[STATUS]);
        boolean notActionable = "NO".equals(values[ACTIONABLE]);
        for (int i = 0; i < FIELD_AT.length; i++) {
            Object value = values[FIELD_AT[i]];
            String field = FIELDS.get(i);
            boolean applies;
            boolean known;
            switch (field) {
                case "not_actionable_reason" -> {
                    applies = notActionable;
                    known = isKnown(value);
                }
                case "days_to_close" -> {
                    applies = closed;
                    known = value != null;
                }
                default -> {
                    applies = true;
                    known = isKnown(value);
                }
            }
            if (applies) {
                counts[2 * i]++;
                if (known) {
                    counts[2 * i + 1]++;
                }
            }
        }
    }

    /** The month key of a received month as coverage groups it: absent months are {@link Coverage#UNKNOWN_MONTH}. */
    static String monthOf(Object receivedMonth) {
        String m = receivedMonth == null ? null : receivedMonth.toString();
        return m == null || m.isBlank() ? Coverage.UNKNOWN_MONTH : m;
    }

    private static boolean isKnown(Object value) {
        if (value == null) {
            return false;
        }
        String s = value.toString();
        return !s.isEmpty() && !s.equals("UNKNOWN");
    }

    /** Per agency that has rows, per completeness field: rows it applies to, then rows where it is known. */
    Map<String, long[]> completeness() {
        return completeness;
    }

    /** Per jurisdiction and month key, the rows. */
    Map<String, Map<String, long[]>> rowsByJurisdictionAndMonth() {
        return rows;
    }

    /** Rows per jurisdiction, for the run's metrics. */
    public Map<String, Long> rowsByJurisdiction() {
        Map<String, Long> out = new TreeMap<>();
        rows.forEach((j, byMonth) ->
                out.put(j, byMonth.values().stream().mapToLong(n -> n[0]).sum()));
        return out;
    }
}
