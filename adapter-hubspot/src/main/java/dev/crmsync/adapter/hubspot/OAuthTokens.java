package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.config.Secret;
import dev.crmsync.core.spi.TransientAdapterException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens of an OAuth app, refreshed ahead of their expiry: a token is renewed once a quarter of its
 * lifetime (at most five minutes) is left, so no call goes out with a token about to lapse. One thread
 * refreshes while the others wait for its result (single flight). A refresh that meets 429, 5xx or no
 * answer is retried with exponential backoff and jitter (Resilience4j {@link Retry}); a refused refresh
 * token fails at once with the reason. Thread-safe.
 */
final class OAuthTokens implements HubSpotCredentials {
    private static final Logger log = LoggerFactory.getLogger(OAuthTokens.class);
    static final Duration MAX_MARGIN = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private record Current(Secret accessToken, Instant renewAt) {
    }

    private final OAuthTokenEndpoint endpoint;
    private final Clock clock;
    private final Retry retry;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Current current;
    private volatile Secret refreshToken;

    OAuthTokens(OAuthTokenEndpoint endpoint, Secret refreshToken, Clock clock) {
        this.endpoint = endpoint;
        this.refreshToken = refreshToken;
        this.clock = clock;
        this.retry = Retry.of("hubspot-token-refresh", RetryConfig.custom()
                .maxAttempts(MAX_ATTEMPTS)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(FIRST_BACKOFF, 2.0, 0.5))
                .retryOnException(e -> e instanceof TransientAdapterException)
                .build());
    }

    @Override
    public Secret token() {
        Current now = current;
        if (isFresh(now)) {
            return now.accessToken();
        }
        lock.lock();
        try {
            if (!isFresh(current)) {
                refresh();
            }
            return current.accessToken();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean renewAfterRejection(Secret rejected) {
        lock.lock();
        try {
            // Another thread may have renewed it already while this call was in flight.
            if (current == null || current.accessToken() == rejected) {
                log.info("HubSpot rejected the OAuth access token before its expiry; refreshing it once");
                refresh();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean isFresh(Current token) {
        return token != null && clock.instant().isBefore(token.renewAt());
    }

    private void refresh() {
        OAuthTokenEndpoint.Issued issued = Retry.decorateSupplier(retry, () -> endpoint.refresh(refreshToken)).get();
        Duration margin = issued.lifetime().dividedBy(4);
        if (margin.compareTo(MAX_MARGIN) > 0) {
            margin = MAX_MARGIN;
        }
        refreshToken = issued.refreshToken();
        current = new Current(issued.accessToken(), clock.instant().plus(issued.lifetime()).minus(margin));
        log.debug("HubSpot OAuth access token refreshed; valid for {} s", issued.lifetime().toSeconds());
    }
}
