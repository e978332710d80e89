package dev.crmsync.adapter.instantly;

import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.AdapterException;
import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.TransientAdapterException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides what a failed Instantly call means for the engine: 429, 5xx and I/O failures are
 * transient; 401 and 403 mean {@code INSTANTLY_API_KEY} is wrong or lacks a scope; any other 4xx is
 * permanent, with Instantly's own message (e-mail addresses masked). Messages never carry the key.
 */
final class InstantlyErrorClassifier {
    /**
     * Instantly documents the limits (100 requests per second, 6,000 per minute per workspace) and the
     * 429, but no {@code Retry-After}; its own advice is to wait 2 s between batches of 100 calls.
     */
    static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(2);

    private InstantlyErrorClassifier() {
    }

    static AdapterException classify(String operation, int status, InstantlyError error, HttpHeaders headers) {
        String found = "Instantly " + operation + ": expected HTTP 2xx, found " + status + " (" + error.safeMessage() + ")";
        if (status == 429) {
            Duration wait = rateLimitWait(headers);
            return new TransientAdapterException(found + "; retry after " + wait.toMillis() + " ms", status, wait, null);
        }
        if (status == 401 || status == 403) {
            return new AdapterConfigException(found + "; check INSTANTLY_API_KEY: it must be an API v2 key of this "
                    + "workspace with the scopes this call needs", status, null);
        }
        if (status >= 500 || status == 408) {
            return new TransientAdapterException(found, status, retryAfter(headers).orElse(null), null);
        }
        return new PermanentAdapterException(found, status);
    }

    /** A call that got no HTTP answer: timed out, refused or cut. Its effect on Instantly is unknown. */
    static TransientAdapterException failedCall(String operation, Duration timeout, IOException e) {
        String what;
        if (e instanceof HttpTimeoutException) {
            what = "no answer within " + timeout.toMillis() + " ms (the write may still have been applied)";
        } else if (e instanceof ConnectException) {
            what = "no connection (" + e.getClass().getSimpleName() + ")";
        } else {
            what = "an I/O failure (" + e.getClass().getSimpleName() + ")";
        }
        return new TransientAdapterException("Instantly " + operation + ": expected an HTTP answer, found " + what,
                0, null, e);
    }

    /** How long a 429 asks us to wait: {@code Retry-After} in seconds when present, else {@link #DEFAULT_RATE_LIMIT_WAIT}. */
    static Duration rateLimitWait(HttpHeaders headers) {
        return retryAfter(headers).orElse(DEFAULT_RATE_LIMIT_WAIT);
    }

    private static Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException e) {
                // An HTTP date is allowed by RFC 9110 but not seen from Instantly; the default wait applies.
                return Optional.empty();
            }
        });
    }
}
