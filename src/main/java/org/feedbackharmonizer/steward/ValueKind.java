package org.feedbackharmonizer.steward;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.feedbackharmonizer.ingest.AsOfDates;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.schema.DefaultLabels;

/** What kind of value a cell holds, as far as a steward needs to know to write a configuration. */
public enum ValueKind {
    DATE("date"),
    NUMBER("number"),
    YES_NO("yes-no"),
    REPORT_NUMBER("report-number-like"),
    TEXT("text");

    /** Text date styles a steward may have to list under {@code values.dates}, most common first. */
    public static final List<String> TEXT_DATE_PATTERNS = List.of(
            "MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd", "M/d/yy", "dd-MMM-yy", "d-MMM-yyyy", "yyyyMMdd", "dd.MM.yyyy");

    /**
     * Labels that read as yes or no in the default vocabulary (case-insensitive); without its "1" and "0",
     * which would make every column of counts look like a yes/no column.
     */
    public static final Set<String> YES_LABELS = withoutDigits(DefaultLabels.YES);

    public static final Set<String> NO_LABELS = withoutDigits(DefaultLabels.NO);

    private static final Pattern REPORT_NUMBER_TEXT = Pattern.compile("(?i)^(?:CT-?\\s*|#\\s*)?\\d{5,12}$");
    private static final Pattern NUMBER_TEXT = Pattern.compile("^[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?$");
    private static final Pattern DATE_SHAPE = Pattern.compile(
            "^(?:\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{2,4}|\\d{1,2}-[A-Za-z]{3}-\\d{2,4}|\\d{8})(?:[ T]\\d{1,2}:\\d{2}.*)?$");

    private final String label;

    ValueKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind of one non-blank cell. */
    public static ValueKind of(CellValue cell) {
        if (cell instanceof CellValue.Date) {
            return DATE;
        }
        if (cell instanceof CellValue.Bool) {
            return YES_NO;
        }
        String text = cell.text().strip();
        if (cell instanceof CellValue.Number) {
            return REPORT_NUMBER_TEXT.matcher(text).matches() ? REPORT_NUMBER : NUMBER;
        }
        if (datePattern(text) != null) {
            return DATE;
        }
        if (REPORT_NUMBER_TEXT.matcher(text).matches()) {
            return REPORT_NUMBER;
        }
        if (NUMBER_TEXT.matcher(text).matches()) {
            return NUMBER;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (YES_LABELS.contains(upper) || NO_LABELS.contains(upper)) {
            return YES_NO;
        }
        return TEXT;
    }

    /** The first text date pattern the text fits, or null. Eight digits count only as a plausible yyyyMMdd. */
    public static String datePattern(String text) {
        String t = text.strip();
        if (!DATE_SHAPE.matcher(t).matches()) {
            return null;
        }
        int space = t.indexOf(' ');
        String day = space > 0 ? t.substring(0, space) : t;
        for (String p : TEXT_DATE_PATTERNS) {
            var d = AsOfDates.parse(day, List.of(p));
            if (d.isPresent() && d.get().getYear() >= 1900 && d.get().getYear() <= 2100) {
                return p;
            }
        }
        return null;
    }

    private static Set<String> withoutDigits(List<String> labels) {
        return Set.copyOf(labels.stream()
                .filter(l -> !l.chars().allMatch(Character::isDigit))
                .toList());
    }
}
