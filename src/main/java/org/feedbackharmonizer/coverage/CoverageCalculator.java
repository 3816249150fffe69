package org.feedbackharmonizer.coverage;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import javax.sql.DataSource;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.AgreementConfig;
import org.feedbackharmonizer.coverage.Coverage.AgencySubmission;
import org.feedbackharmonizer.coverage.Coverage.FieldCompleteness;
import org.feedbackharmonizer.coverage.Coverage.FileReconciliation;
import org.feedbackharmonizer.coverage.Coverage.MonthRow;
import org.feedbackharmonizer.coverage.Coverage.UnmappedValue;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.SchemaField;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Computes coverage from tables {@code ledger}, {@code feedback}, {@code source_file} and {@code unmapped_label}
 * and the agency configurations. Plain Java over JDBC; the definitions are in docs/coverage.md.
 */
public final class CoverageCalculator {

    /** Fields of the completeness matrix, in schema order: the ones that carry an agency's answer. */
    public static final List<String> COMPLETENESS_FIELDS = SchemaField.PERMISSIBLE;

    private static final Comparator<FileReconciliation> LAST_FILE_ORDER =
            Comparator.comparing(FileReconciliation::asOf).thenComparing(FileReconciliation::fileId);

    public Coverage calculate(DataSource ds, List<AgencyConfig> agencies, LocalDate asOf) {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        List<FileReconciliation> files = files(jdbc);
        Map<String, FileReconciliation> lastFiles = lastFiles(files);
        List<MonthRow> months = months(jdbc, agencies, lastFiles);
        return new Coverage(
                asOf,
                months,
                submissions(agencies, files, lastFiles, asOf),
                completeness(jdbc, agencies),
                unmapped(jdbc),
                files);
    }

    /** Each agency's last loaded file: the latest as-of date, then the greatest file id. */
    private static Map<String, FileReconciliation> lastFiles(List<FileReconciliation> files) {
        Map<String, FileReconciliation> last = new HashMap<>();
        for (FileReconciliation f : files) {
            if ("LOADED".equals(f.status()) && f.asOf() != null) {
                last.merge(f.agency(), f, BinaryOperator.maxBy(LAST_FILE_ORDER));
            }
        }
        return last;
    }

    // ---- coverage by jurisdiction and month ----

    private static final class Cell {
        long sent;
        long withFeedback;
        long closed;
        long orphans;
        final long[] outcomes = new long[Outcome.values().length];
        final List<Integer> daysToClose = new ArrayList<>();
    }

