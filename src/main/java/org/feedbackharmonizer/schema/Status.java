package org.feedbackharmonizer.schema;

public enum Status {
    OPEN,
    CLOSED,
    UNKNOWN
}
