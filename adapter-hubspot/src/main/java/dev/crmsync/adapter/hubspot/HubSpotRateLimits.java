package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.spi.RateBudget;
import dev.crmsync.core.spi.TransientAdapterException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the adapter inside HubSpot's limits, in front of the host's {@link RateBudget} (which every call
 * still takes a permit from, and which hears what HubSpot reports):
 * <ul>
 *   <li>the rolling window of {@code X-HubSpot-RateLimit-Max} calls per {@code -Interval-Milliseconds}, as a
 *       Resilience4j token bucket that refills in slices small enough that no rolling window ever sees more
 *       than the maximum ({@link Window}); {@code -Remaining} at 0 holds calls for one slice;</li>
 *   <li>the daily budget ({@link DailyBudget}): paced, and exhausted until the account's midnight;</li>
 *   <li>CRM search's own, lower limit, which HubSpot states but reports in no header: a separate bucket.</li>
 * </ul>
 * A 429 is read by its {@code policyName}: {@code DAILY} waits for the account's midnight, {@code SECONDLY}
 * (search) holds search for a second, anything else pauses the host's budget for the interval. Thread-safe.
 */
final class HubSpotRateLimits {
    /** What a call is: an ordinary API call, a CRM search, or set-up (account details) that skips daily pacing. */
    enum Kind { API, SEARCH, SETUP }

    static final Duration SEARCH_PAUSE = Duration.ofSeconds(1);
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    /**
     * A token bucket that keeps under {@code max} calls in any rolling {@code interval}: {@code perSlice}
     * permits every {@code interval / slices}; any rolling interval meets at most {@code slices + 1} slices,
     * so {@code perSlice * (slices + 1) <= max}. A twentieth of the maximum per slice keeps 95% of it.
     */
    record Window(long max, Duration interval, int perSlice, int slices) {
        static Window of(long max, Duration interval) {
            int perSlice = (int) Math.max(1, max / 20);
            int slices = (int) Math.max(1, max / perSlice - 1);
            return new Window(max, interval, perSlice, slices);
        }

        Duration slice() {
            return interval.dividedBy(slices);
        }
    }

    private final RateBudget host;
    private final Clock clock;
    private final DailyBudget daily;
    private final RateLimiter search;
    private final AtomicReference<RateLimiter> interval = new AtomicReference<>();
    private volatile Window window;
    private volatile long holdUntilNanos;
    private volatile long searchHoldUntilNanos;

    HubSpotRateLimits(RateBudget host, Clock clock, DailyBudget daily, int searchPerSecond) {
        this.host = host;
        this.clock = clock;
        this.daily = daily;
        this.search = RateLimiter.of("hubspot-search", RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofSeconds(1).dividedBy(searchPerSecond)).timeoutDuration(MAX_WAIT).build());
        // HubSpot's smallest documented burst limit until the first answer tells the real one.
        use(Window.of(100, Duration.ofSeconds(10)));
    }

    /** Blocks until a call of this kind may be sent. */
    void acquire(Kind kind) {
        if (kind != Kind.SETUP) {
            daily.takeTurn().ifPresent(this::waitUntil);
        }
        if (kind == Kind.SEARCH) {
            holdUntil(searchHoldUntilNanos);
            permit(search);
        } else {
            holdUntil(holdUntilNanos);
            permit(interval.get());
        }
        host.acquire();
    }

    /** Reads HubSpot's answer: the budget headers, and on 429 the policy it names. */
    void observe(HubSpotResponse response, Kind kind) {
        HttpHeaders headers = response.headers();
        Optional<Long> max = HubSpotErrorClassifier.number(headers, "X-HubSpot-RateLimit-Max");
        Optional<Long> remaining = HubSpotErrorClassifier.number(headers, "X-HubSpot-RateLimit-Remaining");
        Optional<Long> millis = HubSpotErrorClassifier.number(headers, "X-HubSpot-RateLimit-Interval-Milliseconds");
        if (max.isPresent() && remaining.isPresent()) {
            host.observeRemaining(remaining.get(), max.get());
            if (millis.isPresent() && max.get() > 0 && millis.get() > 0) {
                Window seen = Window.of(max.get(), Duration.ofMillis(millis.get()));
                if (!seen.equals(window)) {
                    use(seen);
                }
            }
            if (remaining.get() == 0) {
                holdUntilNanos = System.nanoTime() + window.slice().toNanos();
            }
        }
        Optional<Long> dailyMax = HubSpotErrorClassifier.number(headers, "X-HubSpot-RateLimit-Daily");
        Optional<Long> dailyRemaining = HubSpotErrorClassifier.number(headers, "X-HubSpot-RateLimit-Daily-Remaining");
        if (dailyMax.isPresent() && dailyRemaining.isPresent()) {
            daily.observe(dailyMax.get(), dailyRemaining.get());
        }
        if (response.status() == 429) {
            onRateLimited(response, kind);
        }
    }

    private void onRateLimited(HubSpotResponse response, Kind kind) {
        String policy = response.error().policyName();
        if ("DAILY".equals(policy)) {
            daily.spent();
            host.pauseFor(Duration.between(clock.instant(), daily.nextMidnight()));
        } else if ("SECONDLY".equals(policy) || (kind == Kind.SEARCH && policy == null)) {
            searchHoldUntilNanos = System.nanoTime() + SEARCH_PAUSE.toNanos();
        } else {
            host.pauseFor(HubSpotErrorClassifier.rateLimitWait(response.headers()));
        }
    }

    private void use(Window next) {
        window = next;
        interval.set(RateLimiter.of("hubspot-interval", RateLimiterConfig.custom().limitForPeriod(next.perSlice())
                .limitRefreshPeriod(next.slice()).timeoutDuration(MAX_WAIT).build()));
    }

    private static void permit(RateLimiter limiter) {
        if (!limiter.acquirePermission()) {
            throw new TransientAdapterException("HubSpot rate limit: no permit within " + MAX_WAIT.toMinutes()
                    + " minutes from " + limiter.getName(), 429, null, null);
        }
    }

    private static void holdUntil(long nanos) {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            sleep(Duration.ofNanos(left));
        }
    }

    /** Waits for a wall-clock instant (the account's midnight), following the injected clock. */
    private void waitUntil(Instant until) {
        while (true) {
            Duration left = Duration.between(clock.instant(), until);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            sleep(left.compareTo(Duration.ofMillis(200)) < 0 ? left : Duration.ofMillis(200));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientAdapterException("HubSpot rate limit: interrupted while waiting", 0, null, e);
        }
    }
}
