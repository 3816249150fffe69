package org.feedbackharmonizer.mapping;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a configured column name is matched to a header: case, spacing, punctuation and accents do not matter.
 *
 * <p>{@code "Date_Received"}, {@code "date received"} and {@code "DATE RECEIVED:"} are one column;
 * {@code "CyberTip #"} is {@code "cybertip"}. The rule is deliberately simple, so a steward can predict it:
 * NFKC-normalize (full-width letters, ligatures, non-breaking spaces), strip accents, lowercase, then keep only
 * letters and digits. Symbols carry no meaning, so {@code "Victims #"} and {@code "Victims"} are the same name;
 * a header row where that matters needs {@code position:} instead.
 */
public final class ColumnNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private ColumnNames() {}

    /** The form in which column names and headers are compared; "" for null. */
    public static String normalize(String header) {
        if (header == null) {
            return "";
        }
        String s = Normalizer.normalize(header, Normalizer.Form.NFKC);
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** True when a configured name and a header name the same column. */
    public static boolean same(String configured, String header) {
        return normalize(configured).equals(normalize(header));
    }
}
