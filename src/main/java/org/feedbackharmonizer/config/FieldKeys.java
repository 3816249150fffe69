package org.feedbackharmonizer.config;

import java.util.Map;
import java.util.Set;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.FieldCatalog;

/** The keys a field may have, and the kinds of field each has an effect on. */
final class FieldKeys {
    private FieldKeys() {}

    private static final Set<String> FIELD_KEYS = Set.of(
            "extract",
            "unknown",
            "column",
            "synonyms",
            "position",
            "constant",
            "map",
            "otherwise",
            "yes",
            "no",
            "blank",
            "dates",
            "split",
            "digits",
            "required",
            "only_when",
            "dated",
            "first_of");

    /** A key a field does not have, or one written on a kind of field it has no effect on. */
    static void check(YamlNode f, FieldCatalog.Entry entry) {
        for (String k : f.keys()) {
            if (!FIELD_KEYS.contains(k)) {
                f.problem(k, "is not a known key of a field (known: " + new java.util.TreeSet<>(FIELD_KEYS) + ")");
            } else if (KIND_KEYS.containsKey(k) && !KIND_KEYS.get(k).appliesTo(entry)) {
                f.problem(
                        k,
                        "has no effect on " + kindOf(entry) + " ("
                                + KIND_KEYS.get(k).description() + ")");
            }
        }
    }

    /**
     * The field kinds a key has an effect on. A key written where it has none is a problem, not ignored: the
     * steward meant something by it. Keys not listed work on every field.
     */
    private record KindKey(java.util.function.Predicate<FieldCatalog.Entry> kinds, String description) {
        boolean appliesTo(FieldCatalog.Entry entry) {
            return kinds.test(entry);
        }
    }

    static final String ALWAYS_REQUIRED = "a row without a report number is always rejected";

    private static final Map<String, KindKey> KIND_KEYS;

    static {
        KindKey valueMap = new KindKey(FieldKeys::hasSchemaValues, "map and otherwise are for fields of schema values");
        KindKey yesNo = new KindKey(FieldKeys::readsYesNo, "yes, no and blank are for yes/no fields and convicted");
        KindKey reportNumber = new KindKey(
                e -> e.kind() == FieldCatalog.Kind.REPORT_NUMBER, "split and digits are for the report number");
        KIND_KEYS = Map.of(
                "map", valueMap,
                "otherwise", valueMap,
                "yes", yesNo,
                "no", yesNo,
                "blank", yesNo,
                "dated", new KindKey(FieldKeys::readsYesNo, "dated is for yes/no fields and convicted"),
                "dates", new KindKey(e -> e.kind() == FieldCatalog.Kind.DATE, "dates are for date fields"),
                "split", reportNumber,
                "digits", reportNumber,
                "unknown", new KindKey(e -> e.kind() != FieldCatalog.Kind.REPORT_NUMBER, ALWAYS_REQUIRED));
    }

    static boolean hasSchemaValues(FieldCatalog.Entry entry) {
        return entry.kind() == FieldCatalog.Kind.ENUM || entry.kind() == FieldCatalog.Kind.YES_NO;
    }

    /** Yes/no fields and convicted, whose YES and NO are read with yes/no labels. */
    static boolean readsYesNo(FieldCatalog.Entry entry) {
        return entry.kind() == FieldCatalog.Kind.YES_NO || entry.values() == Conviction.class;
    }

    private static String kindOf(FieldCatalog.Entry entry) {
        return switch (entry.kind()) {
            case REPORT_NUMBER -> "the report number";
            case DATE -> "a date field";
            case AGE -> "an age field";
            case COUNT -> "a count field";
            case YES_NO -> "a yes/no field";
            case ENUM -> "a field of schema values";
        };
    }
}
