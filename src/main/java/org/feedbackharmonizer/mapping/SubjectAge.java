package org.feedbackharmonizer.mapping;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.CellText;
import org.feedbackharmonizer.schema.LabelList;

/**
 * Bands a subject's age ({@code subject_age}) or birth date ({@code subject_birth_date}) into
 * {@code subject_age_band}. The exact age and the birth date never leave this class.
 */
public final class SubjectAge {

    public static final int MAX_AGE = 120;

    /** An age as agencies write it: {@code 34}, {@code 34.0}, {@code 34 yrs}, {@code 34y}, {@code 34 y/o}. */
    private static final Pattern AGE = Pattern.compile(
            "(?i)([+-]?\\d{1,4}(?:\\.\\d+)?)\\s*(?:y|yr|yrs|year|years|yo|y/o|y\\.o\\.)?\\.?(?:\\s*old)?");

    private static final String NOT_AN_AGE =
            "not an age in years nor an age band " + ValueMap.schemaLabels(AgeBand.class);
    private static final String IMPLAUSIBLE = "an age outside 0 to " + MAX_AGE;

    private final LabelList unknownLabels;

    /** @param unknownLabels the labels that mean UNKNOWN: {@code values.unknown} and the field's own */
    public SubjectAge(LabelList unknownLabels) {
        this.unknownLabels = Objects.requireNonNull(unknownLabels, "unknownLabels");
    }

    public static SubjectAge withDefaults() {
        return new SubjectAge(YesNoParser.DEFAULT_UNKNOWN);
    }

    /**
     * The band of an age in years; a fraction is dropped (completed years). A band label ({@code 25-34},
     * {@code 65+}, {@code UNDER_18}) is taken as it is.
     *
     * @throws ValueRejected {@link RejectReason#BAD_NUMBER} when not an age, {@link RejectReason#AGE_IMPLAUSIBLE}
     *     below 0 or above {@value #MAX_AGE}, {@link RejectReason#CELL_ERROR} for a spreadsheet error cell
     */
    public AgeBand fromAge(CellValue cell) throws ValueRejected {
        if (cell instanceof CellValue.Error) {
            throw new ValueRejected(RejectReason.CELL_ERROR, "a spreadsheet error cell, not an age");
        }
        if (cell instanceof CellValue.Number n) {
            // an export may write "not known" as a number, e.g. 999
            return Double.isFinite(n.value()) && unknownLabels.matches(n.text()) ? AgeBand.UNKNOWN : band(n.value());
        }
        if (cell instanceof CellValue.Date || cell instanceof CellValue.Bool) {
            throw new ValueRejected(RejectReason.BAD_NUMBER, NOT_AN_AGE);
        }
        String label = CellText.label(cell.text());
        if (label.isEmpty() || unknownLabels.matches(cell.text())) {
            return AgeBand.UNKNOWN;
        }
        String compact = label.replace(" ", "");
        for (AgeBand b : AgeBand.values()) {
            if (b.label().equals(compact)
                    || b.name().equals(compact)
                    || b.name().equals(label.replace(' ', '_'))) {
                return b;
            }
        }
        Matcher m = AGE.matcher(label.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ValueRejected(RejectReason.BAD_NUMBER, NOT_AN_AGE);
        }
        return band(Double.parseDouble(m.group(1)));
    }

    /**
     * The band of the age in completed years on a date (the received date): the birth date itself is not kept.
     *
     * @throws ValueRejected {@link RejectReason#AGE_IMPLAUSIBLE} when born after that date or more than
     *     {@value #MAX_AGE} years before it
     */
    public static AgeBand fromBirthDate(LocalDate birth, LocalDate onDate) throws ValueRejected {
        Objects.requireNonNull(birth, "birth");
        Objects.requireNonNull(onDate, "onDate");
        if (birth.isAfter(onDate)) {
            throw new ValueRejected(RejectReason.AGE_IMPLAUSIBLE, "a birth date after the date the age is taken on");
        }
        int years = Period.between(birth, onDate).getYears();
        if (years > MAX_AGE) {
            throw new ValueRejected(RejectReason.AGE_IMPLAUSIBLE, IMPLAUSIBLE);
        }
        return AgeBand.ofAge(years);
    }

    private static AgeBand band(double age) throws ValueRejected {
        if (Double.isNaN(age) || Double.isInfinite(age)) {
            throw new ValueRejected(RejectReason.BAD_NUMBER, NOT_AN_AGE);
        }
        if (age < 0 || age >= MAX_AGE + 1) {
            throw new ValueRejected(RejectReason.AGE_IMPLAUSIBLE, IMPLAUSIBLE);
        }
        return AgeBand.ofAge((int) Math.floor(age));
    }
}
