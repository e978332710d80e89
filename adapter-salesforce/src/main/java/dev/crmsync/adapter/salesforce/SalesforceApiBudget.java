package dev.crmsync.adapter.salesforce;

import dev.crmsync.core.spi.RateBudget;
import dev.crmsync.core.spi.TransientAdapterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps this service under its share of the org's rolling 24-hour API budget. Every answer's limit info
 * ({@code Sforce-Limit-Info: api-usage=25/15000}, in SOAP the {@code LimitInfoHeader} of type
 * {@code API REQUESTS}) updates the view; once usage reaches {@code share × limit}, or Salesforce answers
 * {@code REQUEST_LIMIT_EXCEEDED}, the target pauses for {@code pause} (the host's budget too, so the
 * dispatcher waits instead of failing) and calls are refused as rate-limited until then. Thread-safe.
 */
final class SalesforceApiBudget {
    /** A concurrent-request refusal clears as soon as a long call ends. */
    static final Duration CONCURRENT_WAIT = Duration.ofSeconds(5);

    private final RateBudget host;
    private final double share;
    private final Duration pause;
    private final Clock clock;
    private long used;
    private long limit;
    private Instant pausedUntil = Instant.MIN;

    SalesforceApiBudget(RateBudget host, double share, Duration pause, Clock clock) {
        this.host = host;
        this.share = share;
        this.pause = pause;
        this.clock = clock;
    }

    /** Waits for the host's rate limit, then refuses when the share is spent or a pause is running. */
    void beforeCall(String operation) {
        Duration wait = waitNeeded();
        if (!wait.isZero()) {
            throw TransientAdapterException.rateLimited("Salesforce " + operation + ": not sent, the API budget "
                    + "share is spent (" + describe() + "); paused for " + wait.toSeconds() + " s", 0, wait, null);
        }
        host.acquire();
    }

    /** What the last answer said: {@code used} calls of {@code limit} in the rolling 24 hours. */
    void observe(long used, long limit) {
        long allowed;
        synchronized (this) {
            this.used = used;
            this.limit = limit;
            allowed = allowed();
        }
        if (limit > 0) {
            host.observeRemaining(Math.max(0, allowed - used), allowed);
        }
    }

    /** Salesforce refused a call for its limits: the target pauses; the error to report. */
    TransientAdapterException limitExceeded(String operation, String message, Throwable cause) {
        boolean concurrent = message != null && message.toLowerCase().contains("concurrent");
        Duration wait = concurrent ? CONCURRENT_WAIT : pause;
        pauseFor(wait);
        return TransientAdapterException.rateLimited("Salesforce " + operation + ": expected an answer, found "
                + "REQUEST_LIMIT_EXCEEDED (" + message + "); target paused for " + wait.toSeconds() + " s", 500, wait,
                cause);
    }

    synchronized String describe() {
        return "api-usage=" + used + "/" + limit + ", share " + share;
    }

    private synchronized Duration waitNeeded() {
        Instant now = clock.instant();
        if (limit > 0 && used >= allowed() && !now.isBefore(pausedUntil)) {
            pausedUntil = now.plus(pause);
            host.pauseFor(pause);
            // Re-probe after the pause: the next answer's usage says whether the rolling window freed budget.
            used = 0;
            return pause;
        }
        return now.isBefore(pausedUntil) ? Duration.between(now, pausedUntil) : Duration.ZERO;
    }

    private void pauseFor(Duration wait) {
        synchronized (this) {
            Instant until = clock.instant().plus(wait);
            pausedUntil = until.isAfter(pausedUntil) ? until : pausedUntil;
        }
        host.pauseFor(wait);
    }

    private long allowed() {
        return (long) Math.floor(limit * share);
    }
}
