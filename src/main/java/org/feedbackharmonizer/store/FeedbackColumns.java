package org.feedbackharmonizer.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.YearMonth;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.schema.NotActionableReason;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.Status;
import org.feedbackharmonizer.schema.VictimBand;
import org.feedbackharmonizer.schema.YesNo;

/** The columns of a feedback row as the store writes and reads them, in one order. */
final class FeedbackColumns {
    static final String COLUMNS = "referral_key, agency_code, jurisdiction_code, agreement_id, as_of_date,"
            + " received_month, status, outcome, actionable, not_actionable_reason, search_warrant, arrest,"
            + " charged, convicted, victims_identified, subject_age_band, days_to_close, source_file,"
            + " source_sheet, source_row";
    private static final int COLUMN_COUNT = COLUMNS.split(",").length;
    static final String INSERT =
            "INSERT INTO feedback (" + COLUMNS + ") VALUES (" + "?, ".repeat(COLUMN_COUNT - 1) + "?)";

    private FeedbackColumns() {}

    /** Binds the 20 columns of {@link #COLUMNS} in their order. */
    static void bind(PreparedStatement p, FeedbackRecord r) throws SQLException {
        p.setString(1, r.referralKey());
        p.setString(2, r.agencyCode());
        p.setString(3, r.jurisdictionCode());
        p.setString(4, r.agreementId());
        p.setDate(5, Date.valueOf(r.asOfDate()));
        p.setString(6, r.receivedMonth() == null ? null : r.receivedMonth().toString());
        p.setString(7, r.status().name());
        p.setString(8, r.outcome().name());
        p.setString(9, r.actionable().name());
        p.setString(
                10,
                r.notActionableReason() == null ? null : r.notActionableReason().name());
        p.setString(11, r.searchWarrant().name());
        p.setString(12, r.arrest().name());
        p.setString(13, r.charged().name());
        p.setString(14, r.convicted().name());
        p.setString(15, r.victimsIdentified().label());
        p.setString(16, r.subjectAgeBand().label());
        if (r.daysToClose() == null) {
            p.setNull(17, Types.INTEGER);
        } else {
            p.setInt(17, r.daysToClose());
        }
        p.setString(18, r.sourceFile());
        p.setString(19, r.sourceSheet());
        p.setLong(20, r.sourceRow());
    }

    /** A row selected as {@link #COLUMNS}, in that order: by position, as a name costs a lookup per column. */
    static FeedbackRecord feedback(ResultSet rs) throws SQLException {
        String month = rs.getString(6);
        String reason = rs.getString(10);
        int days = rs.getInt(17);
        Integer daysToClose = rs.wasNull() ? null : days;
        return new FeedbackRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getDate(5).toLocalDate(),
                month == null ? null : YearMonth.parse(month),
                Status.valueOf(rs.getString(7)),
                Outcome.valueOf(rs.getString(8)),
                YesNo.valueOf(rs.getString(9)),
                reason == null ? null : NotActionableReason.valueOf(reason),
                YesNo.valueOf(rs.getString(11)),
                YesNo.valueOf(rs.getString(12)),
                YesNo.valueOf(rs.getString(13)),
                Conviction.valueOf(rs.getString(14)),
                VictimBand.ofLabel(rs.getString(15)),
                AgeBand.ofLabel(rs.getString(16)),
                daysToClose,
                rs.getString(18),
                rs.getString(19),
                rs.getLong(20));
    }
}
