package dev.crmsync.service.wiring;

import dev.crmsync.core.spi.RateBudget;
import dev.crmsync.service.worker.BackfillTurns;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
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
    /** When our requests of the last period were permitted, oldest first (epoch ms of {@link #clock}). */
    private final Deque<Long> sent = new ArrayDeque<>();
    /** Backfill turns taken and not yet ended (guarded by {@link #sent}). */
    private int turnsInFlight;

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
        synchronized (sent) {
            sent.addLast(clock.millis());
            forgetOlderThanAPeriod();
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
     * True when backfill may take a request without eating into the {@code reserve} (a fraction, e.g. 0.1)
     * that live traffic keeps: fewer than {@code (1 - reserve)} of a period's requests went out in the last
     * period, rolling (a fixed-window bucket would let two periods' worth of backfill fall into one of the
     * vendor's rolling windows); more than {@code reserve} is free in the vendor's own window as it last
     * reported it (other apps on the account spend it too); and the vendor imposed no pause. What the
     * vendor said is aged by the time since (a rolling window frees about {@code max} per period).
     */
    public boolean hasHeadroom(double reserve) {
        return hasHeadroom(reserve, 0);
    }

    private boolean hasHeadroom(double reserve, int alsoCounted) {
        return sentInLastPeriod() + alsoCounted < limitForPeriod() * (1 - reserve)
                && vendorFree() > vendorMax.get() * reserve
                && !pausedUntil.get().isAfter(clock.instant());
    }

    /**
     * Backfill's turns at this budget, shared by the target's dispatchers: a turn is taken while {@link
     * #hasHeadroom} holds counting the turns still in flight as requests already sent, so two dispatchers asking
     * at once cannot both take the last room.
     */
    public BackfillTurns backfillTurns(double reserve) {
        return new BackfillTurns() {
            @Override
            public boolean take() {
                synchronized (sent) {
                    if (!hasHeadroom(reserve, turnsInFlight)) {
                        return false;
                    }
                    turnsInFlight++;
                    return true;
                }
            }

            @Override
            public void end() {
                synchronized (sent) {
                    turnsInFlight--;
                }
            }
        };
    }

    /** Our requests permitted in the last period (and a fiftieth), rolling. */
    int sentInLastPeriod() {
        synchronized (sent) {
            forgetOlderThanAPeriod();
            return sent.size();
        }
    }

    /**
     * A fiftieth more than the period: the vendor counts a request when it arrives, we when it is permitted, and
     * the trip varies, so two requests a period apart by our clock can fall into one of the vendor's windows (seen
     * as 91 calls in HubSpot's busiest window while we counted 90).
     */
    private void forgetOlderThanAPeriod() {
        long since = clock.millis() - period.toMillis() - period.toMillis() / 50;
        while (!sent.isEmpty() && sent.peekFirst() <= since) {
            sent.removeFirst();
        }
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
