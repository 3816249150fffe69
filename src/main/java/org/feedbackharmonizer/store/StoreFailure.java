package org.feedbackharmonizer.store;

/** The store failed (not the input): the run fails with exit code 1. Messages never carry row values. */
public final class StoreFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreFailure(String message, Throwable cause) {
        super(message + ": " + rootMessage(cause), cause);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String m = root.getClass().getSimpleName();
        // SQL error messages can quote the failing values: keep only the SQL state.
        if (root instanceof java.sql.SQLException s) {
            m += " (SQL state " + s.getSQLState() + ", code " + s.getErrorCode() + ")";
        }
        return m;
    }
}
