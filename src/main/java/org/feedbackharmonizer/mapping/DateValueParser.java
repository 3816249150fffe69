package org.feedbackharmonizer.mapping;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.feedbackharmonizer.config.AgencyConfigLoader;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.schema.CellText;
import org.feedbackharmonizer.schema.DatePatterns;
import org.feedbackharmonizer.schema.MonthNames;

/**
 * Reads a date cell: a real spreadsheet date, an Excel serial number, or text in one of the configured patterns.
 *
 * <p>Patterns use {@link DateTimeFormatter} letters and are tried in the given order; the first that matches wins,
 * so an agency whose dates are day-first lists {@code dd/MM/yyyy} before {@code MM/dd/yyyy}. Parsing is
 * case-insensitive ({@code 05-MAR-24}), in English month names, and strict: {@code 02/30/2024} is not a date.
 * Three deliberate departures from {@code DateTimeFormatter}:
 *
 * <ul>
 *   <li>{@code yy} reads a two-digit year as 1950-2049 (the JDK's {@code yy} reads 2000-2099, so {@code 99}
 *       would be 2099);
 *   <li>{@code dd} and {@code MM} also accept one digit when no other number field is glued to them
 *       ({@code 5-Mar-24} for {@code dd-MMM-yy}), because spreadsheets drop leading zeros;
 *   <li>a text that continues after the date with a time ({@code 2024-03-05 14:30}, {@code 2024-03-05T14:30:00Z},
 *       {@code 3/5/2024 2:30 PM}) gives its date.
 * </ul>
 *
 * <p>Optional sections ({@code [...]}) are not supported; {@code [ ] { } #} are read as literal characters.
 */
public final class DateValueParser {

    /** Earliest plausible date: well before the CyberTipline began (1998), but rejects garbage like serial 1. */
    public static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /** Earliest plausible birth date, for the one field whose dates lie well before {@link #EARLIEST}. */
    public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** The largest serial Excel can show as a date, 9999-12-31. */
    public static final long MAX_EXCEL_SERIAL = 2_958_465L;

    /** Some CSV exports write a date cell as its serial number, e.g. {@code 45321}. */
    private static final Pattern SERIAL_TEXT = Pattern.compile("\\d{5}");

