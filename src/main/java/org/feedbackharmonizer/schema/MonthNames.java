package org.feedbackharmonizer.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agency's own month names ({@code values.month_names}: "ene", "enero", "sept."), read as the English names the
 * date patterns' {@code MMM} and {@code MMMM} know. A text's configured name, a whole word in any case, becomes
 * the English short or long name before a pattern reads it, so "05-feb-2025" reads with {@code dd-MMM-yyyy} and
 * "30 de junio de 2025" with {@code d 'de' MMMM 'de' yyyy}; English names keep working.
 */
public final class MonthNames {
    public static final MonthNames NONE = new MonthNames(List.of());

    private static final String[] SHORT = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final String[] LONG = {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December"
    };

    private final List<List<String>> names;
    private final Map<String, Integer> monthOf = new HashMap<>();
    private final Pattern anyName;

    /**
     * @param names none, or twelve entries, January first, each the names of that month
     * @throws IllegalArgumentException when there are not twelve, a name is empty or not letters, or one name
     *     stands for two months
     */
    public MonthNames(List<List<String>> names) {
        if (!names.isEmpty() && names.size() != 12) {
            throw new IllegalArgumentException("needs 12 entries, January first, not " + names.size());
        }
        List<String> all = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
            for (String name : names.get(m)) {
                String n = name.strip();
                if (!n.matches("\\p{L}+\\.?")) {
                    throw new IllegalArgumentException(
                            "'" + name + "' is not a month name (letters, maybe a final dot)");
                }
                Integer before = monthOf.put(key(n), m);
                if (before != null && before != m) {
                    throw new IllegalArgumentException(
                            "'" + n + "' stands for two months (" + LONG[before] + " and " + LONG[m] + ")");
                }
                all.add(n);
            }
        }
        this.names = List.copyOf(names.stream().map(List::copyOf).toList());
        // the longest first, so that "sept" is not read as "sep" and a "t"
        all.sort(Comparator.comparingInt(String::length).reversed());
        this.anyName = all.isEmpty()
                ? null
                : Pattern.compile(
                        "(?<!\\p{L})(?:"
                                + String.join(
                                        "|", all.stream().map(Pattern::quote).toList()) + ")(?!\\p{L})",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public boolean isEmpty() {
        return anyName == null;
    }

    /** The names as configured, January first. */
    public List<List<String>> names() {
        return names;
    }

    /** {@code text} with every configured month name replaced by the English short or long name. */
    public String inEnglish(String text, boolean longNames) {
        if (anyName == null) {
            return text;
        }
        Matcher m = anyName.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        do {
            int month = monthOf.get(key(m.group()));
            m.appendReplacement(out, longNames ? LONG[month] : SHORT[month]);
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /** Whether a word is an English month name as MMM or MMMM read it (Jan, January), in any case. */
    public static boolean isEnglish(String word) {
        for (int m = 0; m < 12; m++) {
            if (SHORT[m].equalsIgnoreCase(word) || LONG[m].equalsIgnoreCase(word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a date pattern names the month in words: 2 for {@code MMMM}, 1 for {@code MMM}, 0 for none. */
    public static int monthWords(String pattern) {
        String unquoted = pattern.replaceAll("'[^']*'", "");
        return unquoted.contains("MMMM") ? 2 : unquoted.contains("MMM") ? 1 : 0;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
