package org.feedbackharmonizer.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.feedbackharmonizer.schema.CellText;
import org.feedbackharmonizer.schema.DefaultLabels;
import org.feedbackharmonizer.schema.LabelList;
import org.feedbackharmonizer.schema.MonthNames;
import org.feedbackharmonizer.schema.YesNo;

/** The agency's {@code values:}, the defaults its fields read dates and labels with, and the label lists fields share. */
final class ValueSection {
    private ValueSection() {}

    static ValueDefaults read(YamlNode root) {
        YamlNode v = root.child("values");
        List<String> dates = v.optionalStrings("dates").orElse(AgencyConfigLoader.DEFAULT_DATES);
        AgencyConfigLoader.checkPatterns(v, "dates", dates);
        Set<String> yes = CellText.labels(v.optionalStrings("yes").orElse(DefaultLabels.YES));
        Set<String> no = CellText.labels(v.optionalStrings("no").orElse(DefaultLabels.NO));
        LabelList unknown = labelList(v, "unknown", DefaultLabels.UNKNOWN);
        YesNo blank = v.optionalEnum("blank", YesNo.class).orElse(YesNo.UNKNOWN);
        MonthNames months = monthNames(v);
        overlap(v, yes, no);
        v.reportUnknownKeys();
        return new ValueDefaults(dates, yes, no, unknown, blank, months);
    }

    /** {@code month_names}: twelve entries, January first, each a name or names split by '|' ("sep|sept"). */
    private static MonthNames monthNames(YamlNode v) {
        List<String> entries = v.optionalStrings("month_names").orElse(List.of());
        List<List<String>> names = new ArrayList<>();
        for (String e : entries) {
            names.add(List.of(e.split("\\|", -1)));
        }
        try {
            return new MonthNames(names);
        } catch (IllegalArgumentException e) {
            v.problem("month_names", e.getMessage());
            return MonthNames.NONE;
        }
    }

    static void overlap(YamlNode n, Set<String> yes, Set<String> no) {
        for (String y : yes) {
            if (no.contains(y)) {
                n.problem("no", "'" + y + "' is in both yes and no");
            }
        }
    }

    /**
     * A list of labels ({@code unknown:}) whose {@code /regex/} entries are checked as a map's keys are; one that
     * does not compile is reported and left out.
     */
    static LabelList labelList(YamlNode n, String key, List<String> defaults) {
        List<String> usable = new ArrayList<>();
        for (String entry : n.optionalStrings(key).orElse(defaults)) {
            if (checkRegexEntry(n, key, entry)) {
                usable.add(entry);
            }
        }
        return LabelList.of(usable);
    }

    /** A label written where {@code /regex/} may be: false for a regex that does not compile. */
    static boolean checkRegexEntry(YamlNode n, String key, String label) {
        if (label.matches("/.+/[a-z]+")) {
            n.problem(
                    key,
                    "'" + label + "': flags after the closing slash are not supported; put them inside, e.g."
                            + " '/(?i)^yes/'");
        }
        return !LabelList.isRegex(label) || n.compile(key, label.substring(1, label.length() - 1)) != null;
    }
}