    private List<MonthRow> months(
            JdbcTemplate jdbc, List<AgencyConfig> agencies, Map<String, FileReconciliation> lastFiles) {
        Map<String, Map<String, Cell>> cells = new TreeMap<>();
        jdbc.query(
                "SELECT l.jurisdiction_code, l.made_available, f.referral_key, f.status, f.outcome,"
                        + " f.days_to_close FROM ledger l LEFT JOIN feedback f"
                        + " ON f.referral_key = l.referral_key AND f.agency_code = l.agency_code",
                rs -> {
                    String month = YearMonth.from(rs.getDate(2).toLocalDate()).toString();
                    Cell c = cells.computeIfAbsent(rs.getString(1), j -> new TreeMap<>(Coverage.MONTH_ORDER))
                            .computeIfAbsent(month, m -> new Cell());
                    c.sent++;
                    if (rs.getString(3) != null) {
                        c.withFeedback++;
                        c.outcomes[outcome(rs.getString(5)).ordinal()]++;
                        if ("CLOSED".equals(rs.getString(4))) {
                            c.closed++;
                            int days = rs.getInt(6);
                            if (!rs.wasNull()) {
                                c.daysToClose.add(days);
                            }
                        }
                    }
                });
        jdbc.query(
                "SELECT f.jurisdiction_code, f.received_month, COUNT(*) FROM feedback f WHERE NOT EXISTS"
                        + " (SELECT 1 FROM ledger l WHERE l.referral_key = f.referral_key AND l.agency_code = f.agency_code)"
                        + " GROUP BY f.jurisdiction_code, f.received_month",
                rs -> {
                    String m = rs.getString(2);
                    String month = m == null || m.isBlank() ? Coverage.UNKNOWN_MONTH : m;
                    cells.computeIfAbsent(rs.getString(1), j -> new TreeMap<>(Coverage.MONTH_ORDER))
                                    .computeIfAbsent(month, x -> new Cell())
                                    .orphans +=
                            rs.getLong(3);
                });
        List<MonthRow> rows = new ArrayList<>();
        cells.forEach((jurisdiction, byMonth) -> byMonth.forEach((month, c) -> {
            int under = 0;
            int reporting = 0;
            ReportingStatus status;
            if (month.equals(Coverage.UNKNOWN_MONTH)) {
                status = ReportingStatus.UNKNOWN_MONTH;
            } else {
                YearMonth ym = YearMonth.parse(month);
                for (AgencyConfig a : agencies) {
                    if (a.jurisdiction().equals(jurisdiction) && underAgreement(a.agreement(), ym)) {
                        under++;
                        FileReconciliation last = lastFiles.get(a.code());
                        if (last != null && !last.asOf().isBefore(ym.atEndOfMonth())) {
                            reporting++;
                        }
                    }
                }
                status = reportingStatus(under, reporting, c.withFeedback);
            }
            List<Long> outcomes = Arrays.stream(c.outcomes).boxed().toList();
            rows.add(new MonthRow(
                    jurisdiction,
                    month,
                    c.sent,
                    c.withFeedback,
                    c.closed,
                    median(c.daysToClose),
                    c.orphans,
                    outcomes,
                    status,
                    under,
                    reporting));
        }));
        return rows;
    }

    static ReportingStatus reportingStatus(int underAgreement, int reporting, long withFeedback) {
        if (reporting > 0) {
            return withFeedback > 0 ? ReportingStatus.REPORTED : ReportingStatus.REPORTED_NO_FEEDBACK;
        }
        if (withFeedback > 0) {
            return ReportingStatus.PARTIAL;
        }
        return underAgreement == 0 ? ReportingStatus.NO_AGREEMENT : ReportingStatus.NOT_REPORTED;
    }

    /** True when the agreement was in force on at least one day of the month. */
    static boolean underAgreement(AgreementConfig agreement, YearMonth month) {
        return !agreement.effective().isAfter(month.atEndOfMonth())
                && (agreement.expires() == null || !agreement.expires().isBefore(month.atDay(1)));
    }

    private static Outcome outcome(String value) {
        try {
            return value == null ? Outcome.UNKNOWN : Outcome.valueOf(value);
        } catch (IllegalArgumentException e) {
            return Outcome.UNKNOWN;
        }
    }

