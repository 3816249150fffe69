package org.feedbackharmonizer.steward;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedbackharmonizer.config.AgencyConfigLoader;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.mapping.DateValueParser;
import org.feedbackharmonizer.schema.CellText;
import org.feedbackharmonizer.schema.DefaultLabels;
import org.feedbackharmonizer.schema.MonthNames;

/** What kind of value a cell holds, as far as a steward needs to know to write a configuration. */
public enum ValueKind {
    DATE("date"),
    NUMBER("number"),
    YES_NO("yes-no"),
    REPORT_NUMBER("report-number-like"),
    TEXT("text");

    /**
     * Day-first slashed dates, which the default list does not read ({@code 25/01/2025}). A month-first date never
     * falls through to them (its month would be over 12), so a column where they match is day-first.
     */
    static final List<String> DAY_FIRST = List.of("dd/MM/yyyy", "d/M/yyyy");

    private static final List<String> INSPECTED_DATES = inspectedDates();

    /**
     * Text dates as the job reads them when an agency lists no {@code values.dates}, so that the pattern named is
     * the one the job would use, then the day-first ones, which the starter configuration then lists first. From
     * 1900 on, as birth dates are read.
     */
    private static final DateValueParser DATES =
            new DateValueParser(INSPECTED_DATES, DateValueParser.EARLIEST_BIRTH, DateValueParser.LATEST);

    /** Tick marks, which agencies' forms use for yes; where they are, an X is the no beside them. */
    public static final Set<String> CHECKMARKS = Set.of("✓", "✔", "√", "☑", "✅");

    /** Spanish yes, as the steward's starter configuration lists it (the job's default labels are English). */
    static final Set<String> SPANISH_YES = Set.of("SÍ", "SI");

    /**
     * Labels that read as yes or no in the default vocabulary (case-insensitive), with tick marks and Spanish yes;
     * without its "1" and "0", which would make every column of counts look like a yes/no column.
     */
    public static final Set<String> YES_LABELS = yesLabels();

    public static final Set<String> NO_LABELS = withoutDigits(DefaultLabels.NO);

    /** A day, a word and a year, as "05-ene-2025" or "5 avril 2025": what a date with a month name looks like. */
    private static final Pattern DAY_WORD_YEAR =
            Pattern.compile("^\\d{1,2}[-/. ]+(\\p{L}{3,12})\\.?[-/. ]+(?:de[ ]+)?\\d{2,4}$", Pattern.CASE_INSENSITIVE);

    /** The month word of a text that would be a date with another language's month names, lower case. */
    static Optional<String> foreignMonthWord(String text) {
        Matcher m = DAY_WORD_YEAR.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String word = m.group(1).toLowerCase(java.util.Locale.ROOT);
        // "sept" is how some write September in English; it is not another language's month
        return MonthNames.isEnglish(word) || word.equals("sept") ? Optional.empty() : Optional.of(word);
    }

    private static List<String> inspectedDates() {
        List<String> all = new java.util.ArrayList<>(AgencyConfigLoader.DEFAULT_DATES);
        all.addAll(DAY_FIRST);
        return List.copyOf(all);
    }

    private static final Pattern REPORT_NUMBER_TEXT = Pattern.compile("(?i)^(?:CT-?\\s*|#\\s*)?\\d{5,12}$");
    private static final Pattern NUMBER_TEXT = Pattern.compile("^[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?$");

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
        if (datePattern(text).isPresent()) {
            return DATE;
        }
        if (REPORT_NUMBER_TEXT.matcher(text).matches()) {
            return REPORT_NUMBER;
        }
        if (NUMBER_TEXT.matcher(text).matches()) {
            return NUMBER;
        }
        String upper = CellText.label(text);
        if (YES_LABELS.contains(upper) || NO_LABELS.contains(upper)) {
            return YES_NO;
        }
        return TEXT;
    }

    /** The default date pattern the job would read the text with, if any. */
    public static Optional<String> datePattern(String text) {
        return DATES.patternOf(text);
    }

    private static Set<String> yesLabels() {
        Set<String> yes = new java.util.HashSet<>(withoutDigits(DefaultLabels.YES));
        yes.addAll(CHECKMARKS);
        yes.addAll(SPANISH_YES);
        return Set.copyOf(yes);
    }

    private static Set<String> withoutDigits(List<String> labels) {
        return Set.copyOf(labels.stream()
                .filter(l -> !l.chars().allMatch(Character::isDigit))
                .toList());
    }
}
