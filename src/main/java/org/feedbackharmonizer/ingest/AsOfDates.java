package org.feedbackharmonizer.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedbackharmonizer.config.FileSpec;
import org.feedbackharmonizer.schema.MonthNames;

/** The date a file reports on: from its name, else its title rows, else its arrival (modification) date. */
public final class AsOfDates {
    private AsOfDates() {}

    /** @param notFound a configured rule found no date, so the arrival date stands in */
    public record AsOf(LocalDate date, String source, boolean notFound) {
        public AsOf(LocalDate date, String source) {
            this(date, source, false);
        }
    }

    /** @param sheetRows the first rows of the sheet {@code as_of.sheet} names, searched before the title rows */
    public static AsOf resolve(
            FileSpec.AsOfRule rule, MonthNames months, Path file, List<RawRecord> sheetRows, List<RawRecord> titleRows)
            throws IOException {
        if (rule.fromName() != null) {
            Optional<LocalDate> d = find(rule.fromName(), file.getFileName().toString(), rule.patterns(), months);
            if (d.isPresent()) {
                return new AsOf(d.get(), "file name");
            }
        }
        if (rule.fromTitle() != null) {
            Optional<AsOf> inSheet = fromTitle(rule, months, sheetRows, "as_of sheet, row ");
            if (inSheet.isPresent()) {
                return inSheet.get();
            }
            Optional<AsOf> inTitle = fromTitle(rule, months, titleRows, "title row ");
            if (inTitle.isPresent()) {
                return inTitle.get();
            }
        }
        LocalDate arrival = Files.getLastModifiedTime(file)
                .toInstant()
                .atOffset(ZoneOffset.UTC)
                .toLocalDate();
        if (rule.fromName() == null && rule.fromTitle() == null) {
            return new AsOf(arrival, "arrival date");
        }
        // configured, and found nothing: the steward must hear of it, as the date decides what the file replaces
        List<String> tried = new ArrayList<>();
        if (rule.fromName() != null) {
            tried.add("as_of.from_name");
        }
        if (rule.fromTitle() != null) {
            tried.add("as_of.from_title");
        }
        return new AsOf(
                arrival,
                "arrival date: " + String.join(" and ", tried) + " found no date that " + rule.patterns() + " read",
                true);
    }

    private static Optional<AsOf> fromTitle(
            FileSpec.AsOfRule rule, MonthNames months, List<RawRecord> rows, String source) {
        for (RawRecord r : rows) {
            for (CellValue c : r.cells()) {
                if (c instanceof CellValue.Date) {
                    continue;
                }
                Optional<LocalDate> d = find(rule.fromTitle(), c.text(), rule.patterns(), months);
                if (d.isPresent()) {
                    return Optional.of(new AsOf(d.get(), source + r.rowNumber()));
                }
            }
        }
        return Optional.empty();
    }

    static Optional<LocalDate> find(Pattern p, String text, List<String> patterns, MonthNames months) {
        Matcher m = p.matcher(text);
        if (!m.find() || m.groupCount() < 1 || m.group(1) == null) {
            return Optional.empty();
        }
        return parse(m.group(1).trim(), patterns, months);
    }

    /**
     * Parses with the first pattern that fits; a year-month pattern means the last day of that month, a
     * year-quarter pattern ({@code yyyy'Q'Q}: {@code 2025Q3}) the last day of that quarter.
     */
    public static Optional<LocalDate> parse(String text, List<String> patterns) {
        return parse(text, patterns, MonthNames.NONE);
    }

    /** @param months the agency's own month names, read by patterns that name the month in words */
    public static Optional<LocalDate> parse(String text, List<String> patterns, MonthNames months) {
        for (String pattern : patterns) {
            int words = MonthNames.monthWords(pattern);
            String input = words == 0 ? text : months.inEnglish(text, words == 2);
            DateTimeFormatter f = new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern(pattern)
                    .toFormatter(Locale.US);
            try {
                if (!pattern.contains("d")) {
                    TemporalAccessor t = f.parse(input);
                    if (!t.isSupported(ChronoField.MONTH_OF_YEAR) && t.isSupported(IsoFields.QUARTER_OF_YEAR)) {
                        return Optional.of(YearMonth.of((int) t.getLong(ChronoField.YEAR), (int)
                                        (3 * t.getLong(IsoFields.QUARTER_OF_YEAR)))
                                .atEndOfMonth());
                    }
                    return Optional.of(YearMonth.from(t).atEndOfMonth());
                }
                return Optional.of(LocalDate.parse(input, f));
            } catch (DateTimeException e) {
                // try the next pattern
            }
        }
        return Optional.empty();
    }
}
