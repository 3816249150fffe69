package org.feedbackharmonizer.cli;

/** What each exit code tells the scheduler. */
public final class ExitCodes {
    /** Every file loaded; rejected rows are normal and reported. */
    public static final int OK = 0;
    /** The job failed: nothing new was published; the previous outputs stay. */
    public static final int FAILED = 1;
    /** The run finished but one or more files were quarantined. */
    public static final int QUARANTINED = 2;
    /** Another run holds the lock; try again later. */
    public static final int BUSY = 75;
    /** Usage or configuration error: nothing was read or written. */
    public static final int USAGE = 64;

    private ExitCodes() {}
}
