package org.feedbackharmonizer.load;

/** Told of every row, so that a terminal can show rows and rows/s while a long file loads. */
@FunctionalInterface
public interface FileProgress {
    void row();
}
