package org.feedbackharmonizer.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.feedbackharmonizer.coverage.Coverage;
import org.feedbackharmonizer.coverage.Coverage.AgencySubmission;
import org.feedbackharmonizer.coverage.Coverage.FieldCompleteness;
import org.feedbackharmonizer.coverage.Coverage.FileReconciliation;
import org.feedbackharmonizer.coverage.Coverage.MonthRow;
import org.feedbackharmonizer.coverage.CoverageCalculator;
import org.feedbackharmonizer.coverage.ReportingStatus;
import org.feedbackharmonizer.deidentify.FormulaGuard;

/**
 * The steward's coverage report: one self-contained HTML page (inline CSS, no script, nothing fetched). Shows
 * only published (suppressed) coverage figures. Every text value is neutralized and HTML-escaped.
 */
public final class CoverageReport {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:24px;color:#1b1b1b}
            h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ccc;padding-bottom:4px}
            table{border-collapse:collapse;font-size:12px;margin:8px 0}
            th,td{border:1px solid #bbb;padding:3px 6px;text-align:right;white-space:nowrap}
            th{background:#eee}th.row,td.row{text-align:left}
            td.nr{background:repeating-linear-gradient(45deg,#e6e6e6,#e6e6e6 4px,#fff 4px,#fff 8px);color:#555;font-style:italic}
            td.na{background:#f4f4f4;color:#888}
            td.sup{background:#dcdcf0;color:#444}
            td.none{background:#fff;color:#bbb}
            td.bad{background:#f8c9c4}td.ok{background:#d4ecd4}
            .legend span{display:inline-block;padding:2px 8px;margin-right:6px;border:1px solid #bbb;font-size:12px}
            .note{color:#555;font-size:12px;max-width:900px}
            """;

    private CoverageReport() {}

    public static String render(Coverage coverage, PublishedCoverage published, int threshold) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<title>Feedback coverage as of ")
                .append(text(coverage.asOf().toString()))
                .append("</title>\n");
        h.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>Feedback coverage as of ")
                .append(text(coverage.asOf().toString()))
                .append("</h1>\n");
        h.append("<p class=\"note\">Counts from 1 to ")
                .append(threshold - 1)
                .append(" are suppressed (with complementary cells) and shown as <i>suppressed</i>. "
                        + "<i>Not reported</i> means no agency file covers the month: it is not a zero.</p>\n");
        totals(h, coverage, published);
        heatMap(h, published);
        overdue(h, coverage.submissions());
        completeness(h, coverage.completeness(), threshold);
        reconciliation(h, coverage.files());
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void totals(StringBuilder h, Coverage c, PublishedCoverage p) {
        long overdue = c.submissions().stream().filter(s -> s.daysOverdue() > 0).count();
        long loaded =
                c.files().stream().filter(f -> "LOADED".equals(f.status())).count();
        long quarantined =
                c.files().stream().filter(f -> "QUARANTINED".equals(f.status())).count();
        long jurisdictions =
                c.months().stream().map(MonthRow::jurisdiction).distinct().count();
        h.append("<h2 id=\"totals\">Totals</h2>\n<table class=\"totals\">\n");
        row(h, "Jurisdictions", Long.toString(jurisdictions));
        row(h, "Referrals sent (ledger)", p.totalSent());
        row(h, "Referrals with feedback", p.totalWithFeedback());
        row(h, "Referrals closed", p.totalClosed());
        row(h, "Feedback rows not in the ledger (orphans)", p.totalOrphans());
        row(h, "Agencies configured", Integer.toString(c.submissions().size()));
        row(h, "Agencies overdue", Long.toString(overdue));
        row(h, "Files loaded", Long.toString(loaded));
        row(h, "Files quarantined", Long.toString(quarantined));
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th class=\"row\">")
                .append(text(label))
                .append("</th><td>")
                .append(value.isEmpty() ? "suppressed" : text(value))
                .append("</td></tr>\n");
    }

    private static void heatMap(StringBuilder h, PublishedCoverage p) {
        List<MonthRow> rows = p.rows();
        TreeSet<String> months = new TreeSet<>(Coverage.MONTH_ORDER);
        Map<String, Map<String, Integer>> index = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            MonthRow r = rows.get(i);
            if (r.month().equals(Coverage.UNKNOWN_MONTH)) {
                continue; // orphans without a month have no coverage
            }
            months.add(r.month());
            index.computeIfAbsent(r.jurisdiction(), j -> new TreeMap<>()).put(r.month(), i);
        }
        h.append("<h2 id=\"heatmap\">Coverage by jurisdiction and month made available</h2>\n");
        h.append("<p class=\"legend\"><span style=\"background:")
                .append(color(0))
                .append("\">0%</span><span style=\"background:")
                .append(color(0.5))
                .append("\">50%</span><span style=\"background:")
                .append(color(1))
                .append("\">100%</span><span class=\"nr\" style=\"background:repeating-linear-gradient(45deg,#e6e6e6,"
                        + "#e6e6e6 4px,#fff 4px,#fff 8px)\">not reported</span><span style=\"background:#f4f4f4\">"
                        + "no agreement</span><span style=\"background:#dcdcf0\">suppressed</span></p>\n");
        h.append("<table class=\"heatmap\">\n<thead><tr><th class=\"row\">Jurisdiction</th>");
        for (String m : months) {
            h.append("<th>").append(text(m)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Map<String, Integer>> e : index.entrySet()) {
            h.append("<tr class=\"jurisdiction\"><th class=\"row\">")
                    .append(text(e.getKey()))
                    .append("</th>");
            for (String m : months) {
                Integer i = e.getValue().get(m);
                if (i == null) {
                    h.append("<td class=\"none\">&ndash;</td>");
                    continue;
                }
                MonthRow r = rows.get(i);
                Double cov = p.coverage(i);
                if (r.status() == ReportingStatus.NOT_REPORTED) {
                    h.append("<td class=\"nr\" title=\"no agency file covers this month\">not reported</td>");
                } else if (r.status() == ReportingStatus.NO_AGREEMENT) {
                    h.append("<td class=\"na\" title=\"no agency under agreement\">no agreement</td>");
                } else if (cov == null) {
                    h.append("<td class=\"sup\" title=\"small counts suppressed\">suppressed</td>");
                } else {
                    String status = r.status() == ReportingStatus.PARTIAL ? " (partial)" : "";
                    h.append("<td style=\"background:")
                            .append(color(cov))
                            .append("\" title=\"")
                            .append(text(r.status().name()))
                            .append("\">")
                            .append(text(PublishedCoverage.percent(cov) + "%" + status))
                            .append("</td>");
                }
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void overdue(StringBuilder h, List<AgencySubmission> submissions) {
        List<AgencySubmission> sorted = new ArrayList<>(submissions);
        sorted.sort(Comparator.comparingLong(AgencySubmission::daysOverdue)
                .reversed()
                .thenComparing(AgencySubmission::agency));
        h.append("<h2 id=\"overdue\">Agency submissions, most overdue first</h2>\n");
        h.append("<table class=\"submissions\">\n<thead><tr><th class=\"row\">Agency</th><th class=\"row\">"
                + "Jurisdiction</th><th class=\"row\">Agreement</th><th>Cadence</th><th>Files loaded</th>"
                + "<th>Files quarantined</th><th class=\"row\">Last file id</th><th>Last as-of</th>"
                + "<th>Next file due</th><th>Days overdue</th><th class=\"row\">Status</th></tr></thead>\n<tbody>\n");
        for (AgencySubmission s : sorted) {
            String cls = s.daysOverdue() > 0 ? "bad" : "ok";
            h.append("<tr><td class=\"row\">")
                    .append(text(s.agency()))
                    .append("</td><td class=\"row\">")
                    .append(text(s.jurisdiction()))
                    .append("</td><td class=\"row\">")
                    .append(text(s.agreementId()))
                    .append("</td><td>")
                    .append(text(s.cadence().name().toLowerCase(Locale.ROOT)))
                    .append("</td><td>")
                    .append(s.filesReceived())
                    .append("</td><td>")
                    .append(s.filesQuarantined())
                    .append("</td><td class=\"row\">")
                    .append(text(nz(s.lastFileId())))
                    .append("</td><td>")
                    .append(text(s.lastAsOf() == null ? "" : s.lastAsOf().toString()))
                    .append("</td><td>")
                    .append(text(s.nextDue() == null ? "" : s.nextDue().toString()))
                    .append("</td><td class=\"")
                    .append(cls)
                    .append("\">")
                    .append(s.daysOverdue())
                    .append("</td><td class=\"row ")
                    .append(cls)
                    .append("\">")
                    .append(text(s.status().name()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void completeness(StringBuilder h, List<FieldCompleteness> rows, int threshold) {
        var suppressor = new org.feedbackharmonizer.deidentify.SmallCellSuppressor(threshold);
        Map<String, Map<String, FieldCompleteness>> byAgency = new TreeMap<>();
        for (FieldCompleteness f : rows) {
            byAgency.computeIfAbsent(f.agency(), a -> new TreeMap<>()).put(f.field(), f);
        }
        h.append("<h2 id=\"completeness\">Field completeness (share known)</h2>\n");
        h.append("<p class=\"note\">not_actionable_reason counts only rows with actionable = NO; days_to_close only"
                + " rows with status = CLOSED.</p>\n");
        h.append("<table class=\"completeness\">\n<thead><tr><th class=\"row\">Agency</th>");
        for (String field : CoverageCalculator.COMPLETENESS_FIELDS) {
            h.append("<th>").append(text(field)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Map<String, FieldCompleteness>> e : byAgency.entrySet()) {
            h.append("<tr><th class=\"row\">").append(text(e.getKey())).append("</th>");
            for (String field : CoverageCalculator.COMPLETENESS_FIELDS) {
                FieldCompleteness f = e.getValue().get(field);
                if (f == null || f.considered() == 0) {
                    h.append("<td class=\"none\" title=\"no rows\">&ndash;</td>");
                } else if (isSuppressed(suppressor, f)) {
                    // The same rule as field_completeness.csv: a share of small counts is not shown.
                    h.append("<td class=\"sup\" title=\"small counts suppressed\">suppressed</td>");
                } else {
                    double share = (double) f.known() / f.considered();
                    h.append("<td style=\"background:")
                            .append(color(share))
                            .append("\" title=\"")
                            .append(f.known())
                            .append(" of ")
                            .append(f.considered())
                            .append("\">")
                            .append(text(PublishedCoverage.percent(share) + "%"))
                            .append("</td>");
                }
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void reconciliation(StringBuilder h, List<FileReconciliation> files) {
        h.append("<h2 id=\"reconciliation\">Reconciliation per file: rows read = written + rejected + skipped</h2>\n");
        h.append("<table class=\"reconciliation\">\n<thead><tr><th class=\"row\">File id</th><th class=\"row\">"
                + "Agency</th><th class=\"row\">Status</th><th>As-of</th><th>Read</th><th>Written</th>"
                + "<th>Rejected</th><th>Skipped</th><th>Balances</th></tr></thead>\n<tbody>\n");
        for (FileReconciliation f : files) {
            boolean loaded = "LOADED".equals(f.status());
            String check = !loaded ? "&ndash;" : f.balances() ? "yes" : "NO";
            String cls = !loaded ? "none" : f.balances() ? "ok" : "bad";
            h.append("<tr><td class=\"row\">")
                    .append(text(f.fileId()))
                    .append("</td><td class=\"row\">")
                    .append(text(f.agency()))
                    .append("</td><td class=\"row\">")
                    .append(text(f.status()))
                    .append("</td><td>")
                    .append(text(f.asOf() == null ? "" : f.asOf().toString()))
                    .append("</td><td>")
                    .append(f.read())
                    .append("</td><td>")
                    .append(f.written())
                    .append("</td><td>")
                    .append(f.rejected())
                    .append("</td><td>")
                    .append(f.skipped())
                    .append("</td><td class=\"")
                    .append(cls)
                    .append("\">")
                    .append(check)
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** The same rule as field_completeness.csv. */
    private static boolean isSuppressed(
            org.feedbackharmonizer.deidentify.SmallCellSuppressor suppressor, FieldCompleteness f) {
        return CoveragePublisher.shareWithheld(CoveragePublisher.completenessCells(suppressor, f));
    }

    /** Red (0) through amber to green (1), light enough for black text. */
    static String color(double share) {
        double s = Math.max(0, Math.min(1, share));
        int hue = (int) Math.round(s * 120);
        return String.format(Locale.ROOT, "hsl(%d,70%%,78%%)", hue);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Neutralized against formulas, then HTML-escaped. */
    static String text(String value) {
        String v = FormulaGuard.neutralize(nz(value));
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
