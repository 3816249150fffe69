package org.feedbackharmonizer.publish;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Text written on one thread and read on another, at most {@value #CHUNKS} chunks in between: the export writes
 * {@code feedback.csv} and the output guard reads the same text as it comes, on the second core, instead of
 * parsing the finished file again afterwards (docs/scaling.md). A reader that stops early (a finding) makes the
 * rest of the writing a no-op instead of a wait; the writer must {@link Writer#close() close} its side, also on
 * failure, or the reader waits for the end.
 */
final class TextPipe {
    private static final int CHUNKS = 16;
    private static final char[] END = new char[0];

    private final BlockingQueue<char[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private volatile boolean readerGone;
    private volatile boolean writerClosed;

    /** The writing side; write through a {@link java.io.BufferedWriter} so that chunks are large. */
    Writer writer() {
        return new Writer() {
            @Override
            public void write(char[] text, int off, int len) throws IOException {
                if (writerClosed) {
                    throw new IOException("the pipe is closed");
                }
                if (len > 0) {
                    put(Arrays.copyOfRange(text, off, off + len));
                }
            }

            @Override
            public void flush() {
                // every write is handed on as it is made
            }

            @Override
            public void close() throws IOException {
                if (!writerClosed) {
                    writerClosed = true;
                    put(END);
                }
            }
        };
    }

    /** The reading side; closing it lets the writer finish without anyone reading. */
    Reader reader() {
        return new Reader() {
            private char[] chunk = new char[0];
            private int at;

            @Override
            public int read(char[] into, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                while (at == chunk.length) {
                    if (chunk == END) {
                        return -1;
                    }
                    try {
                        chunk = chunks.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while reading the export");
                    }
                    at = 0;
                }
                int n = Math.min(len, chunk.length - at);
                System.arraycopy(chunk, at, into, off, n);
                at += n;
                return n;
            }

            @Override
            public void close() {
                readerGone = true;
                chunks.clear();
            }
        };
    }

    private void put(char[] chunk) throws IOException {
        try {
            while (!readerGone) {
                if (chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing on the export");
        }
    }
}
