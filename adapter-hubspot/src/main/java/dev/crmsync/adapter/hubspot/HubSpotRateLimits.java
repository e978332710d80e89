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

/**
 * Keeps the adapter inside HubSpot's limits, in front of the host's {@link RateBudget} (which every call
 * still takes a permit from, and which hears what HubSpot reports):
 * <ul>
 *   <li>the rolling window of {@code X-HubSpot-RateLimit-Max} calls per {@code -Interval-Milliseconds}
 *       ({@link WindowPacer}); {@code -Remaining} at 0 holds calls for one call's share of the window;</li>
 *   <li>the daily budget ({@link DailyBudget}): paced, and exhausted until the account's midnight;</li>
 *   <li>CRM search's own, lower limit, which HubSpot states but reports in no header: a Resilience4j
 *       bucket of one call per {@code 1 s / search-per-second}.</li>
 * </ul>
 * A 429 is read by its {@code policyName}: {@code DAILY} waits for the account's midnight, {@code SECONDLY}
 * (search) holds search for a second, anything else pauses the host's budget for the interval. Thread-safe.
 */
final class HubSpotRateLimits {
    /** What a call is: an ordinary API call, a CRM search, or set-up (account details) that skips daily pacing. */
    enum Kind { API, SEARCH, SETUP }

    static final Duration SEARCH_PAUSE = Duration.ofSeconds(1);
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final RateBudget host;
    private final Clock clock;
    private final DailyBudget daily;
    private final RateLimiter search;
    private final WindowPacer pacer = new WindowPacer();
    private volatile long searchHoldUntilNanos;

    HubSpotRateLimits(RateBudget host, Clock clock, DailyBudget daily, int searchPerSecond) {
        this.host = host;
        this.clock = clock;
        this.daily = daily;
        this.search = RateLimiter.of("hubspot-search", RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofSeconds(1).dividedBy(searchPerSecond)).timeoutDuration(MAX_WAIT).build());
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
            long wait = pacer.reserve();
            if (wait > 0) {
                sleep(Duration.ofNanos(wait));
            }
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
                pacer.follow(max.get(), millis.get());
            }
            if (remaining.get() == 0) {
                pacer.holdFor(pacer.emissionNanos());
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
