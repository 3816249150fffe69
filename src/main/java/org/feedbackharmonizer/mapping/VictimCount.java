package org.feedbackharmonizer.mapping;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.schema.CellText;
import org.feedbackharmonizer.schema.LabelList;
import org.feedbackharmonizer.schema.VictimBand;

/**
 * Reads {@code victim_count} (or {@code victims_identified} given directly) into a victim band: a count
 * ({@code 3}, {@code 3.0}, {@code 3 victims}), a band label ({@code 2-5}, {@code 6+}) or {@code none}.
 */
public final class VictimCount {

    private static final Pattern COUNT = Pattern.compile("(?i)(\\d{1,9})(?:\\.0+)?(?:\\s*(?:victims?|vics?))?");
    private static final Set<String> NONE = Set.of("NONE", "NO VICTIMS", "ZERO");
    private static final String NOT_A_COUNT =
            "not a count of victims (0 or more), 'none', nor a band " + ValueMap.schemaLabels(VictimBand.class);

    private final LabelList unknownLabels;

    /** @param unknownLabels the labels that mean UNKNOWN: {@code values.unknown} and the field's own */
    public VictimCount(LabelList unknownLabels) {
        this.unknownLabels = java.util.Objects.requireNonNull(unknownLabels, "unknownLabels");
    }

    public static VictimCount withDefaults() {
        return new VictimCount(YesNoParser.DEFAULT_UNKNOWN);
    }

    /**
     * @throws ValueRejected {@link RejectReason#BAD_NUMBER} for a negative, fractional or non-numeric count,
     *     {@link RejectReason#CELL_ERROR} for a spreadsheet error cell
     */
    public VictimBand parse(CellValue cell) throws ValueRejected {
        if (cell instanceof CellValue.Error) {
            throw new ValueRejected(RejectReason.CELL_ERROR, "a spreadsheet error cell, not a count");
        }
        if (cell instanceof CellValue.Number n) {
            if (Double.isFinite(n.value()) && unknownLabels.matches(n.text())) {
                return VictimBand.UNKNOWN; // "not known" written as a number, e.g. -1 or 99
            }
            double v = n.value();
            if (Double.isNaN(v) || v < 0 || v != Math.rint(v) || Double.isInfinite(v)) {
                throw new ValueRejected(RejectReason.BAD_NUMBER, NOT_A_COUNT);
            }
            return VictimBand.ofCount((long) v);
        }
        if (cell instanceof CellValue.Date || cell instanceof CellValue.Bool) {
            throw new ValueRejected(RejectReason.BAD_NUMBER, NOT_A_COUNT);
        }
        String label = CellText.label(cell.text());
        if (label.isEmpty() || unknownLabels.matches(cell.text())) {
            return VictimBand.UNKNOWN;
        }
        if (NONE.contains(label)) {
            return VictimBand.NONE;
        }
        String compact = label.replace(" ", "");
        for (VictimBand b : VictimBand.values()) {
            if (b.label().equals(compact) || b.name().equals(label.replace(' ', '_'))) {
                return b;
            }
        }
        Matcher m = COUNT.matcher(label);
        if (!m.matches()) {
            throw new ValueRejected(RejectReason.BAD_NUMBER, NOT_A_COUNT);
        }
        return VictimBand.ofCount(Long.parseLong(m.group(1)));
    }
}
