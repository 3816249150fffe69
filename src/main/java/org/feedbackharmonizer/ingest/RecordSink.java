package org.feedbackharmonizer.ingest;

/**
 * Receives the records of a file in file order. May throw {@link StopReading} to end reading early, or
 * {@link StopReading#sheet()} to end the sheet being read.
 */
@FunctionalInterface
public interface RecordSink {
    void accept(RawRecord record);
}
