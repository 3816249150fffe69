package org.feedbackharmonizer.config;

import java.util.List;
import java.util.regex.Pattern;

/** Rows that are not data (blank, totals, repeated headers); they are counted as skipped, never lost. */
public record SkipRules(boolean blankRows, boolean repeatedHeader, List<Rule> when) {

    /**
     * Skip a row when the named column's text matches {@code matches} (regex, find) or equals {@code equals}
     * (ignoring case).
     */
    public record Rule(String column, Pattern matches, String equals) {}
}
