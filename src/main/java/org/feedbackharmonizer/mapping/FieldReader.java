package org.feedbackharmonizer.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.feedbackharmonizer.config.FieldLabels;
import org.feedbackharmonizer.config.FieldSpec;
import org.feedbackharmonizer.config.ValueDefaults;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.CellText;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.FieldCatalog;
import org.feedbackharmonizer.schema.LabelList;
import org.feedbackharmonizer.schema.VictimBand;
import org.feedbackharmonizer.schema.YesNo;

/** Reads one configured field's value from a cell with the field's own vocabulary. Built once per file. */
final class FieldReader {
    final FieldSpec spec;
    final FieldCatalog.Entry entry;
    final int column;
    private final CellValue constant;
    private final LabelList unknown;
    private final DateValueParser dates;
    private final SubjectAge ages;
    private final VictimCount victims;
    private final VictimCount counts;
    private final YesNoParser yesNo;
    /** For a {@code dated} step: a date in the cell means the step happened. */
    private final DateValueParser stepDates;

    private final ValueMap<?> map;

    FieldReader(FieldSpec spec, ValueDefaults defaults, int column) {
        FieldLabels labels = FieldLabels.of(spec, defaults);
        this.spec = spec;
        this.entry = FieldCatalog.find(spec.field()).orElseThrow();
        this.column = column;
        this.constant = spec.constant() == null ? null : CellValue.text(spec.constant());
        this.unknown = labels.unknown();
        this.dates = entry.kind() == FieldCatalog.Kind.DATE
                ? new DateValueParser(
                        spec.dates() != null ? spec.dates() : defaults.dates(),
                        spec.field().equals("subject_birth_date")
                                ? DateValueParser.EARLIEST_BIRTH
                                : DateValueParser.EARLIEST,
                        DateValueParser.LATEST,
                        defaults.months())
                : null;
        this.ages = entry.kind() == FieldCatalog.Kind.AGE ? new SubjectAge(unknown) : null;
        this.victims = entry.kind() == FieldCatalog.Kind.COUNT ? new VictimCount(unknown) : null;
        // victims_identified takes a band label, a label its map gives a band, or a count ("3" is 2-5)
        this.counts = entry.values() == VictimBand.class ? new VictimCount(unknown) : null;
        this.stepDates = spec.dated()
                ? new DateValueParser(
                        defaults.dates(), DateValueParser.EARLIEST, DateValueParser.LATEST, defaults.months())
                : null;
        this.yesNo = entry.kind() == FieldCatalog.Kind.YES_NO || entry.values() == Conviction.class
                ? new YesNoParser(
                        labels.yes(),
                        labels.no(),
                        labels.unknown(),
                        spec.blank() != null ? spec.blank() : defaults.blank())
                : null;
        this.map = entry.kind() == FieldCatalog.Kind.ENUM || entry.kind() == FieldCatalog.Kind.YES_NO
                ? valueMap(entry.values(), spec, labels.unknown())
                : null;
    }

    /** The cell this field reads in a row (the constant for constant fields). */
    CellValue cell(org.feedbackharmonizer.ingest.RawRecord r) {
        CellValue c = constant != null ? constant : column < 0 ? CellValue.Blank.INSTANCE : r.cell(column);
        if (spec.extract() != null && c instanceof CellValue.Text t) {
            java.util.regex.Matcher m = spec.extract().matcher(t.value());
            if (m.find()) {
                return CellValue.text(m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group());
            }
        }
        return c;
    }

    /**
     * A date; empty for a blank cell or an unknown label ({@code 00000000} for "not closed"), which a required
     * field rejects.
     */
    Optional<java.time.LocalDate> date(CellValue c) throws ValueRejected {
        Optional<java.time.LocalDate> d = isUnknownLabel(c) ? Optional.empty() : dates.parse(c);
        if (d.isEmpty() && spec.required()) {
            throw missing();
        }
        return d;
    }

    /** The band of an age ({@code subject_age}); unknown for a blank cell unless the field is required. */
    AgeBand ageBand(CellValue c) throws ValueRejected {
        checkRequired(c);
        return ages.fromAge(c);
    }

    /** The band of a count ({@code victim_count}); unknown for a blank cell unless the field is required. */
    VictimBand victimBand(CellValue c) throws ValueRejected {
        checkRequired(c);
        return victims.parse(c);
    }

