package org.feedbackharmonizer.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Rows that are not data (blank, totals, repeated headers, a notes block at the end); they are counted as skipped,
 * never lost.
 *
 * @param when rules that each skip the rows they match
 * @param from null, or the rule whose first matching row ends a sheet's data: that row and every row after it, to
 *     the end of the sheet, are skipped (a "NOTES:" block under the table)
 */
public record SkipRules(boolean blankRows, boolean repeatedHeader, List<Rule> when, Rule from) {

    /**
     * Skip a row when the named column's text matches {@code matches} (regex, find) or equals {@code equals}
     * (ignoring case).
     *
     * @param reject null to skip the rows; else they are rejected instead, with this (the steward's words) as
     *     why: records the agency voided, which it wants to hear back about
     */
    public record Rule(String column, Pattern matches, String equals, String reject) {

        public Rule(String column, Pattern matches, String equals) {
            this(column, matches, equals, null);
        }
    }
}
