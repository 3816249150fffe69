package org.feedbackharmonizer.mapping;

import java.util.Objects;
import java.util.Set;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.schema.CellText;
import org.feedbackharmonizer.schema.DefaultLabels;
import org.feedbackharmonizer.schema.LabelList;
import org.feedbackharmonizer.schema.YesNo;

/**
 * Reads a yes/no flag (actionable, search_warrant, arrest, charged) from an agency's labels.
 *
 * <p>Labels compare trimmed and ignoring case. A TRUE/FALSE cell is YES/NO whatever the labels; a number cell is
 * compared by its text, so {@code 1} is YES only when "1" is a yes label. A blank cell is the configured
 * {@code blank} value, unless the empty label {@code ""} is in one of the sets: {@code no: [""]} is the "X or
 * nothing" convention, where an empty cell means NO. The {@code /regex/} unknown labels are tried after every exact
 * label.
 */
public final class YesNoParser {

    public static final Set<String> DEFAULT_YES = CellText.labels(DefaultLabels.YES);
    public static final Set<String> DEFAULT_NO = CellText.labels(DefaultLabels.NO);
    public static final LabelList DEFAULT_UNKNOWN = LabelList.of(DefaultLabels.UNKNOWN);

    private final Set<String> yes;
    private final Set<String> no;
    private final LabelList unknown;
    private final YesNo blank;
    private final String badMessage;

    /**
     * @param blank what a blank cell means when "" is in none of the sets: UNKNOWN (the default) or NO
     * @throws IllegalArgumentException when a label is in two sets
     */
    public YesNoParser(Set<String> yes, Set<String> no, LabelList unknown, YesNo blank) {
        this.yes = CellText.labels(yes);
        this.no = CellText.labels(no);
        this.unknown = Objects.requireNonNull(unknown, "unknown");
        this.blank = Objects.requireNonNull(blank, "blank");
        for (String label : this.yes) {
            if (this.no.contains(label) || this.unknown.containsLabel(label)) {
                throw new IllegalArgumentException("label '" + label + "' is both a yes label and another");
            }
        }
        for (String label : this.no) {
            if (this.unknown.containsLabel(label)) {
                throw new IllegalArgumentException("label '" + label + "' is both a no label and an unknown label");
            }
        }
        this.badMessage = "not one of the yes labels " + this.yes + ", no labels " + this.no + " or unknown labels "
                + this.unknown;
    }

    public static YesNoParser withDefaults() {
        return new YesNoParser(DEFAULT_YES, DEFAULT_NO, DEFAULT_UNKNOWN, YesNo.UNKNOWN);
    }

    /** The same labels with another meaning for a blank cell (a field's own {@code blank:}). */
    public YesNoParser withBlank(YesNo blank) {
        return new YesNoParser(yes, no, unknown, blank);
    }

    /**
     * @throws ValueRejected {@link RejectReason#BAD_YES_NO} for a label in no set, {@link RejectReason#CELL_ERROR}
     *     for a spreadsheet error cell
     */
    public YesNo parse(CellValue cell) throws ValueRejected {
        if (cell instanceof CellValue.Bool b) {
            return b.value() ? YesNo.YES : YesNo.NO;
        }
        if (cell instanceof CellValue.Error) {
            throw new ValueRejected(RejectReason.CELL_ERROR, "a spreadsheet error cell, not a yes/no value");
        }
        if (cell instanceof CellValue.Date) {
            throw new ValueRejected(RejectReason.BAD_YES_NO, "a date cell, " + badMessage);
        }
        String label = CellText.label(cell.text());
        if (yes.contains(label)) {
            return YesNo.YES;
        }
        if (no.contains(label)) {
            return YesNo.NO;
        }
        if (unknown.containsLabel(label)) {
            return YesNo.UNKNOWN;
        }
        if (label.isEmpty()) {
            return blank;
        }
        if (unknown.matchesRegex(cell.text())) {
            return YesNo.UNKNOWN;
        }
        throw new ValueRejected(RejectReason.BAD_YES_NO, badMessage);
    }

    /** True when {@link #parse} gives the cell a value: a TRUE/FALSE cell, a yes, no or unknown label, or blank. */
    public boolean reads(CellValue cell) {
        if (cell instanceof CellValue.Bool) {
            return true;
        }
        if (cell instanceof CellValue.Error || cell instanceof CellValue.Date) {
            return false;
        }
        String label = CellText.label(cell.text());
        return label.isEmpty() || yes.contains(label) || no.contains(label) || unknown.matches(cell.text());
    }

    public Set<String> yes() {
        return yes;
    }

    public Set<String> no() {
        return no;
    }

    public LabelList unknown() {
        return unknown;
    }

    public YesNo blank() {
        return blank;
    }
}
