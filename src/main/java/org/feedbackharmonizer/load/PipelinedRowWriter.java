package org.feedbackharmonizer.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.feedbackharmonizer.mapping.Reject;
import org.feedbackharmonizer.mapping.UnmappedLabels;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.store.FeedbackStore;
import org.feedbackharmonizer.store.StoreFailure;

/**
 * Writes a file's rows on a thread of its own, so that reading and mapping the next rows overlaps with the
 * database storing the last ones: with one large file on a two-core machine the second core would otherwise
 * idle. Rows reach the store in the order they were given, so a pipelined load stores exactly what a direct one
 * does. A failure of the store surfaces on the reading thread at its next call.
 */
final class PipelinedRowWriter implements FeedbackStore.RowWriter {
    private static final int BATCH = 1_000;
    private static final Object END = new Object();

    private final FeedbackStore.RowWriter store;
    private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private List<Object> batch = new ArrayList<>(BATCH);
    private volatile Throwable failure;

    PipelinedRowWriter(FeedbackStore.RowWriter store, String threadName) {
        this.store = store;
        this.thread = new Thread(this::drain, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void write(FeedbackRecord record) {
        add(record);
    }

    @Override
    public void reject(Reject reject) {
        add(reject);
    }

    @Override
    public void unmapped(UnmappedLabels labels) {
        add(labels);
    }

    @Override
    public void flush() {
        CountDownLatch flushed = new CountDownLatch(1);
        add(flushed);
        hand();
        try {
            flushed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while the store was writing", e);
        }
        rethrow();
    }

    @Override
    public void close() {
        try {
            add(END);
            hand();
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        } catch (StoreFailure alreadyFailed) {
            thread.interrupt();
            joinQuietly();
        } finally {
            store.close();
        }
    }

    private void joinQuietly() {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void add(Object item) {
        rethrow();
        batch.add(item);
        if (batch.size() == BATCH) {
            hand();
        }
    }

    private void hand() {
        if (batch.isEmpty()) {
            return;
        }
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                rethrow(); // the writer died with the queue full
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while the store was writing", e);
        }
        batch = new ArrayList<>(BATCH);
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f != null) {
            throw new StoreFailure("the store's writer failed", f);
        }
    }

    private void drain() {
        try {
            while (true) {
                for (Object item : queue.take()) {
                    if (item == END) {
                        return;
                    }
                    if (failure != null) {
                        release(item);
                        continue;
                    }
                    try {
                        apply(item);
                    } catch (RuntimeException | Error e) {
                        failure = e;
                    }
                    release(item);
                }
            }
        } catch (InterruptedException e) {
            // closing after a failure
        }
    }

    private void apply(Object item) {
        if (item instanceof FeedbackRecord r) {
            store.write(r);
        } else if (item instanceof Reject r) {
            store.reject(r);
        } else if (item instanceof UnmappedLabels u) {
            store.unmapped(u);
        } else if (item instanceof CountDownLatch) {
            store.flush();
        }
    }

    private static void release(Object item) {
        if (item instanceof CountDownLatch flushed) {
            flushed.countDown();
        }
    }
}
