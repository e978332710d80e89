package dev.crmsync.core.spi;

import java.time.Duration;

/**
 * The host's rate limit for one target. Adapters call {@link #acquire()} before each request and
 * report what the vendor said about its own budget; the host decides how to wait.
 * Implementations are thread-safe.
 */
public interface RateBudget {

    RateBudget UNLIMITED = new RateBudget() {
        @Override
        public void acquire() {
        }
    };

    /** Blocks until one request may be sent. */
    void acquire();

    /** The vendor asked us to wait (429 with {@code Retry-After}): no request is sent before then. */
    default void pauseFor(Duration wait) {
    }

    /** The vendor's own view of the budget, from headers such as {@code X-HubSpot-RateLimit-Remaining}. */
    default void observeRemaining(long remaining, long max) {
    }
}
