package dev.crmsync.testkit.load;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Latencies in microseconds, kept whole so percentiles are exact; fixed capacity, thread-safe. */
final class LatencyRecorder {
    private final long[] micros;
    private final AtomicInteger count = new AtomicInteger();

    LatencyRecorder(int capacity) {
        this.micros = new long[capacity];
    }

    void record(long latencyMicros) {
        int i = count.getAndIncrement();
        if (i < micros.length) {
            micros[i] = latencyMicros;
        }
    }

    int count() {
        return Math.min(count.get(), micros.length);
    }

    /** The given percentile (0-100) in milliseconds. */
    double percentileMillis(double percentile) {
        int n = count();
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, n);
        Arrays.sort(sorted);
        int index = (int) Math.min(n - 1, Math.ceil(percentile / 100.0 * n) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
