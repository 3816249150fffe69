package org.feedbackharmonizer.coverage;

import java.sql.Date;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.feedbackharmonizer.coverage.Coverage.AgencySubmission;
import org.feedbackharmonizer.coverage.Coverage.FieldCompleteness;
import org.feedbackharmonizer.coverage.Coverage.MonthRow;
import org.feedbackharmonizer.schema.Outcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Replaces the coverage tables of the store (V3__coverage.sql) with a computed {@link Coverage}, in one transaction. */
public final class CoverageStore {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public CoverageStore(DataSource ds) {
        this.jdbc = new JdbcTemplate(ds);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    public void replace(Coverage coverage) {
        tx.executeWithoutResult(status -> {
            for (String t : List.of("coverage_month", "coverage_outcome", "agency_submission", "field_completeness")) {
                jdbc.update("DELETE FROM " + t);
            }
            List<Object[]> months = new ArrayList<>();
            List<Object[]> outcomes = new ArrayList<>();
            for (MonthRow r : coverage.months()) {
                months.add(new Object[] {
                    r.jurisdiction(),
                    r.month(),
                    r.sent(),
                    r.withFeedback(),
                    r.closed(),
                    r.medianDaysToClose(),
                    r.orphans(),
                    r.status().name(),
                    r.agenciesUnderAgreement(),
                    r.agenciesReporting()
                });
                for (Outcome o : Outcome.values()) {
                    if (r.outcome(o) > 0) {
                        outcomes.add(new Object[] {r.jurisdiction(), r.month(), o.name(), r.outcome(o)});
                    }
                }
            }
            jdbc.batchUpdate(
                    "INSERT INTO coverage_month (jurisdiction_code, month_available, referrals_sent,"
                            + " referrals_with_feedback, referrals_closed, median_days_to_close, orphans, reporting_status,"
                            + " agencies_under_agreement, agencies_reporting) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    months,
                    new int[] {
                        Types.VARCHAR,
                        Types.VARCHAR,
                        Types.BIGINT,
                        Types.BIGINT,
                        Types.BIGINT,
                        Types.DOUBLE,
                        Types.BIGINT,
                        Types.VARCHAR,
                        Types.INTEGER,
                        Types.INTEGER
                    });
            jdbc.batchUpdate(
                    "INSERT INTO coverage_outcome (jurisdiction_code, month_available, outcome, referrals)"
                            + " VALUES (?, ?, ?, ?)",
                    outcomes);
            List<Object[]> subs = new ArrayList<>();
            for (AgencySubmission s : coverage.submissions()) {
                subs.add(new Object[] {
                    s.agency(),
                    s.jurisdiction(),
                    s.agreementId(),
                    s.cadence().name(),
                    s.graceDays(),
                    s.filesReceived(),
                    s.filesQuarantined(),
                    s.lastFileId(),
                    s.lastAsOf() == null ? null : Date.valueOf(s.lastAsOf()),
                    s.nextDue() == null ? null : Date.valueOf(s.nextDue()),
                    s.daysOverdue(),
                    s.status().name(),
                    Date.valueOf(coverage.asOf())
                });
            }
            jdbc.batchUpdate(
                    "INSERT INTO agency_submission (agency_code, jurisdiction_code, agreement_id, cadence,"
                            + " grace_days, files_received, files_quarantined, last_file_id, last_as_of_date, next_due_date,"
                            + " days_overdue, status, as_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    subs,
                    new int[] {
                        Types.VARCHAR,
                        Types.VARCHAR,
                        Types.VARCHAR,
                        Types.VARCHAR,
                        Types.INTEGER,
                        Types.INTEGER,
                        Types.INTEGER,
                        Types.VARCHAR,
                        Types.DATE,
                        Types.DATE,
                        Types.INTEGER,
                        Types.VARCHAR,
                        Types.DATE
                    });
            List<Object[]> fields = new ArrayList<>();
            for (FieldCompleteness f : coverage.completeness()) {
                fields.add(new Object[] {f.agency(), f.field(), f.considered(), f.known()});
            }
            jdbc.batchUpdate(
                    "INSERT INTO field_completeness (agency_code, field, rows_considered, rows_known)"
                            + " VALUES (?, ?, ?, ?)",
                    fields);
        });
    }
}
