package dev.crmsync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * Counters (e.g. a simulator's admitted requests, its 429s, records it holds) sampled every
 * {@code periodMillis} on a thread of its own, so rates and rolling-window counts can be read afterwards
 * for any stretch of the run. Times are seconds since the timeline started.
 */
final class Timeline implements AutoCloseable {
    private final LongSupplier[] counters;
    private final List<double[]> samples = new ArrayList<>();
    private final Thread thread;
    private final long start = System.nanoTime();
    private volatile boolean running = true;

    Timeline(long periodMillis, LongSupplier... counters) {
        this.counters = counters;
        sample();
        thread = new Thread(() -> {
            while (running) {
                ServiceProcess.sleep(periodMillis);
                sample();
            }
        }, "timeline");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        double[] row = new double[counters.length + 1];
        row[0] = (System.nanoTime() - start) / 1e9;
        for (int i = 0; i < counters.length; i++) {
            row[i + 1] = counters[i].getAsLong();
        }
        synchronized (samples) {
            samples.add(row);
        }
    }

    int counters() {
        return counters.length;
    }

    double now() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The first time counter {@code c} met the condition, or NaN. */
    double firstTime(int c, LongPredicate condition) {
        for (double[] row : rows()) {
            if (condition.test((long) row[c + 1])) {
                return row[0];
            }
        }
        return Double.NaN;
    }

    /** Counter {@code c} at the last sample taken at or before {@code t}. */
    long at(int c, double t) {
        long value = 0;
        for (double[] row : rows()) {
            if (row[0] > t) {
                break;
            }
            value = (long) row[c + 1];
        }
        return value;
    }

    /** The largest value counter {@code c} had in a sample taken in [from, to]. */
    long max(int c, double from, double to) {
        long max = 0;
        for (double[] row : rows()) {
            if (row[0] >= from && row[0] <= to) {
                max = Math.max(max, (long) row[c + 1]);
            }
        }
        return max;
    }

    /** How much counter {@code c} grew between {@code from} and {@code to}. */
    long delta(int c, double from, double to) {
        return at(c, to) - at(c, from);
    }

    /** Growth of counter {@code c} in every window of {@code span} seconds ending at a sample in [from, to]. */
    List<Long> windows(int c, double from, double to, double span) {
        List<Long> windows = new ArrayList<>();
        for (double[] row : rows()) {
            if (row[0] >= from && row[0] <= to) {
                windows.add((long) row[c + 1] - at(c, row[0] - span));
            }
        }
        return windows;
    }

    private List<double[]> rows() {
        synchronized (samples) {
            return new ArrayList<>(samples);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