    /** What may follow the date in a date-time text. */
    private static final Pattern TIME_SUFFIX = Pattern.compile("(?i)(?:T| )\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?"
            + "(?: ?[AP]\\.?M\\.?)?(?: ?(?:Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?))?");

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 31);

    private final List<String> patterns;
    private final List<DateTimeFormatter> formatters;
    private final String badDateMessage;
    private final LocalDate earliest;
    private final LocalDate latest;
    private final MonthNames months;
    /** Per pattern, {@link MonthNames#monthWords}: whether a text's own month names must be made English. */
    private final int[] monthWords;

    /**
     * Texts already read, with their date: a column holds few distinct dates (a year is 366 of them) and a
     * formatter's parse costs microseconds. Only successes are kept; a full cache is emptied, not evicted. One parser serves one field of one sheet.
     */
    private final RememberedAnswers<LocalDate> read =
            new RememberedAnswers<>(16_384); // birth dates span decades: about 2 MB at most

    /** The pattern of each text {@link #patternOf} has named, for the same reason. */
    private final RememberedAnswers<String> named = new RememberedAnswers<>(16_384);

    /**
     * @param patterns tried in this order; may be empty (then only spreadsheet dates and serials are read)
     * @throws IllegalArgumentException naming the pattern when one is not a valid date pattern
     */
    public DateValueParser(List<String> patterns) {
        this(patterns, EARLIEST, LATEST);
    }

    /** A parser with its own plausible range: birth dates lie well before {@link #EARLIEST}. */
    public DateValueParser(List<String> patterns, LocalDate earliest, LocalDate latest) {
        this(patterns, earliest, latest, MonthNames.NONE);
    }

    /** @param months the agency's own month names, which patterns naming the month in words also read */
    public DateValueParser(List<String> patterns, LocalDate earliest, LocalDate latest, MonthNames months) {
        this.earliest = earliest;
        this.latest = latest;
        this.months = months;
        this.patterns = List.copyOf(patterns);
        List<DateTimeFormatter> compiled = new ArrayList<>();
        this.monthWords = new int[this.patterns.size()];
        for (int i = 0; i < this.patterns.size(); i++) {
            compiled.add(DatePatterns.compile(this.patterns.get(i)));
            monthWords[i] = MonthNames.monthWords(this.patterns.get(i));
        }
        this.formatters = List.copyOf(compiled);
        this.badDateMessage = "not a date in any of the patterns " + this.patterns + " nor an Excel serial date";
    }

    /** A parser with the patterns an agency gets when it configures none, {@link AgencyConfigLoader#DEFAULT_DATES}. */
    public static DateValueParser withDefaults() {
        return new DateValueParser(AgencyConfigLoader.DEFAULT_DATES);
    }

    public List<String> patterns() {
        return patterns;
    }

    /**
     * @return empty for a blank cell
     * @throws ValueRejected {@link RejectReason#BAD_DATE} for anything that is not a date,
     *     {@link RejectReason#DATE_IMPLAUSIBLE} for a date outside {@link #EARLIEST}..{@link #LATEST},
     *     {@link RejectReason#CELL_ERROR} for a spreadsheet error cell
     */
    public Optional<LocalDate> parse(CellValue cell) throws ValueRejected {
        LocalDate date;
        if (cell instanceof CellValue.Date d) {
            date = d.value().toLocalDate();
        } else if (cell instanceof CellValue.Number n) {
            date = fromSerial(n.value());
        } else if (cell instanceof CellValue.Error) {
            throw new ValueRejected(RejectReason.CELL_ERROR, "a spreadsheet error cell, not a date");
        } else if (cell instanceof CellValue.Bool) {
            throw new ValueRejected(RejectReason.BAD_DATE, "a TRUE/FALSE cell, not a date");
        } else {
            String text = CellText.clean(cell.text());
            if (text.isEmpty()) {
                return Optional.empty();
            }
            date = fromText(text);
        }
        return Optional.of(plausible(date));
    }

    /**
     * The pattern {@link #parse} reads a text with: the first of its patterns that fits, when the date is in range.
     * Empty for anything else, an Excel serial written as text included. The steward's inspection names a column's
     * date style with it, so that it proposes the pattern the job would use.
     */
    public Optional<String> patternOf(String text) {
        String clean = CellText.clean(text);
        if (clean.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty(); // every pattern names a year, and a year is written in digits
        }
        try {
            return Optional.of(named.answer(clean, this::firstPattern));
        } catch (ValueRejected notADate) {
            return Optional.empty();
        }
    }

    private String firstPattern(String text) throws ValueRejected {
        for (int i = 0; i < formatters.size(); i++) {
            LocalDate d = tryParse(formatters.get(i), input(text, i));
            if (d != null) {
                plausible(d);
                return patterns.get(i);
            }
        }
        throw new ValueRejected(RejectReason.BAD_DATE, badDateMessage);
    }

    /**
     * The date of an Excel serial number in the 1900 date system (the 1904 system is the reader's concern).
     * Serial 1 is 1900-01-01; serial 60 is Excel's 1900-02-29, a day that never was (kept for Lotus 1-2-3
     * compatibility), so every later serial is one day off a naive count.
     */
    public static LocalDate excelSerialDate(long serial) throws ValueRejected {
        if (serial < 1 || serial > MAX_EXCEL_SERIAL) {
            throw new ValueRejected(
                    RejectReason.BAD_DATE, "not an Excel serial date between 1 and " + MAX_EXCEL_SERIAL);
        }
        if (serial == 60) {
            throw new ValueRejected(RejectReason.BAD_DATE, "Excel serial of 1900-02-29, a day that does not exist");
        }
        return EXCEL_EPOCH.plusDays(serial < 60 ? serial : serial - 1);
    }

    private static LocalDate fromSerial(double value) throws ValueRejected {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new ValueRejected(RejectReason.BAD_DATE, "not an Excel serial date");
        }
        // A fraction is the time of day; out-of-range values are rejected before the cast can overflow.
        double days = Math.floor(value);
        if (days < 1 || days > MAX_EXCEL_SERIAL) {
            return excelSerialDate(-1);
        }
        return excelSerialDate((long) days);
    }

    private LocalDate fromText(String text) throws ValueRejected {
        return read.answer(text, this::parseText);
    }

    private LocalDate parseText(String text) throws ValueRejected {
        for (int i = 0; i < formatters.size(); i++) {
            LocalDate d = tryParse(formatters.get(i), input(text, i));
            if (d != null) {
                return d;
            }
        }
        if (SERIAL_TEXT.matcher(text).matches()) {
            return excelSerialDate(Long.parseLong(text));
        }
        throw new ValueRejected(RejectReason.BAD_DATE, badDateMessage);
    }

    /** The text as pattern {@code i} reads it: with the agency's month names in English where it names months. */
    private String input(String text, int i) {
        return monthWords[i] == 0 ? text : months.inEnglish(text, monthWords[i] == 2);
    }

    private static LocalDate tryParse(DateTimeFormatter f, String text) {
        // A text of another shape fails here without the cost of an exception: most texts tried are not dates.
        if (f.parseUnresolved(text, new ParsePosition(0)) == null) {
            return null;
        }
        ParsePosition pos = new ParsePosition(0);
        try {
            TemporalAccessor parsed = f.parse(text, pos);
            int end = pos.getIndex();
            if (end != text.length()
                    && !TIME_SUFFIX.matcher(text.substring(end)).matches()) {
                return null;
            }
            return LocalDate.from(parsed);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private LocalDate plausible(LocalDate date) throws ValueRejected {
        if (date.isBefore(earliest) || date.isAfter(latest)) {
            throw new ValueRejected(RejectReason.DATE_IMPLAUSIBLE, "a date outside " + earliest + " to " + latest);
        }
        return date;
    }
}
