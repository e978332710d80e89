package dev.crmsync.testkit.instantly;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Instantly's per-workspace budgets, shared by every key of the workspace: at most {@code perSecond}
 * requests in any rolling second and {@code perMinute} in any rolling minute. Thread-safe.
 */
final class RateLimits {
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private final Deque<Long> calls = new ArrayDeque<>();
    private int perSecond;
    private int perMinute;

    RateLimits(int perSecond, int perMinute) {
        set(perSecond, perMinute);
    }

    /** Admits the request, or says how long until one would be admitted. */
    synchronized Optional<Duration> admit() {
        long now = System.nanoTime();
        while (!calls.isEmpty() && now - calls.peekFirst() >= MINUTE) {
            calls.removeFirst();
        }
        if (calls.size() >= perMinute) {
            return Optional.of(untilFree(now, calls.size() - perMinute, MINUTE));
        }
        long inLastSecond = calls.stream().filter(t -> now - t < SECOND).count();
        if (inLastSecond >= perSecond) {
            return Optional.of(untilFree(now, (int) (calls.size() - inLastSecond + (inLastSecond - perSecond)), SECOND));
        }
        calls.addLast(now);
        return Optional.empty();
    }

    synchronized void set(int perSecond, int perMinute) {
        if (perSecond < 1 || perMinute < 1) {
            throw new IllegalArgumentException("rate limits must be at least 1, found " + perSecond + "/s and "
                    + perMinute + "/min");
        }
        this.perSecond = perSecond;
        this.perMinute = perMinute;
    }

    synchronized void reset(int perSecond, int perMinute) {
        calls.clear();
        set(perSecond, perMinute);
    }

    /** How long until the call at {@code index} (oldest first) leaves a window of {@code span} nanoseconds. */
    private Duration untilFree(long now, int index, long span) {
        long at = calls.stream().skip(index).findFirst().orElse(now);
        return Duration.ofNanos(Math.max(0, at + span - now));
    }
}
