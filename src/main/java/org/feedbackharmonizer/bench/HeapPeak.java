package org.feedbackharmonizer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The heap's high-water mark over a phase, sampled every few milliseconds on a daemon thread (heap used,
 * garbage included: an upper bound on what the phase needed).
 */
public final class HeapPeak implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapPeak() {
        System.gc();
        sampler = new Thread(this::sample, "heap-peak");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling a phase. */
    public static HeapPeak start() {
        return new HeapPeak();
    }

    private void sample() {
        while (running) {
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used > peak) {
                peak = used;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The highest heap use seen, in MB. */
    public double peakMb() {
        return peak / 1048576.0;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
    }

    public static double maxMb() {
        return Runtime.getRuntime().maxMemory() / 1048576.0;
    }
}
