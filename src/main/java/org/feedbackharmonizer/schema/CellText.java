package org.feedbackharmonizer.schema;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How every value parser, and the ledger loader, reads a cell's text: trimmed, with runs of any kind of space
 * collapsed to one. The configuration holds its labels in the same form, so it lives here, where both config and
 * mapping may depend on it.
 */
public final class CellText {
    /** Spreadsheet exports are full of no-break spaces (U+00A0) and BOMs, which {@link String#strip()} keeps. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\uFEFF]+");

    private CellText() {}

    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        return alreadyClean(text) ? text : SPACES.matcher(text).replaceAll(" ").strip();
    }

    /**
     * Printable ASCII with single inner spaces is its own clean form. Every cell of every row is cleaned, and
     * most are like that, so they skip the pattern.
     */
    private static boolean alreadyClean(String text) {
        char previous = ' '; // a leading space is not clean
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' ? previous == ' ' : c < 0x21 || c > 0x7e) {
                return false;
            }
            previous = c;
        }
        return previous != ' ' || text.isEmpty();
    }

    /** The form in which labels are compared: cleaned and upper-cased. */
    public static String label(String text) {
        return clean(text).toUpperCase(Locale.ROOT);
    }

    /** Labels as compared, in the given order, unmodifiable. */
    public static Set<String> labels(Collection<String> labels) {
        Set<String> out = new LinkedHashSet<>();
        for (String l : labels) {
            out.add(label(l));
        }
        return Collections.unmodifiableSet(out);
    }
}
