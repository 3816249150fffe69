package org.feedbackharmonizer.schema;

/** The schema's three-valued flag, used by actionable, search_warrant, arrest and charged. */
public enum YesNo {
    YES,
    NO,
    UNKNOWN
}
