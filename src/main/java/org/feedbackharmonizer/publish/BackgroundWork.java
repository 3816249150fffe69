package org.feedbackharmonizer.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.feedbackharmonizer.deidentify.OutputRejected;

/**
 * One daemon thread for the parts of the publish that need neither the step's transaction nor its thread, so
 * that they run beside the feedback export on a second core. Tasks run in the order given.
 *
 * <p>Closing never interrupts a running task: an interrupt in the middle of a JDBC read can close the database
 * file's channel under H2. It cancels the tasks not yet started and waits for the running one.
 */
final class BackgroundWork implements AutoCloseable {
    private final ExecutorService thread;
    private final List<Future<?>> tasks = new ArrayList<>();

    BackgroundWork(String threadName) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    <T> Future<T> submit(Callable<T> task) {
        Future<T> f = thread.submit(task);
        tasks.add(f);
        return f;
    }

    /** The task's result, or what it threw, as if it had run on this thread. */
    static <T> T await(Future<T> task) throws OutputRejected {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a publish task", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OutputRejected r) {
                throw r;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        tasks.forEach(f -> f.cancel(false));
        thread.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
