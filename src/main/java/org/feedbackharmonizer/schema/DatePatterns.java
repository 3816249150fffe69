package org.feedbackharmonizer.schema;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * A steward's date pattern as the job reads dates with it (mapping.DateValueParser says how it departs from
 * {@link DateTimeFormatter}). Here, apart from the mapping, so that {@code validate} checks a pattern the same way
 * the run will use it.
 */
public final class DatePatterns {
    private DatePatterns() {}

    /**
     * Builds a strict, case-insensitive formatter from a steward's pattern.
     *
     * @throws IllegalArgumentException naming the pattern when it is not one, or does not name a whole date
     */
    public static DateTimeFormatter compile(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a date pattern is empty");
        }
        DateTimeFormatter f;
        try {
            f = build(pattern);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalArgumentException("date pattern '" + pattern + "' is not valid: " + e.getMessage(), e);
        }
        // A pattern must name a whole date (year, month, day): a round trip of a sample date proves it.
        LocalDate sample = LocalDate.of(2024, 11, 25);
        LocalDate back;
        try {
            back = LocalDate.from(f.parse(f.format(sample)));
        } catch (DateTimeException e) {
            back = null;
        }
        if (!sample.equals(back)) {
            throw new IllegalArgumentException("date pattern '" + pattern + "' does not name a full date");
        }
        return f;
    }

    private static DateTimeFormatter build(String pattern) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
        int n = pattern.length();
        int i = 0;
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int j = closingQuote(pattern, i);
                b.appendPattern(pattern.substring(i, j + 1));
                i = j + 1;
            } else if (isAsciiLetter(c)) {
                int j = i;
                while (j < n && pattern.charAt(j) == c) {
                    j++;
                }
                int count = j - i;
                boolean glued =
                        (i > 0 && isAsciiLetter(pattern.charAt(i - 1))) || (j < n && isAsciiLetter(pattern.charAt(j)));
                if ((c == 'y' || c == 'u') && count == 2) {
                    b.appendValueReduced(ChronoField.YEAR, 2, 2, 1950);
                } else if (c == 'y' || c == 'u') {
                    // 'u' (proleptic year), not 'y' (year of era), which STRICT cannot resolve without an era.
                    b.appendPattern("u".repeat(count));
                } else if ((c == 'd' || c == 'M') && count == 2 && !glued) {
                    b.appendValue(
                            c == 'd' ? ChronoField.DAY_OF_MONTH : ChronoField.MONTH_OF_YEAR,
                            1,
                            2,
                            SignStyle.NOT_NEGATIVE);
                } else {
                    b.appendPattern(pattern.substring(i, j));
                }
                i = j;
            } else {
                b.appendLiteral(c);
                i++;
            }
        }
        return b.toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT).withChronology(IsoChronology.INSTANCE);
    }

    private static int closingQuote(String pattern, int open) {
        int j = open + 1;
        while (j < pattern.length()) {
            if (pattern.charAt(j) == '\'') {
                if (j + 1 < pattern.length() && pattern.charAt(j + 1) == '\'') {
                    j += 2;
                    continue;
                }
                return j;
            }
            j++;
        }
        throw new IllegalArgumentException("date pattern '" + pattern + "' has an unclosed quote");
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
