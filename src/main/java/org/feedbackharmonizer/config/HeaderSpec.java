package org.feedbackharmonizer.config;

/**
 * Where the header is.
 *
 * @param row 1-based row of the (first) header row, or null to detect it
 * @param minMatches how many configured column names a row must contain to be taken as the header
 * @param rows 1, or 2 when a merged group cell sits over sub-columns
 * @param searchRows how many rows from the top of a sheet are searched for the header
 */
public record HeaderSpec(Integer row, int minMatches, int rows, int searchRows) {}
