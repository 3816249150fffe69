package org.feedbackharmonizer.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.postgresql.PGConnection;

/**
 * Current feedback rows for PostgreSQL, sent with {@code COPY ... FROM STDIN} instead of INSERT batches: the
 * server parses one CSV stream instead of a statement per row. Part of the caller's transaction like INSERTs.
 */
final class PostgresCopy {
    private static final String COPY = "COPY feedback (" + FeedbackColumns.COLUMNS + ") FROM STDIN (FORMAT csv)";

    private final StringBuilder rows = new StringBuilder(1 << 16);
    private int pending;

    static boolean supports(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                && connection.isWrapperFor(PGConnection.class);
    }

    /** @return the rows waiting for {@link #flush} */
    int add(FeedbackRecord r) {
        text(r.referralKey()).text(r.agencyCode()).text(r.jurisdictionCode()).text(r.agreementId());
        plain(r.asOfDate())
                .text(r.receivedMonth() == null ? null : r.receivedMonth().toString());
        text(r.status().name()).text(r.outcome().name()).text(r.actionable().name());
        text(r.notActionableReason() == null ? null : r.notActionableReason().name());
        text(r.searchWarrant().name()).text(r.arrest().name()).text(r.charged().name());
        text(r.convicted().name())
                .text(r.victimsIdentified().label())
                .text(r.subjectAgeBand().label());
        plain(r.daysToClose()).text(r.sourceFile()).text(r.sourceSheet());
        rows.append(r.sourceRow()).append('\n');
        return ++pending;
    }

    void flush(Connection connection) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into feedback failed", e);
        }
        rows.setLength(0);
        pending = 0;
    }

    // In CSV COPY an unquoted empty field is NULL and a quoted one is the empty string (a sheet of a text file).
    private PostgresCopy text(String value) {
        if (value != null) {
            rows.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        rows.append(',');
        return this;
    }

    private PostgresCopy plain(Object value) {
        if (value != null) {
            rows.append(value);
        }
        rows.append(',');
        return this;
    }
}
