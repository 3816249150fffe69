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
import java.util.function.Supplier;
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
        return calculate(ds, agencies, asOf, () -> tally(new JdbcTemplate(ds)));
    }

    /**
     * Coverage with the current feedback counted elsewhere: {@code tally} is asked for after the ledger has been
     * read, so a caller may still be filling it (the publish counts the rows as it exports them).
     */
    public Coverage calculate(
            DataSource ds, List<AgencyConfig> agencies, LocalDate asOf, Supplier<FeedbackTally> tally) {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        List<FileReconciliation> files = files(jdbc);
        Map<String, FileReconciliation> lastFiles = lastFiles(files);
        Map<String, Map<String, Cell>> cells = ledgerCells(jdbc);
        FeedbackTally counted = tally.get();
        return new Coverage(
                asOf,
                months(cells, counted, agencies, lastFiles),
                submissions(agencies, files, lastFiles, asOf),
                completeness(counted, agencies),
                unmapped(jdbc),
                files);
    }

    /** The current feedback counted in one scan of the table. */
    private static FeedbackTally tally(JdbcTemplate jdbc) {
        FeedbackTally tally = new FeedbackTally();
        List<String> columns = new ArrayList<>(List.of("agency_code", "jurisdiction_code"));
        columns.addAll(COMPLETENESS_FIELDS);
        int[] at = columns.stream().mapToInt(SchemaField.ALL::indexOf).toArray();
        jdbc.query("SELECT " + String.join(", ", columns) + " FROM feedback", rs -> {
            Object[] values = new Object[SchemaField.ALL.size()];
            for (int i = 0; i < at.length; i++) {
                values[at[i]] = rs.getString(i + 1);
            }
            tally.add(values);
        });
        return tally;
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
        /** Feedback rows of this jurisdiction and received month that a ledger row matched. */
        long matched;

        final long[] outcomes = new long[Outcome.values().length];
        final List<Integer> daysToClose = new ArrayList<>();
    }

    /**
     * The ledger's referrals per jurisdiction and month made available, with the feedback each has. Each cell also
     * counts, per feedback jurisdiction and received month, the feedback rows the ledger matched: a feedback row
     * matches at most one ledger row (both are keyed by agency and referral), so the rest are orphans.
     */
    private static Map<String, Map<String, Cell>> ledgerCells(JdbcTemplate jdbc) {
        Map<String, Map<String, Cell>> cells = new TreeMap<>();
        jdbc.query(
                "SELECT l.jurisdiction_code, l.made_available, f.referral_key, f.status, f.outcome,"
                        + " f.days_to_close, f.jurisdiction_code, f.received_month FROM ledger l LEFT JOIN feedback f"
                        + " ON f.referral_key = l.referral_key AND f.agency_code = l.agency_code",
                rs -> {
                    String month = YearMonth.from(rs.getDate(2).toLocalDate()).toString();
                    Cell c = cell(cells, rs.getString(1), month);
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
                        cell(cells, rs.getString(7), FeedbackTally.monthOf(rs.getString(8))).matched++;
                    }
                });
        return cells;
    }

    private static Cell cell(Map<String, Map<String, Cell>> cells, String jurisdiction, String month) {
        return cells.computeIfAbsent(jurisdiction, j -> new TreeMap<>(Coverage.MONTH_ORDER))
                .computeIfAbsent(month, m -> new Cell());
    }

    private List<MonthRow> months(
            Map<String, Map<String, Cell>> cells,
            FeedbackTally tally,
            List<AgencyConfig> agencies,
            Map<String, FileReconciliation> lastFiles) {
        tally.rowsByJurisdictionAndMonth()
                .forEach((jurisdiction, byMonth) -> byMonth.forEach((month, n) -> {
                    Map<String, Cell> ofJurisdiction = cells.get(jurisdiction);
                    Cell known = ofJurisdiction == null ? null : ofJurisdiction.get(month);
                    long orphans = n[0] - (known == null ? 0 : known.matched);
                    if (orphans > 0) {
                        cell(cells, jurisdiction, month).orphans = orphans;
                    }
                }));
        // a cell made only to count matched feedback rows, in a jurisdiction-month the ledger sent nothing for and
        // without orphans, is not a row of the table
        cells.values().forEach(byMonth -> byMonth.values().removeIf(c -> c.sent == 0 && c.orphans == 0));
        cells.values().removeIf(Map::isEmpty);
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

    private static List<FieldCompleteness> completeness(FeedbackTally tally, List<AgencyConfig> agencies) {
        Map<String, long[]> byAgency = new TreeMap<>();
        for (AgencyConfig a : agencies) {
            byAgency.put(a.code(), new long[COMPLETENESS_FIELDS.size() * 2]);
        }
        byAgency.putAll(tally.completeness());
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
