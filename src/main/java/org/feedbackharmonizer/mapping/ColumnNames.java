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
        String ascii = asciiForm(header);
        if (ascii != null) {
            return ascii;
        }
        String s = Normalizer.normalize(header, Normalizer.Form.NFKC);
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * The same form for plain ASCII, where both normalizations change nothing and no accents exist; null when
     * the text has anything else. Every data cell of a file with {@code repeated_header} passes through here.
     */
    private static String asciiForm(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (out != null) {
                    out.append(c);
                }
            } else if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append((char) (c + ('a' - 'A')));
            } else if (out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
        }
        return out == null ? text : out.toString();
    }

    /** True when a configured name and a header name the same column. */
    public static boolean same(String configured, String header) {
        return normalize(configured).equals(normalize(header));
    }
}
