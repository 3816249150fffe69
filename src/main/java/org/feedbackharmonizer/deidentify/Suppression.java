package org.feedbackharmonizer.deidentify;

/** Why a published count is or is not withheld. */
public enum Suppression {
    /** Published. */
    NONE,
    /** A small count: 1 to threshold - 1. */
    PRIMARY,
    /** Withheld only so that a primary one cannot be worked out from the totals. */
    COMPLEMENTARY;

    public boolean suppressed() {
        return this != NONE;
    }
}
