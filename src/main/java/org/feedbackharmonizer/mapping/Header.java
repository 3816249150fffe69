package org.feedbackharmonizer.mapping;

import java.util.List;

/**
 * A located header.
 *
 * @param rowNumber the (last) header row
 * @param names per column, the normalized names it goes by ("Enforcement Arrest" and "Arrest" for a grouped
 *     column)
 * @param reason why this row was taken, for {@code inspect}
 */
public record Header(long rowNumber, List<List<String>> names, String reason) {

    /** The first column known by any of {@code normalizedNames}, or -1. */
    public int find(List<String> normalizedNames) {
        for (String wanted : normalizedNames) {
            for (int c = 0; c < names.size(); c++) {
                if (names.get(c).contains(wanted)) {
                    return c;
                }
            }
        }
        return -1;
    }
}
