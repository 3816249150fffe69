package org.feedbackharmonizer.ingest;

/** Receives the records of a file in file order. May throw {@link StopReading} to end reading early. */
@FunctionalInterface
public interface RecordSink {
    void accept(RawRecord record);
}
