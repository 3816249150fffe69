package org.feedbackharmonizer.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.CellText;
import org.feedbackharmonizer.schema.LabelList;
import org.feedbackharmonizer.schema.VictimBand;

/**
 * An agency's vocabulary for one enum field ({@code map:} in the config): label -> schema value.
 *
 * <p>A cell is looked up in this order, the first hit wins:
 *
 * <ol>
 *   <li>a blank cell: the value mapped to the label {@code ""} if there is one, else the unknown value;
 *   <li>exact labels, after trimming, collapsing inner whitespace and ignoring case;
 *   <li>the exact unknown labels ({@code values.unknown} and the field's {@code unknown:}): the unknown value. They
 *       come after the field's own labels so that a field can still give, say, {@code N/A} a meaning of its own;
 *   <li>{@code /regex/} keys, in the order written, by search ({@link java.util.regex.Matcher#find()}) in the
 *       trimmed text; case matters unless the regex says {@code (?i)};
 *   <li>{@code /regex/} unknown labels, the same way: the unknown value;
 *   <li>{@code otherwise}, when set: a schema value, or ({@code otherwise: unknown}) the unknown value; else the
 *       cell is rejected ({@link RejectReason#UNMAPPED_LABEL}).
 * </ol>
 */
public final class ValueMap<E extends Enum<E>> {

    /** One {@code label: VALUE} line of a map; a key written {@code /.../} is a regex. */
    public record Entry<E extends Enum<E>>(String key, E value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        public boolean isRegex() {
            return LabelList.isRegex(key);
        }
    }

    private record RegexEntry<E>(Pattern pattern, E value) {}

    private final String field;
    private final Map<String, E> exact;
    private final List<RegexEntry<E>> regexes;
    private final Optional<E> otherwise;
    private final boolean otherwiseUnknown;
    private final LabelList unknownLabels;

    /**
     * Texts the regexes (or {@code otherwise}) decided, with their value: an agency's free-text dispositions
     * repeat, and running every regex on every row cost more than the rest of the mapping of the value.
     * Bounded; emptied when full. Empty for a text an unknown label's regex decided: the unknown value.
     */
    private final RememberedAnswers<Optional<E>> decided = new RememberedAnswers<>(4_096);

    /**
     * @param field the schema field, named in reject messages
     * @param entries in the order written
     * @param otherwise the value of a label that nothing matches; empty to reject it
     * @param unknownLabels labels that mean UNKNOWN on this field
     * @throws IllegalArgumentException when a regex does not compile or a label is mapped to two values
     */
    public ValueMap(String field, List<Entry<E>> entries, Optional<E> otherwise, LabelList unknownLabels) {
        this(field, entries, otherwise, false, unknownLabels);
    }

    private ValueMap(
            String field,
            List<Entry<E>> entries,
            Optional<E> otherwise,
            boolean otherwiseUnknown,
            LabelList unknownLabels) {
        this.field = Objects.requireNonNull(field, "field");
        this.otherwise = Objects.requireNonNull(otherwise, "otherwise");
        this.otherwiseUnknown = otherwiseUnknown;
        this.unknownLabels = Objects.requireNonNull(unknownLabels, "unknownLabels");
        Map<String, E> exactLabels = new LinkedHashMap<>();
        List<RegexEntry<E>> patterns = new ArrayList<>();
        for (Entry<E> e : entries) {
            if (e.isRegex()) {
                try {
                    patterns.add(new RegexEntry<>(LabelList.compile(e.key()), e.value()));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(field + ": key " + ex.getMessage(), ex);
                }
            } else {
                E previous = exactLabels.putIfAbsent(CellText.label(e.key()), e.value());
                if (previous != null && previous != e.value()) {
                    throw new IllegalArgumentException(field + ": label '" + e.key() + "' is mapped to both "
                            + previous.name() + " and " + e.value().name());
                }
            }
        }
        this.exact = Collections.unmodifiableMap(exactLabels);
        this.regexes = List.copyOf(patterns);
    }

    /** A map from an ordered {@code Map} (as YAML gives it: keep a {@code LinkedHashMap}). */
    public static <E extends Enum<E>> ValueMap<E> of(
            String field, Map<String, E> entries, Optional<E> otherwise, LabelList unknownLabels) {
        return new ValueMap<>(field, entries(entries), otherwise, false, unknownLabels);
    }