    static Double median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        int[] v = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }

    // ---- agency submissions ----

    private List<AgencySubmission> submissions(
            List<AgencyConfig> agencies,
            List<FileReconciliation> files,
            Map<String, FileReconciliation> lastFiles,
            LocalDate asOf) {
        List<AgencySubmission> out = new ArrayList<>();
        for (AgencyConfig a : agencies) {
            int loaded = 0;
            int quarantined = 0;
            for (FileReconciliation f : files) {
                if (!f.agency().equals(a.code())) {
                    continue;
                }
                if ("QUARANTINED".equals(f.status())) {
                    quarantined++;
                } else if ("LOADED".equals(f.status())) {
                    loaded++;
                }
            }
            out.add(submission(a, loaded, quarantined, lastFiles.get(a.code()), asOf));
        }
        out.sort(Comparator.comparing(AgencySubmission::agency));
        return out;
    }

    static AgencySubmission submission(
            AgencyConfig a, int loaded, int quarantined, FileReconciliation last, LocalDate asOf) {
        AgreementConfig ag = a.agreement();
        // The next period to report on: the one containing the agreement's start, or the one after the last file's.
        LocalDate periodStart = last == null
                ? ag.effective()
                : ag.periodEndReportedOn(last.asOf()).plusDays(1);
        LocalDate periodEnd = ag.cadence().periodEnd(periodStart);
        boolean noMoreDue = ag.expires() != null && periodStart.isAfter(ag.expires());
        LocalDate nextDue = noMoreDue ? null : periodEnd.plusDays(ag.graceDays());
        long overdue = nextDue == null || !asOf.isAfter(nextDue) ? 0 : ChronoUnit.DAYS.between(nextDue, asOf);
        SubmissionStatus status;
        if (nextDue == null) {
            status = SubmissionStatus.AGREEMENT_EXPIRED;
        } else if (last == null) {
            status = SubmissionStatus.NEVER_SENT;
        } else if (overdue > 0) {
            status = SubmissionStatus.OVERDUE;
        } else {
            status = SubmissionStatus.ON_TIME;
        }
        return new AgencySubmission(
                a.code(),
                a.jurisdiction(),
                ag.id(),
                ag.cadence(),
                ag.graceDays(),
                loaded,
                quarantined,
                last == null ? null : last.fileId(),
                last == null ? null : last.asOf(),
                nextDue,
                overdue,
                status);
    }

    // ---- field completeness ----

    private List<FieldCompleteness> completeness(JdbcTemplate jdbc, List<AgencyConfig> agencies) {
        StringBuilder sql = new StringBuilder("SELECT agency_code");
        for (String field : COMPLETENESS_FIELDS) {
            String applies = switch (field) {
                case "not_actionable_reason" -> "actionable = 'NO'";
                case "days_to_close" -> "status = 'CLOSED'";
                default -> "1 = 1";
            };
            String known = field.equals("days_to_close")
                    ? "days_to_close IS NOT NULL"
                    : field + " IS NOT NULL AND " + field + " <> '' AND " + field + " <> 'UNKNOWN'";
            sql.append(", SUM(CASE WHEN ").append(applies).append(" THEN 1 ELSE 0 END)");
            sql.append(", SUM(CASE WHEN ")
                    .append(applies)
                    .append(" AND ")
                    .append(known)
                    .append(" THEN 1 ELSE 0 END)");
        }
        sql.append(" FROM feedback GROUP BY agency_code");
        Map<String, long[]> byAgency = new TreeMap<>();
        for (AgencyConfig a : agencies) {
            byAgency.put(a.code(), new long[COMPLETENESS_FIELDS.size() * 2]);
        }
        jdbc.query(sql.toString(), rs -> {
            long[] v = new long[COMPLETENESS_FIELDS.size() * 2];
            for (int i = 0; i < v.length; i++) {
                v[i] = rs.getLong(i + 2);
            }
            byAgency.put(rs.getString(1), v);
        });
        List<FieldCompleteness> out = new ArrayList<>();
        byAgency.forEach((agency, v) -> {
            for (int i = 0; i < COMPLETENESS_FIELDS.size(); i++) {
                out.add(new FieldCompleteness(agency, COMPLETENESS_FIELDS.get(i), v[2 * i], v[2 * i + 1]));
            }
        });
        return out;
    }

    // ---- steward lists ----

    private List<UnmappedValue> unmapped(JdbcTemplate jdbc) {
        return jdbc.query(
                "SELECT u.agency_code, u.field, u.column_name, u.label, SUM(u.occurrences)"
                        + " FROM unmapped_label u JOIN source_file s ON s.file_id = u.file_id WHERE s.status = 'LOADED'"
                        + " GROUP BY u.agency_code, u.field, u.column_name, u.label"
                        + " ORDER BY u.agency_code, u.field, u.column_name, u.label",
                (rs, i) -> new UnmappedValue(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
    }

    private List<FileReconciliation> files(JdbcTemplate jdbc) {
        return jdbc.query(
                "SELECT file_id, agency_code, status, as_of_date, rows_read, rows_written,"
                        + " rows_rejected, rows_skipped FROM source_file ORDER BY agency_code, file_id",
                (rs, i) -> new FileReconciliation(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8)));
    }
}
