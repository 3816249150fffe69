package org.feedbackharmonizer.ingest;

/** Thrown by a {@link RecordSink} that has seen enough (previews, header detection); readers let it pass. */
public final class StopReading extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StopReading() {
        super(null, null, false, false);
    }
}