    /**
     * A map whose labels that nothing matches mean what an unknown label means ({@code otherwise: unknown}): the
     * way to say "any other label: no reason" on {@code not_actionable_reason}, which has no UNKNOWN value.
     */
    public static <E extends Enum<E>> ValueMap<E> otherwiseUnknown(
            String field, Map<String, E> entries, LabelList unknownLabels) {
        return new ValueMap<>(field, entries(entries), Optional.empty(), true, unknownLabels);
    }

    private static <E extends Enum<E>> List<Entry<E>> entries(Map<String, E> entries) {
        List<Entry<E>> list = new ArrayList<>();
        entries.forEach((k, v) -> list.add(new Entry<>(k, v)));
        return list;
    }

    public String field() {
        return field;
    }

    /**
     * @param unknownValue what blank cells and unknown labels give, e.g. {@code Outcome.UNKNOWN}; null for a field
     *     that has no such value ({@code not_actionable_reason} is then empty)
     * @throws ValueRejected {@link RejectReason#UNMAPPED_LABEL} when nothing matches and there is no
     *     {@code otherwise}; {@link RejectReason#CELL_ERROR} for a spreadsheet error cell
     */
    public E map(CellValue cell, E unknownValue) throws ValueRejected {
        if (cell instanceof CellValue.Error) {
            throw new ValueRejected(RejectReason.CELL_ERROR, "a spreadsheet error cell in " + field);
        }
        String text = CellText.clean(cell.text());
        String label = CellText.label(text);
        E exactValue = exact.get(label);
        if (exactValue != null) {
            return exactValue;
        }
        if (label.isEmpty() || unknownLabels.containsLabel(label)) {
            return unknownValue;
        }
        return decided.answer(text, this::byRegexOrOtherwise).orElse(unknownValue);
    }

    /** The value of the first regex key found in the text; empty for an unknown label's regex. */
    private Optional<E> byRegexOrOtherwise(String text) throws ValueRejected {
        for (RegexEntry<E> r : regexes) {
            if (r.pattern().matcher(text).find()) {
                return Optional.of(r.value());
            }
        }
        if (otherwiseUnknown || unknownLabels.matchesRegex(text)) {
            return Optional.empty();
        }
        if (otherwise.isPresent()) {
            return otherwise;
        }
        throw new ValueRejected(RejectReason.UNMAPPED_LABEL, "label not in the value map of " + field);
    }

    /** True when the map gives the empty label {@code ""} a value, which a blank cell then takes. */
    public boolean mapsBlank() {
        return exact.containsKey("");
    }

    /**
     * True when the label has a meaning of its own here: an exact label, an unknown label, a regex match or blank.
     * False when only {@code otherwise} (or a reject) would catch it: what a steward's preview lists as unmapped.
     */
    public boolean covers(String label) {
        String text = CellText.clean(label);
        String key = CellText.label(text);
        if (key.isEmpty() || exact.containsKey(key) || unknownLabels.containsLabel(key)) {
            return true;
        }
        for (RegexEntry<E> r : regexes) {
            if (r.pattern().matcher(text).find()) {
                return true;
            }
        }
        return unknownLabels.matchesRegex(text);
    }

    /**
     * The schema value a config names, by constant name or schema label, ignoring case: {@code ARREST},
     * {@code arrest}; {@code 18-24} or {@code AGE_18_24}; {@code 6+} or {@code SIX_OR_MORE}.
     *
     * @throws IllegalArgumentException naming the allowed values, for config validation
     */
    public static <E extends Enum<E>> E schemaValue(Class<E> type, String name) {
        String wanted = name == null ? "" : name.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted)
                    || schemaLabel(constant).equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(
                "'" + wanted + "' is not a value of " + type.getSimpleName() + "; allowed: " + schemaLabels(type));
    }

    /** The values of an enum as the schema writes them: labels for the bands, constant names otherwise. */
    public static <E extends Enum<E>> List<String> schemaLabels(Class<E> type) {
        List<String> labels = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            labels.add(schemaLabel(constant));
        }
        return List.copyOf(labels);
    }

    private static String schemaLabel(Enum<?> constant) {
        if (constant instanceof AgeBand a) {
            return a.label();
        }
        if (constant instanceof VictimBand v) {
            return v.label();
        }
        return constant.name();
    }
}
