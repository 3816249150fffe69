package org.feedbackharmonizer.store;

/** LOADING is only ever seen after a crash: such a file is redone from a clean state. */
public enum FileStatus {
    LOADING,
    LOADED,
    QUARANTINED,
    /** An earlier version of a file the agency sent again under the same name: what it said is withdrawn. */
    REPLACED
}
