package dev.crmsync.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Medians and printing: every figure is a median of several runs, printed with what it was measured against. */
final class Stats {
    private Stats() {
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static <T> double median(List<T> runs, ToDoubleFunction<T> figure) {
        return median(runs.stream().map(figure::applyAsDouble).toList());
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static void say(String format, Object... args) {
        System.out.println(f(format, args));
        System.out.flush();
    }

    /** Percentile (0-100) of latencies in nanoseconds, as milliseconds. */
    static double percentileMillis(long[] nanos, int count, double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = java.util.Arrays.copyOf(nanos, count);
        java.util.Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.ceil(percentile / 100.0 * count) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
