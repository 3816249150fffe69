package org.feedbackharmonizer.schema;

/** The values of {@code convicted}: a flag that can also be pending. */
public enum Conviction {
    YES,
    NO,
    PENDING,
    UNKNOWN
}