    /**
     * Text and number cells are compared with the unknown labels by their text: an export may write "unknown" as
     * a number, such as 999 for an age.
     */
    private boolean isUnknownLabel(CellValue c) {
        boolean comparable = c instanceof CellValue.Text
                || (c instanceof CellValue.Number n && Double.isFinite(n.value())); // NaN has no text
        return comparable && unknown.matches(c.text());
    }

    private void checkRequired(CellValue c) throws ValueRejected {
        if (c.isBlank() && spec.required()) {
            throw missing();
        }
    }

    /** An enum value; unknown for a blank cell unless the field is required. */
    Enum<?> value(CellValue c, Enum<?> unknown) throws ValueRejected {
        if (c instanceof CellValue.Error) {
            throw new ValueRejected(RejectReason.CELL_ERROR, "the cell holds a spreadsheet error");
        }
        checkRequired(c);
        if (stepDates != null && !c.isBlank() && !knowsLabel(c) && dated(c)) {
            return entry.values() == Conviction.class ? Conviction.YES : YesNo.YES;
        }
        if (yesNo != null && readsAsYesNo(c) && (spec.otherwise() == null || yesNo.reads(c))) {
            YesNo y = yesNo.parse(c);
            if (entry.values() == Conviction.class) {
                return Conviction.valueOf(y.name());
            }
            return y;
        }
        if (counts != null && !c.isBlank() && !map.covers(c.text())) {
            try {
                return counts.parse(c); // a count the map does not cover: its band
            } catch (ValueRejected notACount) {
                // neither a mapped label nor a count: the map says what it is (or rejects it)
            }
        }
        return mapWith(map, c, unknown);
    }

    /** A label the field's vocabulary, map or unknown list has a meaning for: it is read as a label, not a date. */
    private boolean knowsLabel(CellValue c) {
        return yesNo.reads(c) || (!spec.map().isEmpty() && map.covers(c.text())) || isUnknownLabel(c);
    }

    /**
     * Whether the cell is a date, for a dated step. Text that is no date and has no digit (TBD) goes on to the
     * labels, and their reject; text with a digit that is no date (2/30/25) is a bad date.
     */
    private boolean dated(CellValue c) throws ValueRejected {
        try {
            return stepDates.parse(c).isPresent();
        } catch (ValueRejected notADate) {
            if (c instanceof CellValue.Text && c.text().chars().noneMatch(Character::isDigit)) {
                return false;
            }
            throw new ValueRejected(notADate.reason(), notADate.getMessage() + " (a dated step: a date means YES)");
        }
    }

    /**
     * A yes/no field with a map reads a label with its map first and its yes/no vocabulary for labels the map does
     * not cover; its {@code otherwise} then takes the labels neither covers. A blank cell goes to the vocabulary
     * too, so that {@code blank:} (and {@code no: [""]}) means the same with a map as without, unless the map gives
     * the label {@code ""} a value of its own.
     */
    private boolean readsAsYesNo(CellValue c) {
        if (spec.map().isEmpty()) {
            return true;
        }
        if (CellText.label(c.text()).isEmpty()) {
            return !map.mapsBlank();
        }
        return !map.covers(c.text());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Enum<?> mapWith(ValueMap map, CellValue c, Enum<?> unknown) throws ValueRejected {
        return map.map(c, (Enum) unknown);
    }

    private ValueRejected missing() {
        return new ValueRejected(RejectReason.REQUIRED_MISSING, "the field is required but the cell is blank");
    }

    /** The configured map, then every schema value by its own name or label (a file may already use them). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ValueMap<?> valueMap(Class<? extends Enum<?>> type, FieldSpec spec, LabelList unknown) {
        Map<String, Enum> entries = new LinkedHashMap<>();
        spec.map()
                .forEach((label, value) -> entries.put(
                        label,
                        FieldCatalog.resolve(FieldCatalog.find(spec.field()).orElseThrow(), value)
                                .orElseThrow()));
        for (Enum<?> e : type.getEnumConstants()) {
            entries.putIfAbsent(e.name(), e);
            entries.putIfAbsent(FieldCatalog.label(e), e);
        }
        if (spec.otherwise() != null && spec.otherwise().strip().equalsIgnoreCase(FieldSpec.OTHERWISE_UNKNOWN)) {
            return ValueMap.otherwiseUnknown(spec.field(), (Map) entries, unknown);
        }
        Optional<Enum> otherwise = spec.otherwise() == null
                ? Optional.empty()
                : Optional.of(
                        FieldCatalog.resolve(FieldCatalog.find(spec.field()).orElseThrow(), spec.otherwise())
                                .orElseThrow());
        return ValueMap.of(spec.field(), (Map) entries, (Optional) otherwise, unknown);
    }
}
