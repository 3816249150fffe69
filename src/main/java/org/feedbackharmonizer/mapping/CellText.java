package org.feedbackharmonizer.mapping;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** How every value parser reads a cell's text: trimmed, with runs of any kind of space collapsed to one. */
final class CellText {
    /** Spreadsheet exports are full of no-break spaces (U+00A0) and BOMs, which {@link String#strip()} keeps. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\uFEFF]+");

    private CellText() {}

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** The form in which labels are compared: cleaned and upper-cased. */
    static String label(String text) {
        return clean(text).toUpperCase(Locale.ROOT);
    }

    /** Labels as compared, in the given order, unmodifiable. */
    static Set<String> labels(Collection<String> labels) {
        Set<String> out = new LinkedHashSet<>();
        for (String l : labels) {
            out.add(label(l));
        }
        return Collections.unmodifiableSet(out);
    }
}
