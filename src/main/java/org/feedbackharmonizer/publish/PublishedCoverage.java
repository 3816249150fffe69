package org.feedbackharmonizer.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.feedbackharmonizer.coverage.Coverage.MonthRow;
import org.feedbackharmonizer.coverage.ReportingStatus;
import org.feedbackharmonizer.deidentify.SmallCellSuppressor;
import org.feedbackharmonizer.deidentify.SuppressedList;
import org.feedbackharmonizer.deidentify.SuppressedTable;
import org.feedbackharmonizer.schema.Outcome;

/**
 * The coverage rows as published, after small-cell suppression (see docs/coverage.md):
 * <ul>
 *   <li>jurisdiction-month x outcome is one table; its row totals are {@code referrals_with_feedback}, so the
 *       per-outcome cells and that column are protected together (primary and complementary suppression);
 *   <li>{@code referrals_sent}, {@code referrals_closed} and {@code orphans} are each a list over all rows with
 *       its total (the report's totals), suppressed by the same rule;
 *   <li>a percentage is empty when its numerator or denominator is, and so is the median days to close when the
 *       closed count is; {@code fit_for_estimates} is false whenever coverage is not published.
 * </ul>
 */
public final class PublishedCoverage {
    private final List<MonthRow> rows;
    private final SuppressedTable outcomes;
    private final SuppressedList sent;
    private final SuppressedList closed;
    private final SuppressedList orphans;
    private final double fitForEstimates;

    public PublishedCoverage(List<MonthRow> rows, int threshold, double fitForEstimates) {
        this.rows = List.copyOf(rows);
        this.fitForEstimates = fitForEstimates;
        SmallCellSuppressor suppressor = new SmallCellSuppressor(threshold);
        if (rows.isEmpty()) {
            outcomes = null;
            sent = closed = orphans = null;
            return;
        }
        int n = rows.size();
        long[][] byOutcome = new long[n][Outcome.values().length];
        long[] s = new long[n];
        long[] c = new long[n];
        long[] o = new long[n];
        for (int i = 0; i < n; i++) {
            MonthRow r = rows.get(i);
            for (Outcome out : Outcome.values()) {
                byOutcome[i][out.ordinal()] = r.outcome(out);
            }
            s[i] = r.sent();
            c[i] = r.closed();
            o[i] = r.orphans();
        }
        outcomes = suppressor.suppressTable(byOutcome);
        sent = suppressor.suppressList(s);
        closed = suppressor.suppressList(c);
        orphans = suppressor.suppressList(o);
    }

    public List<MonthRow> rows() {
        return rows;
    }

    /** The CSV row of row {@code i}, in {@link PublishedTables#COVERAGE} column order. */
    public List<String> csvRow(int i) {
        MonthRow r = rows.get(i);
        List<String> v = new ArrayList<>();
        v.add(r.jurisdiction());
        v.add(r.month());
        v.add(sent.display(i));
        v.add(withFeedback(i));
        v.add(coveragePct(i));
        v.add(closed.display(i));
        v.add(closedPct(i));
        v.add(median(i));
        v.add(orphans.display(i));
        for (Outcome o : Outcome.values()) {
            v.add(outcomes.display(i, o.ordinal()));
        }
        v.add(Boolean.toString(fitForEstimates(i)));
        v.add(r.status().name());
        return v;
    }

    public List<List<String>> csvRows() {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(csvRow(i));
        }
        return out;
    }

    public String withFeedback(int i) {
        return outcomes.displayRowTotal(i);
    }

    /** Coverage share 0..1 as published, or null when not published. */
    public Double coverage(int i) {
        MonthRow r = rows.get(i);
        if (sent.isSuppressed(i)
                || outcomes.isRowTotalSuppressed(i)
                || r.sent() == 0
                || r.status() == ReportingStatus.NOT_REPORTED
                || r.status() == ReportingStatus.NO_AGREEMENT) {
            return null;
        }
        return (double) r.withFeedback() / r.sent();
    }

    public String coveragePct(int i) {
        Double c = coverage(i);
        return c == null ? "" : percent(c);
    }

    public boolean fitForEstimates(int i) {
        Double c = coverage(i);
        return c != null && c >= fitForEstimates;
    }

    private String closedPct(int i) {
        MonthRow r = rows.get(i);
        if (closed.isSuppressed(i) || outcomes.isRowTotalSuppressed(i) || r.withFeedback() == 0) {
            return "";
        }
        return percent((double) r.closed() / r.withFeedback());
    }

    private String median(int i) {
        MonthRow r = rows.get(i);
        if (closed.isSuppressed(i) || r.medianDaysToClose() == null) {
            return "";
        }
        return number(r.medianDaysToClose());
    }

    public String totalSent() {
        return sent == null ? "0" : sent.displayTotal();
    }

    public String totalWithFeedback() {
        return outcomes == null ? "0" : outcomes.displayGrandTotal();
    }

    public String totalClosed() {
        return closed == null ? "0" : closed.displayTotal();
    }

    public String totalOrphans() {
        return orphans == null ? "0" : orphans.displayTotal();
    }

    /** A share as a percentage with one decimal, Locale.ROOT. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f", share * 100.0);
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
