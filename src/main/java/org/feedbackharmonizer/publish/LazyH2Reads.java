package org.feedbackharmonizer.publish;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an export with H2's lazy query execution on the step's connection. Without it H2 builds a query's whole
 * result before returning the first row and writes every row beyond {@code MAX_MEMORY_ROWS} to a temporary file,
 * then reads it back: for {@code feedback.csv}, a million rows taken in primary-key order straight from the
 * index, that copy was more than half the export's time. Lazy, H2 hands out the rows as it walks the index. Same
 * rows, same order.
 *
 * <p>The store's queries inside the step run on the connection bound to the step's transaction, so that is the
 * one switched, for the export only. Anything else (PostgreSQL, no transaction, a URL that chooses the mode
 * itself) runs the export unchanged.
 */
final class LazyH2Reads {
    /** An export that may fail with an I/O error. */
    interface Export<T> {
        T run() throws IOException;
    }

    private LazyH2Reads() {}

    static <T> T run(DataSource ds, Export<T> export) throws IOException {
        if (!TransactionSynchronizationManager.hasResource(ds)) {
            return export.run();
        }
        Connection c = DataSourceUtils.getConnection(ds);
        try {
            if (!switchable(c)) {
                return export.run();
            }
            lazy(c, true);
            try {
                return export.run();
            } finally {
                lazy(c, false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set H2's query execution mode", e);
        } finally {
            DataSourceUtils.releaseConnection(c, ds);
        }
    }

    private static boolean switchable(Connection c) throws SQLException {
        String url = c.getMetaData().getURL().toUpperCase(Locale.ROOT);
        return url.startsWith("JDBC:H2:") && !url.contains("LAZY_QUERY_EXECUTION");
    }

    private static void lazy(Connection c, boolean on) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }
}
