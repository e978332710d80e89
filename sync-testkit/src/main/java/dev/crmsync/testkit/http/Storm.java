package dev.crmsync.testkit.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A vendor having a bad day, applied to every admitted API request independently: a share answered
 * with a 5xx, a share that starts a burst of 429s, a share that stalls before it is handled, and a
 * share whose connection is dropped without an answer, before or after the write happened.
 * Seeded, so a failing run can be repeated.
 *
 * @param seed           the random seed
 * @param serverErrors   share of requests answered 500, 502, 503 or 504 without being applied
 * @param rateLimitBursts share of requests that start a burst of 429s (this request and the next ones)
 * @param burstLength    how many requests in a row a burst refuses
 * @param stalls         share of requests held for {@code stall} before they are handled
 * @param stall          how long a stalled request is held (longer than the client's timeout, to make it fire)
 * @param resets         share of requests whose connection is closed without an answer; half of them
 *                       after the write was applied, the case that tests a client's idempotency
 */
public record Storm(long seed, double serverErrors, double rateLimitBursts, int burstLength, double stalls,
                    Duration stall, double resets) {

    public Storm {
        Objects.requireNonNull(stall, "stall");
        double total = serverErrors + rateLimitBursts + stalls + resets;
        if (serverErrors < 0 || rateLimitBursts < 0 || stalls < 0 || resets < 0 || total > 1) {
            throw new IllegalArgumentException("storm shares must be at least 0 and add up to at most 1, found "
                    + serverErrors + " + " + rateLimitBursts + " + " + stalls + " + " + resets);
        }
        if (burstLength < 1) {
            throw new IllegalArgumentException("burstLength must be at least 1, found " + burstLength);
        }
    }

    /** What the storm does to one request. */
    public enum Hit {
        NONE, SERVER_ERROR, RATE_LIMITED, STALL, RESET_BEFORE_APPLY, RESET_AFTER_APPLY;

        /** True when the request gets no HTTP answer at all. */
        public boolean dropsConnection() {
            return this == RESET_BEFORE_APPLY || this == RESET_AFTER_APPLY;
        }
    }
}
