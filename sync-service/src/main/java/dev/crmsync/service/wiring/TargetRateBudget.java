package dev.crmsync.service.wiring;

import dev.crmsync.core.spi.RateBudget;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One target's outbound budget: a Resilience4j token bucket of {@code requests} per {@code period},
 * plus a pause the vendor can impose (429 with a wait). Also keeps the vendor's own view of what
 * is left, for metrics.
 */
public final class TargetRateBudget implements RateBudget {
    private final RateLimiter limiter;
    private final Clock clock;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.EPOCH);
    private final AtomicLong vendorRemaining = new AtomicLong(-1);
    private final AtomicLong vendorMax = new AtomicLong(-1);
    private final AtomicReference<Instant> vendorObservedAt = new AtomicReference<>(Instant.EPOCH);
    private final Duration period;

    public TargetRateBudget(String name, int requests, Duration period, Clock clock) {
        this.clock = clock;
        this.period = period;
        this.limiter = RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(requests)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ofMinutes(10))
                .build());
    }

    @Override
    public void acquire() {
        waitOutPause();
        if (!limiter.acquirePermission()) {
            throw new IllegalStateException("rate limiter " + limiter.getName() + " gave no permission within 10 minutes");
        }
    }

    @Override
    public void pauseFor(Duration wait) {
        Instant until = clock.instant().plus(wait);
        pausedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public void observeRemaining(long remaining, long max) {
        vendorRemaining.set(remaining);
        vendorMax.set(max);
        vendorObservedAt.set(clock.instant());
    }

    /** What the vendor last said was left of its budget, or -1 before it said anything. */
    public long vendorRemaining() {
        return vendorRemaining.get();
    }

    /**
     * True when more than {@code reserve} (a fraction, e.g. 0.1) of a period's requests are free, both in
     * our own bucket and in the vendor's own window as it last reported it, and the vendor imposed no
     * pause: backfill may then take a request without eating into what live traffic keeps. Our bucket
     * starts afresh each period, so two periods' worth of backfill could fall into one of the vendor's
     * rolling windows; its figure keeps the last {@code reserve} free there. What the vendor said is aged
     * by the time since (a rolling window frees about {@code max} per period), so a quiet spell frees it.
     */
    public boolean hasHeadroom(double reserve) {
        int free = limiter.getMetrics().getAvailablePermissions();
        return free > limiter.getRateLimiterConfig().getLimitForPeriod() * reserve
                && vendorFree() > vendorMax.get() * reserve
                && !pausedUntil.get().isAfter(clock.instant());
    }

    /** The vendor's last reported remaining, plus what its window freed since; unbounded before it said anything. */
    private double vendorFree() {
        long max = vendorMax.get();
        if (max <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double periods = Duration.between(vendorObservedAt.get(), clock.instant()).toMillis() / (double) period.toMillis();
        return vendorRemaining.get() + max * Math.max(0, periods);
    }

    /** What the vendor last said its budget was, or -1 before it said anything. */
    public long vendorMax() {
        return vendorMax.get();
    }

    /** Requests our own bucket still allows in the current period (negative while callers wait). */
    public int availablePermissions() {
        return limiter.getMetrics().getAvailablePermissions();
    }

    /** Requests our own bucket allows per period. */
    public int limitForPeriod() {
        return limiter.getRateLimiterConfig().getLimitForPeriod();
    }

    public Instant pausedUntil() {
        return pausedUntil.get();
    }

    private void waitOutPause() {
        while (true) {
            Duration left = Duration.between(clock.instant(), pausedUntil.get());
            if (left.isNegative() || left.isZero()) {
                return;
            }
            try {
                Thread.sleep(Math.min(left.toMillis() + 1, 1_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting out a vendor's rate-limit pause", e);
            }
        }
    }
}
