package org.feedbackharmonizer.mapping;

/**
 * A value that fails its type or vocabulary. Cheap (no stack trace): the row mapper turns it into a reject.
 * The message says what was expected, never the value itself, which may be personal.
 */
public final class ValueRejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final RejectReason reason;

    public ValueRejected(RejectReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
