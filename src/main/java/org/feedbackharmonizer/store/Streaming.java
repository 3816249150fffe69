package org.feedbackharmonizer.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Lets a large result stream instead of being materialized first. H2 builds a whole result before the first row
 * unless lazy execution is on, and spills it to a temporary file past a few thousand rows; PostgreSQL streams with
 * a fetch size once autocommit is off, which the caller does.
 */
final class Streaming implements AutoCloseable {
    private final Connection connection;
    private final boolean h2;

    private Streaming(Connection connection, boolean h2) {
        this.connection = connection;
        this.h2 = h2;
    }

    static Streaming on(Connection connection) throws SQLException {
        // a URL that chooses the mode itself keeps it
        String url = connection.getMetaData().getURL().toUpperCase(java.util.Locale.ROOT);
        boolean h2 = url.startsWith("JDBC:H2:") && !url.contains("LAZY_QUERY_EXECUTION");
        if (h2) {
            lazy(connection, true);
        }
        return new Streaming(connection, h2);
    }

    private static void lazy(Connection connection, boolean on) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }

    @Override
    public void close() throws SQLException {
        if (h2) {
            // pooled connections go back as they came
            lazy(connection, false);
        }
    }
}
