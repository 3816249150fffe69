package org.feedbackharmonizer.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every field an agency configuration can map, with what kind of value it takes. */
public final class FieldCatalog {

    public enum Kind {
        REPORT_NUMBER,
        DATE,
        AGE,
        COUNT,
        YES_NO,
        ENUM
    }

    public record Entry(String name, Kind kind, Class<? extends Enum<?>> values, boolean stored) {}

    private static final Map<String, Entry> FIELDS = new LinkedHashMap<>();

    static {
        put("report_number", Kind.REPORT_NUMBER, null, false);
        put("received_date", Kind.DATE, null, false);
        put("closed_date", Kind.DATE, null, false);
        put("subject_age", Kind.AGE, null, false);
        put("subject_birth_date", Kind.DATE, null, false);
        put("victim_count", Kind.COUNT, null, false);
        put("status", Kind.ENUM, Status.class, true);
        put("outcome", Kind.ENUM, Outcome.class, true);
        put("actionable", Kind.YES_NO, YesNo.class, true);
        put("not_actionable_reason", Kind.ENUM, NotActionableReason.class, true);
        put("search_warrant", Kind.YES_NO, YesNo.class, true);
        put("arrest", Kind.YES_NO, YesNo.class, true);
        put("charged", Kind.YES_NO, YesNo.class, true);
        put("convicted", Kind.ENUM, Conviction.class, true);
        put("victims_identified", Kind.ENUM, VictimBand.class, true);
        put("subject_age_band", Kind.ENUM, AgeBand.class, true);
    }

    private static void put(String name, Kind kind, Class<? extends Enum<?>> values, boolean stored) {
        FIELDS.put(name, new Entry(name, kind, values, stored));
    }

    private FieldCatalog() {}

    public static Optional<Entry> find(String name) {
        return Optional.ofNullable(FIELDS.get(name));
    }

    public static List<String> names() {
        return List.copyOf(FIELDS.keySet());
    }

    /** The allowed schema values of an enum field, as written in outputs. */
    public static List<String> allowedValues(Entry entry) {
        List<String> out = new ArrayList<>();
        if (entry.values() == null) {
            return out;
        }
        for (Enum<?> e : entry.values().getEnumConstants()) {
            out.add(label(e));
        }
        return out;
    }

    /** The value's canonical name, accepting a label ("2-5") or a constant name ("TWO_TO_FIVE"). */
    public static Optional<Enum<?>> resolve(Entry entry, String value) {
        if (entry.values() == null || value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        for (Enum<?> e : entry.values().getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v) || label(e).equalsIgnoreCase(v)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** How a schema value is written in every output. */
    public static String label(Enum<?> e) {
        if (e instanceof VictimBand b) {
            return b.label();
        }
        if (e instanceof AgeBand b) {
            return b.label();
        }
        return e.name().toUpperCase(Locale.ROOT);
    }
}
